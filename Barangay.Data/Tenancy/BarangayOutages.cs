using System.Collections.Concurrent;
using System.Diagnostics;
using Barangay.Data.Municipality;
using Npgsql;

namespace Barangay.App.Tenancy;

/// <summary>
/// Remembers which barangays' databases were found unreachable, so that while one is down its pages answer the 503
/// at once instead of each request waiting out the retry budget (Resilience/FailoverRetryStrategy, 45 s, meant for a
/// failover that ends). While a barangay is marked, at most one request per <see cref="ProbeEvery"/> checks with a
/// plain connection (2 s timeout); the first that connects clears the mark, so the pages come back by themselves.
/// Elapsed time comes from a Stopwatch: the business clock (TimeProvider, frozen or shifted in tests) plays no part.
/// </summary>
public sealed class BarangayOutages(ILogger<BarangayOutages> log)
{
    public static readonly TimeSpan ProbeEvery = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Guid, long> _lastProbe = new();

    public void MarkDown(BarangayListing barangay) => _lastProbe[barangay.Id] = Stopwatch.GetTimestamp();

    public bool IsMarked(BarangayListing barangay) => _lastProbe.ContainsKey(barangay.Id);

    /// <summary>False when the barangay is not marked, or a probe just reached its database (the mark is cleared).</summary>
    public async Task<bool> StillDownAsync(BarangayListing barangay, CancellationToken ct)
    {
        if (!_lastProbe.TryGetValue(barangay.Id, out var last)) return false;
        if (Stopwatch.GetElapsedTime(last) < ProbeEvery || !_lastProbe.TryUpdate(barangay.Id, Stopwatch.GetTimestamp(), last)) return true;
        try
        {
            var cs = new NpgsqlConnectionStringBuilder(barangay.ConnectionString) { Timeout = 2, Pooling = false }.ConnectionString;
            await using var conn = new NpgsqlConnection(cs);
            await conn.OpenAsync(ct);
            _lastProbe.TryRemove(barangay.Id, out _);
            log.LogInformation("Barangay {Slug}'s database answers again", barangay.Slug);
            return false;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return true;
        }
    }
}
