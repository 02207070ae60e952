using System.Text.Json;
using Barangay.Data.Audit;
using Barangay.Data.Complaints.Kp;
using Barangay.Data.Residents;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Complaints;

public sealed partial class ComplaintService
{
    public const int MaxPageSize = 100;

    /// <summary>
    /// Whether the caller works complaints and may see this one (confidential: assigned official or the view_confidential
    /// permission). A complaint of violence against women and their children is seen only by the Punong Barangay
    /// (view_vawc) and the official it is assigned to, not by every holder of view_confidential (RA 9262, sec. 44).
    /// </summary>
    internal static bool HallMaySee(Caller caller, bool confidential, Guid? assignedTo, string? category) =>
        caller.Can(Permissions.Complaints.Handle) &&
        (!confidential || caller.Can(Permissions.Complaints.ViewConfidential) || (caller.UserId is { } me && assignedTo == me)) &&
        (!Kp.KpIntakeRules.IsVawc(category) || caller.Can(Permissions.Complaints.ViewVawc) || (caller.UserId is { } you && assignedTo == you));

    /// <summary>The hall's visibility rule as a query filter: the same rule as <see cref="HallMaySee"/>.</summary>
    internal static IQueryable<Complaint> VisibleToHall(IQueryable<Complaint> q, Caller caller)
    {
        if (!caller.Can(Permissions.Complaints.Handle)) return q.Where(_ => false);
        var me = caller.UserId;
        if (!caller.Can(Permissions.Complaints.ViewVawc)) q = q.Where(c => c.Category != Kp.KpIntakeRules.VawcCategory || c.AssignedTo == me);
        if (caller.Can(Permissions.Complaints.ViewConfidential)) return q;
        return q.Where(c => !c.Confidential || c.AssignedTo == me);
    }

    /// <summary>
    /// The signed-in resident's own complaints, newest first, a page at a time with the true count (the list used to
    /// stop at 200 without saying so); <paramref name="openOnly"/> keeps the ones the home counts as open
    /// (<see cref="ComplaintStatuses.Open"/>), so the home's "My open complaints" number opens a list of exactly
    /// that many. A confidential one by its reference number alone (<see cref="ConfidentialComplaints"/>).
    /// </summary>
    public async Task<Accounts.Page<MyComplaint>> MinePageAsync(bool openOnly, int page, int size, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (caller.UserId is null || !caller.Can(Permissions.Complaints.File)) return new Accounts.Page<MyComplaint>([], 0);
        size = Math.Clamp(size, 1, MaxPageSize);
        var mine = from c in db.Complaints.AsNoTracking()
                   join r in db.Residents.AsNoTracking() on c.ResidentId equals r.Id
                   where r.UserId == caller.UserId
                   select c;
        if (openOnly) mine = mine.Where(c => ComplaintStatuses.Open.Contains(c.Status));
        var total = await mine.CountAsync(ct);
        var rows = await mine.OrderByDescending(c => c.ReportedAt).ThenBy(c => c.Id).Skip(Math.Max(0, page) * size).Take(size)
            .Select(c => new { c.Id, c.ComplaintId, c.Category, c.Subject, c.Status, c.Confidential, c.ReportedAt, c.UpdatedAt })
            .ToListAsync(ct);
        var labels = await LabelsAsync(db, LookupCategories.ComplaintCategory, ct);
        return new Accounts.Page<MyComplaint>(rows.Select(r => new MyComplaint(r.Id, r.ComplaintId,
            ConfidentialComplaints.ListCategory(r.Confidential, labels.GetValueOrDefault(r.Category, r.Category)),
            ConfidentialComplaints.ListSubject(r.Confidential, r.Subject), r.Status, r.Confidential, r.ReportedAt, r.UpdatedAt)).ToList(), total);
    }

