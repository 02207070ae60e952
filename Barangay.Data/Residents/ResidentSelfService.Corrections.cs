using Barangay.Data.Accounts;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Notifications;
using Barangay.Data.Officials;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Residents;

public sealed partial class ResidentSelfService
{
    /// <summary>
    /// Asks the hall to correct a detail the resident may not change themselves (name, birth date, civil status…).
    /// The officials who may edit the register are notified and an audit row is written, in one transaction.
    /// Returns how many officials were notified. A repeat of the same request within a few minutes (a double tap)
    /// is not sent twice.
    /// </summary>
    public async Task<ServiceResult<int>> RequestCorrectionAsync(string field, string? requestedValue, string? note, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var r = await MineAsync(db, caller, tracked: false, ct);
        if (r is null) return ServiceResult<int>.NotFound();
        var errors = ResidentValidator.ValidateCorrection(field, requestedValue, note, TimeZones.ManilaToday(clock), await ResidentService.ActivePuroksAsync(db, ct));
        if (errors.Count > 0) return ServiceResult<int>.Invalid(errors);

        var f = ProfileCorrections.Find(field)!;
        var value = ProfileCorrections.Display(f, requestedValue);
        var shown = f.Key == nameof(ResidentEdit.Purok) ? await PurokLabelAsync(db, value, ct) : value;
        var cleanNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var details = new CorrectionDetails(f.Key, f.Label, value, cleanNote, r.ResidentId);
        if (await AlreadyAskedAsync(db, r.Id, details, ct)) return ServiceResult<int>.Success(0);

        var recipients = await RegisterEditorsAsync(db, caller.UserId, ct);
        var name = $"{r.FirstName} {r.LastName}";
        var text = $"{name} ({r.ResidentId}) asks to correct {f.Label.ToLowerInvariant()} to \"{shown}\"."
                   + (cleanNote is null ? "" : $" Note: {cleanNote}");
        var payload = new NotificationPayload(Clip(text, NotificationPayloads.MaxTextLength), $"/residents/{r.Id}",
            new Dictionary<string, string> { ["resident"] = r.Id.ToString(), ["field"] = f.Key });
        var sent = await NotificationService.AddAsync(db, recipients, ProfileCorrections.NotificationType, payload, ct);
        if (!sent.Succeeded) throw new InvalidOperationException(sent.Error); // our own payload: a bug, not the resident's input

        db.Record(ProfileCorrections.AuditAction, "Resident", r.Id.ToString(), details with { Recipients = sent.Created });
        await db.SaveChangesAsync(ct);
        return ServiceResult<int>.Success(sent.Created);
    }

    /// <summary>Active accounts of active officials whose position lets them edit the register (Punong Barangay, secretary).</summary>
    private static async Task<List<Guid>> RegisterEditorsAsync(BarangayDbContext db, Guid? requester, CancellationToken ct)
    {
        var officials = await (
                from o in db.Officials.AsNoTracking()
                join u in db.Users.AsNoTracking() on o.UserId equals u.Id
                where o.Status == OfficialStatuses.Active && u.Status == UserStatuses.Active && u.Roles.Contains(AppRoles.Official)
                select new { u.Id, u.Roles, o.Position })
            .ToListAsync(ct);
        // The one role → permission mapping decides, so a change there changes who is told.
        return officials.Where(o => o.Id != requester && RolePermissions.For(o.Roles, o.Position).Contains(Permissions.Residents.Edit))
            .Select(o => o.Id).Distinct().ToList();
    }

    private static async Task<bool> AlreadyAskedAsync(BarangayDbContext db, Guid residentId, CorrectionDetails details, CancellationToken ct)
    {
        var since = db.UtcNow() - ProfileCorrections.RepeatWindow;
        var recent = await db.AuditLogs.AsNoTracking()
            .Where(a => a.ActionType == ProfileCorrections.AuditAction && a.TargetId == residentId.ToString() && a.Timestamp >= since)
            .Select(a => a.Details).ToListAsync(ct);
        return recent.Any(json => CorrectionDetails.Parse(json) is { } d && d.Field == details.Field && d.Requested == details.Requested && d.Note == details.Note);
    }

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
