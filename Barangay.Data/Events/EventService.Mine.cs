using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Events;

public sealed partial class EventService
{
    /// <summary>
    /// The caller's own upcoming registrations (seat or waitlist), soonest first, a page at a time with the true count:
    /// the list behind the home's "My event registrations" card (<see cref="MyEventRegistrations"/>).
    /// </summary>
    public async Task<Accounts.Page<EventRow>> MinePageAsync(int page, int size, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Events.Register) || caller.UserId is not { } userId) return new Accounts.Page<EventRow>([], 0);
        var me = await db.Residents.AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.CreatedAt).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        if (me is not { } residentId) return new Accounts.Page<EventRow>([], 0);
        var mine = MyEventRegistrations.Upcoming(db, residentId, clock.GetUtcNow().UtcDateTime);
        var q = db.Events.AsNoTracking().Where(e => mine.Any(g => g.EventId == e.Id));
        size = Math.Clamp(size, 1, 100);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(e => e.StartAt).ThenBy(e => e.Id).Skip(Math.Max(0, page) * size).Take(size).ToListAsync(ct);
        return new Accounts.Page<EventRow>(rows.Select(Row).ToList(), total);
    }
}
