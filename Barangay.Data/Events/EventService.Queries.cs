using System.Globalization;
using System.Text;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Events;

/// <summary>Lists, the event page, the attendee list, attendance and its CSV export.</summary>
public sealed partial class EventService
{
    /// <summary>
    /// Events overlapping [fromUtc, toUtc), soonest first, one page at a time with the true count: the lists page on
    /// the server instead of stopping at 500 without saying so.
    /// </summary>
    public async Task<Accounts.Page<EventRow>> PageAsync(DateTime fromUtc, DateTime toUtc, bool includeAll, int page, int size, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Events.Register) && !caller.Can(Permissions.Events.Manage)) return new Accounts.Page<EventRow>([], 0);
        size = Math.Clamp(size, 1, 100);
        var q = db.Events.AsNoTracking().Where(e => e.EndAt > fromUtc && e.StartAt < toUtc);
        if (!(includeAll && caller.Can(Permissions.Events.Manage))) q = q.Where(e => e.Status == EventStatuses.Published);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(e => e.StartAt).ThenBy(e => e.Id).Skip(Math.Max(0, page) * size).Take(size).ToListAsync(ct);
        return new Accounts.Page<EventRow>(rows.Select(Row).ToList(), total);
    }

    /// <summary>
    /// Published events that have not started yet, soonest first: exactly what the hall home's "Upcoming events" card
    /// counts (OfficialHomeQuery: status published, start_at at or after now), so the card opens a list of its number.
    /// </summary>
    public async Task<Accounts.Page<EventRow>> NotYetStartedPageAsync(int page, int size, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Events.Register) && !caller.Can(Permissions.Events.Manage)) return new Accounts.Page<EventRow>([], 0);
        size = Math.Clamp(size, 1, 100);
        var now = clock.GetUtcNow().UtcDateTime;
        var q = db.Events.AsNoTracking().Where(e => e.Status == EventStatuses.Published && e.StartAt >= now);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(e => e.StartAt).ThenBy(e => e.Id).Skip(Math.Max(0, page) * size).Take(size).ToListAsync(ct);
        return new Accounts.Page<EventRow>(rows.Select(Row).ToList(), total);
    }

    /// <summary>Upcoming published events (not yet ended), soonest first, a page at a time.</summary>
    public Task<Accounts.Page<EventRow>> UpcomingPageAsync(int page, int size, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return PageAsync(now, now.AddYears(2), false, page, size, ct);
    }

    /// <summary>The event page: a draft is "not found" for residents.</summary>
    public async Task<EventDetail?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var manage = caller.Can(Permissions.Events.Manage);
        if (!manage && !caller.Can(Permissions.Events.Register)) return null;
        var ev = await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (ev is null || (!manage && ev.Status == EventStatuses.Draft)) return null;
        string? myStatus = null;
        int? position = null;
        if (caller.UserId is { } uid)
        {
            var mine = await db.EventRegistrations.AsNoTracking()
                .Where(r => r.EventId == id && db.Residents.Any(x => x.Id == r.ResidentId && x.UserId == uid))
                .Select(r => new { r.Status, r.RegisteredAt }).FirstOrDefaultAsync(ct);
            myStatus = mine?.Status;
            if (mine?.Status == EventRegistrationStatuses.Waitlisted)
                position = 1 + await db.EventRegistrations.CountAsync(r => r.EventId == id && r.Status == EventRegistrationStatuses.Waitlisted && r.RegisteredAt < mine.RegisteredAt, ct);
        }
        var waitlisted = await db.EventRegistrations.CountAsync(r => r.EventId == id && r.Status == EventRegistrationStatuses.Waitlisted, ct);
        return new EventDetail(Row(ev), ev.Description, AttachmentsOf(ev.Attachments), ev.Version, myStatus, position, waitlisted);
    }

    /// <summary>Seats left (null when unlimited), for the live counter on the event page.</summary>
    public async Task<int?> SeatsLeftAsync(Guid id, CancellationToken ct = default)
    {
        var (db, _) = await dbs.OpenAsync(ct);
        await using var __ = db;
        var e = await db.Events.AsNoTracking().Where(x => x.Id == id && x.Status != EventStatuses.Draft)
            .Select(x => new { x.MaxCapacity, x.RegisteredCount }).SingleOrDefaultAsync(ct);
        return e?.MaxCapacity is { } cap ? Math.Max(0, cap - e.RegisteredCount) : null;
    }

    /// <summary>
    /// Seats left and the length of the waitlist, in one read, for the event page's live counter: when either moves,
    /// the resident's own waitlist place may have moved too (someone ahead was promoted or left), so the page reloads.
    /// </summary>
    public async Task<EventCounts?> CountsAsync(Guid id, CancellationToken ct = default)
    {
        var (db, _) = await dbs.OpenAsync(ct);
        await using var __ = db;
        var e = await db.Events.AsNoTracking().Where(x => x.Id == id && x.Status != EventStatuses.Draft)
            .Select(x => new
            {
                x.MaxCapacity, x.RegisteredCount,
                Waitlisted = db.EventRegistrations.Count(r => r.EventId == x.Id && r.Status == EventRegistrationStatuses.Waitlisted),
            }).SingleOrDefaultAsync(ct);
        return e is null ? null : new EventCounts(e.MaxCapacity is { } cap ? Math.Max(0, cap - e.RegisteredCount) : null, e.Waitlisted);
    }

    /// <summary>The form's values for an existing event.</summary>
    public async Task<EventEdit?> GetEditAsync(Guid id, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Events.Manage)) return null;
        var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return null;
        return new EventEdit
        {
            Title = e.Title, Description = e.Description, Category = e.Category,
            StartLocal = TimeZones.ToManila(e.StartAt), EndLocal = TimeZones.ToManila(e.EndAt), Venue = e.Venue,
            MaxCapacity = e.MaxCapacity, RegistrationRequired = e.RegistrationRequired,
            AttachmentIds = [.. AttachmentsOf(e.Attachments)], Version = e.Version,
        };
    }

    public async Task<IReadOnlyList<AttendeeRow>> AttendeesAsync(Guid id, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Events.Manage)) return [];
        var rows = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == id)
            .Join(db.Residents.IgnoreQueryFilters().AsNoTracking(), r => r.ResidentId, x => x.Id, (r, x) => new
            {
                r.Id, x.ResidentId, x.FirstName, x.MiddleName, x.LastName, x.Purok, x.ContactNumber, r.Status, r.RegisteredAt,
            })
            .OrderBy(r => r.Status == EventRegistrationStatuses.Waitlisted).ThenBy(r => r.Status == EventRegistrationStatuses.Cancelled)
            .ThenBy(r => r.RegisteredAt).ThenBy(r => r.Id)
            .ToListAsync(ct);
        return rows.Select(r => new AttendeeRow(r.Id, r.ResidentId,
            string.Join(' ', new[] { r.FirstName, r.MiddleName, r.LastName }.Where(s => !string.IsNullOrWhiteSpace(s))),
            r.Purok, r.ContactNumber, r.Status, Utc(r.RegisteredAt))).ToList();
    }

    /// <summary>Marks a registrant as attended (or back to registered).</summary>
    public async Task<ServiceResult<string>> MarkAttendanceAsync(Guid eventId, Guid registrationId, bool attended, CancellationToken ct = default)
    {
        var caller = await dbs.CallerAsync(ct);
        if (!caller.Can(Permissions.Events.Manage)) return ServiceResult<string>.NotFound();
        return await InLockedEventAsync(eventId, async (db, ev, token) =>
        {
            var reg = await db.EventRegistrations.SingleOrDefaultAsync(r => r.Id == registrationId && r.EventId == eventId, token);
            if (reg is null) return ServiceResult<string>.NotFound();
            if (ev.Status != EventStatuses.Published) return ServiceResult<string>.Conflict(Localization.Texts.Say("Attendance is recorded only for a published event."));
            var from = attended ? EventRegistrationStatuses.Registered : EventRegistrationStatuses.Attended;
            if (reg.Status != from)
                return ServiceResult<string>.Conflict(attended ? Localization.Texts.Say("Only a registered resident can be marked as attended.") : Localization.Texts.Say("This resident is not marked as attended."));
            reg.Status = attended ? EventRegistrationStatuses.Attended : EventRegistrationStatuses.Registered;
            return ServiceResult<string>.Success(reg.Status);
        }, ct);
    }

    /// <summary>The attendee list as CSV (UTF-8 with BOM so spreadsheet apps read "ñ"); cells that would start a formula are quoted with a leading apostrophe.</summary>
    public async Task<(string FileName, byte[] Content)?> ExportAttendeesCsvAsync(Guid id, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Events.Manage)) return null;
        var ev = await db.Events.AsNoTracking().Where(e => e.Id == id).Select(e => new { e.EventId, e.Title }).SingleOrDefaultAsync(ct);
        if (ev is null) return null;
        var rows = await AttendeesAsync(id, ct);
        var puroks = await Settings.PurokLabels.LoadAsync(db, ct);
        // The sheet is read by the official who downloads it: the headers and the status in their language.
        var sb = new StringBuilder();
        sb.AppendJoin(',', new[]
        {
            Localization.Texts.Say("Resident ID"), Localization.Texts.Say("Name"), Localization.Texts.Say("Purok"), Localization.Texts.Say("Contact number"),
            Localization.Texts.Say("Status"), Localization.Texts.Say("Registered (Manila time)"),
        }.Select(Cell)).Append("\r\n");
        foreach (var r in rows)
        {
            sb.AppendJoin(',', new[]
            {
                r.ResidentId, r.FullName, puroks.Label(r.Purok), r.ContactNumber ?? "", Localization.Texts.Say(r.Status),
                TimeZones.ToManila(r.RegisteredAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            }.Select(Cell)).Append("\r\n");
        }
        db.Record(AuditActions.Export, "Event", ev.EventId, new { attendees = rows.Count });
        await db.SaveChangesAsync(ct);
        return ($"{ev.EventId}-attendees.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())]);
    }

    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal)) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
