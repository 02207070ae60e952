using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Documents;

public sealed partial class DocumentRequestService
{
    public const int MaxPageSize = 100;

    /// <summary>
    /// The hall's queue, one page at a time, oldest deadline first (overdue ones at the top of their status). Filters
    /// by status, type, purok, overdue and a request id or resident name. Empty for callers who do not work the queue.
    /// </summary>
    public async Task<DocumentQueuePage> QueueAsync(DocumentQueueFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Documents.Process) && !caller.Can(Permissions.Documents.Release)) return new DocumentQueuePage([], 0);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(0, page);
        var now = clock.GetUtcNow().UtcDateTime;
        var q = db.DocumentRequests.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Status)) q = q.Where(r => r.Status == filter.Status);
        if (!string.IsNullOrWhiteSpace(filter.Type)) q = q.Where(r => r.Type == filter.Type);
        if (!string.IsNullOrWhiteSpace(filter.Purok)) q = q.Where(r => r.Purok == filter.Purok);
        if (filter.OpenOnly)
        {
            var open = DocumentRequestStatuses.Open.ToArray();
            q = q.Where(r => open.Contains(r.Status));
        }
        if (filter.OverdueOnly)
            q = q.Where(r => r.DueAt < now && (r.Status == DocumentRequestStatuses.Submitted || r.Status == DocumentRequestStatuses.Reviewed || r.Status == DocumentRequestStatuses.Processing));
        if (filter.UnpaidOnly)
        {
            // The treasurer's list: open requests with a fee (frozen at filing) that has neither an official receipt nor a waiver.
            var unpaid = db.DocumentRequests.FromSqlRaw("""
                SELECT * FROM document_requests
                WHERE status IN ('submitted', 'reviewed', 'processing', 'approved')
                  AND COALESCE((metadata->>'fee')::numeric, 0) > 0
                  AND (payment_info IS NULL OR (payment_info->>'or_number' IS NULL AND COALESCE((payment_info->>'waived')::boolean, false) = false))
                """);
            q = q.Where(r => unpaid.Any(u => u.Id == r.Id));
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var s = filter.Search.Trim();
            var like = "%" + s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            q = q.Where(r => EF.Functions.ILike(r.RequestId, like)
                             || db.Residents.Any(p => p.Id == r.ResidentId && (EF.Functions.ILike(p.LastName, like) || EF.Functions.ILike(p.FirstName, like))));
        }
        var total = await q.CountAsync(ct);
        var rows = await q
            .Join(db.Residents.IgnoreQueryFilters(), r => r.ResidentId, p => p.Id, (r, p) => new
            {
                r.Id, r.RequestId, p.FirstName, p.LastName, r.Type, r.Purok, r.Status, r.SubmittedAt, r.DueAt, r.PaymentInfo,
            })
            // due_at alone, so (purok, status, due_at) / (status, due_at) serve the page in order and the LIMIT stops
            // after 25 rows. A request has no due_at until its requirements are complete and its fee is paid (RA 11032
            // §4(j)); those sort last on PostgreSQL and first on CockroachDB, a stable order either way (then request id).
            .OrderBy(r => r.DueAt).ThenBy(r => r.RequestId)
            .Skip(page * pageSize).Take(pageSize)
            .ToListAsync(ct);
        // One read of the document types (retired ones too: old requests keep their label) for labels and fees.
        var types = (await db.LookupValues.AsNoTracking().Where(l => l.Category == Settings.LookupCategories.DocumentType)
                .Select(l => new { l.Code, l.Label, l.Meta }).ToListAsync(ct))
            .ToDictionary(l => l.Code, l => DocumentType.Parse(l.Code, l.Label, l.Meta));
        return new DocumentQueuePage(rows.Select(r => new DocumentQueueRow(
            r.Id, r.RequestId, $"{r.LastName}, {r.FirstName}", types.GetValueOrDefault(r.Type)?.Label ?? r.Type, r.Purok ?? "", r.Status, r.SubmittedAt, r.DueAt,
            IsOverdue(r.Status, r.DueAt, now), types.GetValueOrDefault(r.Type)?.IsFree != false || PaymentInfo.Parse(r.PaymentInfo)?.Settled == true)
        {
            AutomaticApproval = ServiceStandard.FallsUnderAutomaticApproval(r.Status, r.DueAt, now, types.GetValueOrDefault(r.Type)),
        }).ToList(), total);
    }

    /// <summary>
    /// How many open requests are past their deadline (the official home's card). Every one of them had its
    /// requirements complete and fee paid (no deadline before that), so each falls under automatic approval (RA 11032
    /// §10) unless its type is excepted; <see cref="AutomaticApprovalCountAsync"/> counts those.
    /// </summary>
    public async Task<int> OverdueCountAsync(CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Documents.Process) && !caller.Can(Permissions.Documents.Release)) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.DocumentRequests.AsNoTracking().CountAsync(r => r.DueAt < now && DocumentRequestStatuses.Pending.Contains(r.Status), ct);
    }

    /// <summary>Overdue requests deemed approved under RA 11032 §10 (their type not excepted): the Punong Barangay acts on these first.</summary>
    public async Task<int> AutomaticApprovalCountAsync(CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Documents.Process) && !caller.Can(Permissions.Documents.Release)) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var excepted = (await db.LookupValues.AsNoTracking().Where(l => l.Category == Settings.LookupCategories.DocumentType)
                .Select(l => new { l.Code, l.Label, l.Meta }).ToListAsync(ct))
            .Select(l => DocumentType.Parse(l.Code, l.Label, l.Meta)).Where(t => !t.AutomaticApproval).Select(t => t.Code).ToList();
        return await db.DocumentRequests.AsNoTracking()
            .CountAsync(r => r.DueAt < now && DocumentRequestStatuses.Pending.Contains(r.Status) && !excepted.Contains(r.Type), ct);
    }
}