    /// <summary>
    /// A complaint for its page: the complainant's own (without internal notes), or one the hall may see; otherwise
    /// null ("not found"). Every view of a confidential complaint, and every refused look, is audited.
    /// </summary>
    public async Task<ComplaintDetail?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var row = await db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        var resident = row?.ResidentId is { } rid ? await db.Residents.AsNoTracking().IgnoreQueryFilters().FirstOrDefaultAsync(r => r.Id == rid, ct) : null;
        var own = row is not null && caller.UserId is not null && resident?.UserId == caller.UserId;
        var hall = row is not null && HallMaySee(caller, row.Confidential, row.AssignedTo, row.Category);
        if (row is null || (!own && !hall))
        {
            if (row is not null)
            {
                db.Record(AuditActions.View, TargetType, id.ToString(), new { outcome = "refused" });
                await db.SaveChangesAsync(ct);
            }
            return null;
        }
        if (row.Confidential)
        {
            db.Record(AuditActions.View, TargetType, id.ToString(), new { complaint_id = row.ComplaintId, confidential = true, as_complainant = own && !hall });
            await db.SaveChangesAsync(ct);
        }
        return await DetailAsync(db, row, resident, forHall: hall, ct);
    }

    internal async Task<ComplaintDetail> DetailAsync(BarangayDbContext db, Complaint row, Resident? resident, bool forHall, CancellationToken ct)
    {
        var meta = ComplaintMetadata.Parse(row.Metadata);
        var codes = new[] { row.Category, row.Subcategory, row.Purok }.Where(c => c is not null).ToList();
        var labels = await db.LookupValues.AsNoTracking().Where(l => codes.Contains(l.Code) &&
                (l.Category == LookupCategories.ComplaintCategory || l.Category == LookupCategories.ComplaintSubcategory || l.Category == LookupCategories.Purok))
            .Select(l => new { l.Category, l.Code, l.Label }).ToListAsync(ct);
        string? Label(string category, string? code) => code is null ? null : labels.FirstOrDefault(l => l.Category == category && l.Code == code)?.Label ?? code;
        var assigned = row.AssignedTo is { } a ? await db.Users.AsNoTracking().IgnoreQueryFilters().Where(u => u.Id == a).Select(u => u.FullName).FirstOrDefaultAsync(ct) : null;
        var kp = await db.Set<KpCase>().AsNoTracking().Where(k => k.ComplaintId == row.Id).Select(k => (Guid?)k.Id).FirstOrDefaultAsync(ct);
        var attachments = string.IsNullOrWhiteSpace(row.Attachments) ? [] : JsonSerializer.Deserialize<List<Guid>>(row.Attachments) ?? [];
        var now = clock.GetUtcNow().UtcDateTime;
        var thread = await Messaging.MessagingService.ThreadOfAsync(db, row.Id, ct) ?? meta.ConversationId;
        var files = attachments.Count == 0 ? [] : await db.Files.AsNoTracking().Where(f => attachments.Contains(f.Id))
            .Select(f => new ComplaintAttachment(f.Id, f.FileName, f.ContentType ?? "application/octet-stream")).ToListAsync(ct);
        return new ComplaintDetail(
            row.Id, row.ComplaintId, row.ResidentId, resident is null ? row.ComplainantName ?? "Unknown" : Name(resident),
            row.Contact ?? resident?.ContactNumber, row.Category, Label(LookupCategories.ComplaintCategory, row.Category)!,
            row.Subcategory, Label(LookupCategories.ComplaintSubcategory, row.Subcategory), row.Subject, row.Description, row.Purok,
            Label(LookupCategories.Purok, row.Purok), row.Location, row.Confidential, attachments, row.Status, row.Priority,
            forHall ? row.AssignedTo : null, assigned, row.ResolutionNotes, meta.RejectionReason, row.ReportedAt, row.ResolvedAt,
            ComplaintTargets.IsOverdue(row.Status, row.Priority, row.ReportedAt, now), meta.History,
            forHall ? meta.Notes : [], thread, kp, meta.Channel ?? ComplaintChannels.App, forHall, row.Version)
        {
            Attachments = attachments.Select(id => files.FirstOrDefault(f => f.Id == id) ?? new ComplaintAttachment(id, "Attachment", "application/octet-stream")).ToList(),
        };
    }

    /// <summary>
    /// The triage queue, one page at a time: overdue and urgent first, then newest. Confidential complaints appear only
    /// for the officials who may see them; the search (complaint id, subject, complainant) obeys the same rule.
    /// </summary>
    public async Task<ComplaintQueuePage> QueueAsync(ComplaintQueueFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Complaints.Handle)) return new ComplaintQueuePage([], 0);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(0, page);
        var now = clock.GetUtcNow().UtcDateTime;
        var q = VisibleToHall(db.Complaints.AsNoTracking(), caller);
        if (!string.IsNullOrWhiteSpace(filter.Status)) q = q.Where(c => c.Status == filter.Status);
        if (!string.IsNullOrWhiteSpace(filter.Category)) q = q.Where(c => c.Category == filter.Category);
        if (!string.IsNullOrWhiteSpace(filter.Purok)) q = q.Where(c => c.Purok == filter.Purok);
        if (!string.IsNullOrWhiteSpace(filter.Priority)) q = q.Where(c => c.Priority == filter.Priority);
        if (filter.AssignedToMe) q = q.Where(c => c.AssignedTo == caller.UserId);
        // What the home's "Open complaints" card counts (ComplaintStatuses.Open), so the card and the list it opens agree.
        if (filter.OpenOnly)
        {
            var open = ComplaintStatuses.Open.ToArray();
            q = q.Where(c => open.Contains(c.Status));
        }
        if (filter.OverdueOnly) q = ComplaintTargets.WhereOverdue(q, now);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            var like = "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            q = q.Where(c => c.ComplaintId == term.ToUpper() || EF.Functions.ILike(c.Subject ?? "", like) || EF.Functions.ILike(c.ComplainantName ?? "", like) ||
                db.Residents.Any(r => r.Id == c.ResidentId && (EF.Functions.ILike(r.LastName, like) || EF.Functions.ILike(r.FirstName, like))));
        }
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(c => c.ReportedAt).ThenBy(c => c.Id).Skip(page * pageSize).Take(pageSize)
            .Select(c => new
            {
                c.Id, c.ComplaintId, c.Category, c.Subject, c.Purok, c.Status, c.Priority, c.Confidential, c.ReportedAt, c.ComplainantName,
                First = db.Residents.IgnoreQueryFilters().Where(r => r.Id == c.ResidentId).Select(r => r.FirstName).FirstOrDefault(),
                Last = db.Residents.IgnoreQueryFilters().Where(r => r.Id == c.ResidentId).Select(r => r.LastName).FirstOrDefault(),
                Assigned = db.Users.IgnoreQueryFilters().Where(u => u.Id == c.AssignedTo).Select(u => u.FullName).FirstOrDefault(),
                Kp = db.Set<KpCase>().Any(k => k.ComplaintId == c.Id),
            }).ToListAsync(ct);
        var labels = await LabelsAsync(db, LookupCategories.ComplaintCategory, ct);
        var puroks = await LabelsAsync(db, LookupCategories.Purok, ct);
        return new ComplaintQueuePage(rows.Select(r => new ComplaintQueueRow(
            r.Id, r.ComplaintId, r.Last is null ? r.ComplainantName ?? "Unknown" : $"{r.Last}, {r.First}", labels.GetValueOrDefault(r.Category, r.Category),
            r.Subject, r.Purok is null ? null : puroks.GetValueOrDefault(r.Purok, r.Purok), r.Status, r.Priority, r.Assigned, r.Confidential, r.ReportedAt,
            ComplaintTargets.IsOverdue(r.Status, r.Priority, r.ReportedAt, now), r.Kp)).ToList(), total);
    }

    /// <summary>Active officials who handle complaints (whom a complaint may be assigned to).</summary>
    public async Task<IReadOnlyList<ComplaintAssignee>> AssigneesAsync(CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Complaints.Handle)) return [];
        var rows = await db.Officials.AsNoTracking().Where(o => o.Status == Officials.OfficialStatuses.Active)
            .OrderBy(o => o.FullName).Select(o => new { o.UserId, o.FullName, o.Position }).ToListAsync(ct);
        return rows.Where(o => RolePermissions.For([Accounts.AppRoles.Official], o.Position).Contains(Permissions.Complaints.Handle))
            .Select(o => new ComplaintAssignee(o.UserId, o.FullName, o.Position)).ToList();
    }

    internal static async Task<Dictionary<string, string>> LabelsAsync(BarangayDbContext db, string category, CancellationToken ct) =>
        await db.LookupValues.AsNoTracking().Where(l => l.Category == category).ToDictionaryAsync(l => l.Code, l => l.Label, ct);
}
