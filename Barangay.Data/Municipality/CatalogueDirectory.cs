using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Municipality;

/// <summary>
/// The municipality catalogue as <see cref="IBarangayDirectory"/>. It sits on every request's path (which barangay is
/// this host?), so the whole catalogue (a city has a few hundred barangays at most) is held in memory: reloaded after
/// <see cref="Invalidate"/> (this process added or suspended a barangay) or when older than <see cref="MaxAge"/> (another
/// replica did). Look-ups are dictionary hits; one reload at a time.
/// </summary>
public sealed class CatalogueDirectory(IDbContextFactory<MunicipalityDbContext> factory, BarangayServers servers, TimeProvider clock) : IBarangayDirectory
{
    /// <summary>How long another replica's change can go unseen here.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile Snapshot? _snapshot;

    private sealed record Snapshot(IReadOnlyList<BarangayListing> All, Dictionary<string, BarangayListing> BySlug, Dictionary<string, BarangayListing> ByHost, DateTimeOffset LoadedAt);

    public void Invalidate() => _snapshot = null;

    public async Task<IReadOnlyList<BarangayListing>> ListAsync(CancellationToken ct = default) => (await CurrentAsync(ct)).All;

    public async Task<BarangayListing?> FindBySlugAsync(string slug, CancellationToken ct = default) =>
        (await CurrentAsync(ct)).BySlug.GetValueOrDefault(slug.Trim().ToLowerInvariant());

    public async Task<BarangayListing?> FindByHostAsync(string host, CancellationToken ct = default) =>
        (await CurrentAsync(ct)).ByHost.GetValueOrDefault(NormalizeHost(host));

    /// <summary>Lower case, no port, no trailing dot: how hosts are stored and compared.</summary>
    public static string NormalizeHost(string host)
    {
        var h = host.Trim().TrimEnd('.').ToLowerInvariant();
        var colon = h.LastIndexOf(':');
        return colon > 0 && !h.Contains(']', StringComparison.Ordinal) ? h[..colon] : h;
    }

    private async Task<Snapshot> CurrentAsync(CancellationToken ct)
    {
        var s = _snapshot;
        if (s is not null && clock.GetUtcNow() - s.LoadedAt < MaxAge) return s;
        await _reload.WaitAsync(ct);
        try
        {
            s = _snapshot;
            if (s is not null && clock.GetUtcNow() - s.LoadedAt < MaxAge) return s;
            await using var db = await factory.CreateDbContextAsync(ct);
            var rows = await db.Barangays.AsNoTracking().OrderBy(b => b.Name).ToListAsync(ct);
            var all = rows.Select(r => new BarangayListing(r.Id, r.Slug, r.Name, r.Psgc, r.Host, r.Status,
                servers.AppConnectionString(r.Server, r.DatabaseName), r.PublicUrl)).ToList();
            s = new Snapshot(all, all.ToDictionary(b => b.Slug, StringComparer.Ordinal),
                all.ToDictionary(b => b.Host, StringComparer.Ordinal), clock.GetUtcNow());
            _snapshot = s;
            return s;
        }
        finally
        {
            _reload.Release();
        }
    }
}
