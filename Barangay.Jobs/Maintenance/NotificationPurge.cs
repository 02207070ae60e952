using Barangay.Data;
using Barangay.Data.Scale;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Jobs.Maintenance;

/// <summary>
/// Old notifications go: read ones after <see cref="CockroachFeatures.ReadNotificationDays"/> days, unread ones after
/// <see cref="CockroachFeatures.UnreadNotificationDays"/>. Every fan-out writes a row per recipient, so without this
/// the table grows by hundreds of millions of rows a year across a province (docs/scale-out.md). The same rule is a
/// row-level TTL on CockroachDB.
/// </summary>
public sealed class NotificationPurge(IDbContextFactory<BarangayDbContext> factory, TimeProvider clock) : IPurgeStep
{
    public async Task<string> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var readBefore = now.AddDays(-CockroachFeatures.ReadNotificationDays);
        var unreadBefore = now.AddDays(-CockroachFeatures.UnreadNotificationDays);
        await using var db = await factory.CreateDbContextAsync(ct);
        var removed = await db.Notifications
            .Where(n => (n.Read && n.CreatedAt < readBefore) || n.CreatedAt < unreadBefore)
            .ExecuteDeleteAsync(ct);
        return $"{removed} old notification(s)";
    }
}
