using Barangay.Data.Accounts;
using Barangay.Data.Announcements;
using Barangay.Data.Common;
using Barangay.Data.Complaints;
using Barangay.Data.Documents;
using Barangay.Data.Email;
using Barangay.Data.Events;
using Barangay.Data.Officials;
using Barangay.Data.Residents;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Dashboard;

/// <summary>The counts on each role's home page. Each method checks the caller's permission itself.</summary>
public sealed class DashboardService(BarangayDb dbs, TimeProvider clock)
{
    public async Task<OfficialSummary?> GetOfficialSummaryAsync(CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Dashboard.Official)) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        // RA 11032: a simple request is due in 3 working days; a week-old open request is overdue under any class.
        var overdueBefore = now.AddDays(-7);
        var active = db.Residents.AsNoTracking().Where(r => r.RegistrationStatus == ResidentStatuses.Active);
        var counts = await active.GroupBy(r => r.Purok).OrderBy(g => g.Key).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var labels = await db.LookupValues.AsNoTracking().Where(l => l.Category == LookupCategories.Purok)
            .ToDictionaryAsync(l => l.Code, l => l.Label, ct);
        var perPurok = counts.Select(c => new PurokCount(labels.GetValueOrDefault(c.Key, c.Key), c.Count)).ToList();
        return new OfficialSummary(
            perPurok.Sum(p => p.Residents),
            await db.Households.AsNoTracking().CountAsync(ct),
            await db.RegistrationsPending.AsNoTracking().CountAsync(r => r.Status == "pending", ct),
            await db.DocumentRequests.AsNoTracking().CountAsync(r => DocumentRequestStatuses.Open.Contains(r.Status), ct),
            // Past the RA 11032 deadline from the working-day clock (rows from before due dates: a week old).
            await db.DocumentRequests.AsNoTracking().CountAsync(r => DocumentRequestStatuses.Pending.Contains(r.Status)
                && (r.DueAt != null ? r.DueAt < now : r.SubmittedAt < overdueBefore), ct),
            await db.Complaints.AsNoTracking().CountAsync(c => ComplaintStatuses.Open.Contains(c.Status) && (!c.Confidential || caller.Can(Permissions.Complaints.ViewConfidential)), ct),
            await db.Events.AsNoTracking().CountAsync(e => e.Status == EventStatuses.Published && e.StartAt >= now, ct),
            perPurok);
    }

    public async Task<ResidentSummary?> GetResidentSummaryAsync(CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Dashboard.Resident) || caller.UserId is not { } userId) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        // Only the caller's own resident record: another resident's data is never reachable from here.
        var me = await db.Residents.AsNoTracking().Where(r => r.UserId == userId)
            .Select(r => new { r.Id, r.FirstName, r.LastName }).FirstOrDefaultAsync(ct);
        var unread = await db.Notifications.AsNoTracking().CountAsync(n => n.UserId == userId && !n.Read, ct);
        var announcements = await db.Announcements.AsNoTracking().CountAsync(a => a.Status == AnnouncementStatuses.Published && (a.EndAt == null || a.EndAt > now), ct);
        if (me is null) return new ResidentSummary(null, 0, 0, 0, unread, announcements);
        return new ResidentSummary(
            $"{me.FirstName} {me.LastName}",
            await db.DocumentRequests.AsNoTracking().CountAsync(r => r.ResidentId == me.Id && DocumentRequestStatuses.Open.Contains(r.Status), ct),
            await db.Complaints.AsNoTracking().CountAsync(c => c.ResidentId == me.Id && ComplaintStatuses.Open.Contains(c.Status), ct),
            await db.EventRegistrations.AsNoTracking().CountAsync(r => r.ResidentId == me.Id && r.Status == EventRegistrationStatuses.Registered, ct),
            unread, announcements);
    }

    public async Task<AdminSummary?> GetAdminSummaryAsync(CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
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
