using Barangay.Data;
using Barangay.Data.Imports;
using Barangay.Jobs.Maintenance;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Jobs.Imports;

/// <summary>
/// Imports with no running job: committed but never started (a stop between the commit and the enqueue), or started but
/// silent for <see cref="ImportJob.StaleAfter"/> (the app was killed mid-import). The job continues where the last
/// committed chunk ended.
/// </summary>
public sealed class ImportQueueWorkSource(IDbContextFactory<BarangayDbContext> factory, IImportDispatcher dispatcher, TimeProvider clock) : IQueuedWorkSource
{
    public string Name => "imports";

    public async Task<int> RequeueDueAsync(DateTime now, DateTime dueBefore, int limit, CancellationToken ct)
    {
        var stale = clock.GetUtcNow().UtcDateTime - ImportJob.StaleAfter;
        await using var db = await factory.CreateDbContextAsync(ct);
        var ids = await db.Imports.AsNoTracking()
            .Where(i => (i.Status == ImportStatuses.Validating && i.Report == null && i.UpdatedAt <= dueBefore)
                        || ((i.Status == ImportStatuses.Validating || i.Status == ImportStatuses.Processing) && i.UpdatedAt < stale))
            .OrderBy(i => i.UpdatedAt).Take(limit).Select(i => i.Id).ToListAsync(ct);
        foreach (var id in ids) await dispatcher.DispatchAsync(id, ct);
        return ids.Count;
    }
}
