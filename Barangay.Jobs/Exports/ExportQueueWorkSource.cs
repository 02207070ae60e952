using Barangay.Data;
using Barangay.Data.Exports;
using Barangay.Jobs.Maintenance;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Jobs.Exports;

/// <summary>Exports with no running job: queued (a stop between the commit and the enqueue) or processing but silent (a crash mid-export).</summary>
public sealed class ExportQueueWorkSource(IDbContextFactory<BarangayDbContext> factory, IExportDispatcher dispatcher, TimeProvider clock) : IQueuedWorkSource
{
    public string Name => "exports";

    public async Task<int> RequeueDueAsync(DateTime now, DateTime dueBefore, int limit, CancellationToken ct)
    {
        var stale = clock.GetUtcNow().UtcDateTime - ExportJob.StaleAfter;
        await using var db = await factory.CreateDbContextAsync(ct);
        var ids = await db.Exports.AsNoTracking()
            .Where(e => (e.Status == ExportStatuses.Queued && e.RequestedAt <= dueBefore) || (e.Status == ExportStatuses.Processing && e.UpdatedAt < stale))
            .OrderBy(e => e.RequestedAt).Take(limit).Select(e => e.Id).ToListAsync(ct);
        foreach (var id in ids) await dispatcher.DispatchAsync(id, ct);
        return ids.Count;
    }
}
