using Barangay.Data.Common;
using Barangay.Data.Residents;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Municipality;

/// <summary>One line of the municipal admin page: the catalogue entry and what its database says now.</summary>
public sealed record CatalogueRow(Guid Id, string Name, string Slug, string Psgc, string Host, string Status, DateTime CreatedAt,
    int? Population, DateTime? LastActivityAt, bool Reachable);

/// <summary>
/// The catalogue as the municipal admin sees it: each barangay with its status, population and last activity (asked of
/// every database at once, bounded; an unreachable one shows its last known figures and says so), and suspending or
/// reactivating one (audited; the directory cache is dropped so the change holds at once in this process).
/// </summary>
public sealed class MunicipalCatalogue(
    IDbContextFactory<MunicipalityDbContext> municipality, BarangayServers servers, BarangayContexts contexts, CatalogueDirectory directory,
    Rollups.RollupOptions options, TimeProvider clock)
{
    public async Task<IReadOnlyList<CatalogueRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await municipality.CreateDbContextAsync(ct);
        var entries = await db.Barangays.OrderBy(b => b.Name).ToListAsync(ct);
        var live = new (int Population, DateTime? Last)?[entries.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, entries.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = ct }, async (i, token) =>
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                try
                {
                    await using var b = contexts.Open(Rollups.MunicipalRollupService.Unpooled(servers.AppConnectionString(entries[i].Server, entries[i].DatabaseName)));
                    var population = await b.Residents.CountAsync(r => r.RegistrationStatus == ResidentStatuses.Active, timeout.Token);
                    var last = await b.AuditLogs.MaxAsync(a => (DateTime?)a.Timestamp, timeout.Token);
                    live[i] = (population, last);
                }
                catch (Exception ex) when (ex is OperationCanceledException or Npgsql.NpgsqlException or InvalidOperationException or DbUpdateException)
                {
                    live[i] = null; // shown as unreachable with the last known figures
                }
            });
        for (var i = 0; i < entries.Count; i++)
            if (live[i] is { } l) { entries[i].Population = l.Population; entries[i].LastActivityAt = l.Last ?? entries[i].LastActivityAt; }
        await db.SaveChangesAsync(ct); // remembers the figures for when a database is down
        return entries.Select((e, i) => new CatalogueRow(e.Id, e.Name, e.Slug, e.Psgc, e.Host, e.Status, e.CreatedAt, e.Population, e.LastActivityAt, live[i] is not null)).ToList();
    }

    public Task<ServiceResult<CatalogueRow>> SuspendAsync(Guid id, string actor, Guid? accountId, CancellationToken ct = default) =>
        SetStatusAsync(id, BarangayStatuses.Suspended, actor, accountId, ct);

    public Task<ServiceResult<CatalogueRow>> ReactivateAsync(Guid id, string actor, Guid? accountId, CancellationToken ct = default) =>
        SetStatusAsync(id, BarangayStatuses.Active, actor, accountId, ct);

    private async Task<ServiceResult<CatalogueRow>> SetStatusAsync(Guid id, string status, string actor, Guid? accountId, CancellationToken ct)
    {
        await using var db = await municipality.CreateDbContextAsync(ct);
        var e = await db.Barangays.SingleOrDefaultAsync(b => b.Id == id, ct);
        if (e is null) return ServiceResult<CatalogueRow>.NotFound();
        if (e.Status != status)
        {
            db.Audit.Add(MunicipalAudit.Entry(clock, actor, accountId, status == BarangayStatuses.Suspended ? "BarangaySuspended" : "BarangayReactivated", e.Slug,
                new { from = e.Status, to = status }));
            e.Status = status;
            e.SuspendedAt = status == BarangayStatuses.Suspended ? clock.GetUtcNow().UtcDateTime : null;
            await db.SaveChangesAsync(ct);
            directory.Invalidate();
        }
        return ServiceResult<CatalogueRow>.Success(new CatalogueRow(e.Id, e.Name, e.Slug, e.Psgc, e.Host, e.Status, e.CreatedAt, e.Population, e.LastActivityAt, true));
    }
}
