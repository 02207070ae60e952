using Barangay.Data.Accounts;
using Barangay.Data.Announcements;
using Barangay.Data.Common;
using Barangay.Data.Complaints;
using Barangay.Data.Email;
using Barangay.Data.Messaging;
using Barangay.Data.Officials;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Dashboard;

/// <summary>
/// What each role's home shows. Each method checks the caller's permission itself. The official's and the admin's
/// hall-wide counts may be stale by <see cref="Replicas.ReadReplicaOptions.MaxStaleness"/> and are read through
/// <paramref name="reads"/> (a replica where one is configured); the resident's home shows what the resident just did, so
/// it reads the primary. Without <paramref name="reads"/> (benchmarks, roll-ups) everything reads <paramref name="dbs"/>.
/// </summary>
public sealed partial class DashboardService(
    BarangayDb dbs, TimeProvider clock, IKpDeadlineCounter kp, AnnouncementService announcements, Replicas.BarangayReadDb? reads = null)
{
    private Task<(BarangayDbContext Db, Caller Caller)> OpenStaleAsync(CancellationToken ct) => reads is not null ? reads.OpenAsync(ct) : dbs.OpenAsync(ct);

    /// <summary>The official's home (cards and charts) in one round trip, plus whatever the KP counter needs.</summary>
    public async Task<OfficialHome?> GetOfficialHomeAsync(CancellationToken ct = default)
    {
        var (db, caller) = await OpenStaleAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Dashboard.Official)) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var kpCount = await kp.CountNearDeadlineAsync(now, ct);
        return await OfficialHomeQuery.RunAsync(db, caller.UserId, ComplaintService.VisibleToHall(db.Complaints.AsNoTracking(), caller),
            MessagingService.HallInboxVisible(db, caller), now, kpCount, ct);
    }

    public async Task<AdminSummary?> GetAdminSummaryAsync(CancellationToken ct = default)
    {
        var (db, caller) = await OpenStaleAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Dashboard.Admin)) return null;
        var since = TimeZones.ManilaToUtc(TimeZones.ManilaToday(clock).ToDateTime(TimeOnly.MinValue));
        var byStatus = await db.Users.AsNoTracking().GroupBy(u => u.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Users(string s) => byStatus.FirstOrDefault(x => x.Key == s)?.Count ?? 0;
        return new AdminSummary(
            Users(UserStatuses.Active), Users(UserStatuses.Pending), Users(UserStatuses.Disabled),
            await db.Officials.AsNoTracking().CountAsync(o => o.Status == OfficialStatuses.Active, ct),
            await db.AuditLogs.AsNoTracking().CountAsync(a => a.Timestamp >= since, ct),
            await db.EmailQueue.AsNoTracking().CountAsync(e => e.Status == EmailStatuses.Queued, ct),
            await db.LookupValues.AsNoTracking().CountAsync(l => !l.Retired, ct));
    }
}
