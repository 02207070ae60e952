using Barangay.Data;
using Barangay.Data.Announcements;
using Barangay.Jobs.Maintenance;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Jobs.Announcements;

/// <summary>Fan-outs left unfinished (a crash before the enqueue, a job that died): started again, resuming from their cursor.</summary>
public sealed class AnnouncementDeliveryWorkSource(IDbContextFactory<BarangayDbContext> factory, IAnnouncementDispatcher dispatcher) : IQueuedWorkSource
{
    public string Name => "announcement_deliveries";

    public async Task<int> RequeueDueAsync(DateTime now, DateTime dueBefore, int limit, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // A running fan-out is re-enqueued only when it has not moved for a while (its batches lock the row, so a
        // second job would be harmless anyway, only wasteful).
        var stale = dueBefore.AddMinutes(-4);
        var ids = await db.Set<AnnouncementDelivery>().AsNoTracking()
            .Where(d => (d.Status == DeliveryStatuses.Queued && d.CreatedAt <= dueBefore)
                        || (d.Status == DeliveryStatuses.Running && (d.StartedAt ?? d.CreatedAt) <= stale))
            .OrderBy(d => d.CreatedAt).Take(limit).Select(d => d.Id).ToListAsync(ct);
        foreach (var id in ids) await dispatcher.StartAsync(id, ct);
        return ids.Count;
    }
}
