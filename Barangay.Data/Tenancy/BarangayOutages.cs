using System.Collections.Concurrent;
using System.Diagnostics;
using Barangay.Data.Municipality;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Barangay.Data.Tenancy;

/// <summary>
/// Remembers which barangays' databases were found unreachable, so that while one is down its pages, its pollers and
/// its jobs give up at once instead of each waiting out the retry budget (Resilience/FailoverRetryStrategy, 45 s, meant
/// for a failover that ends) on every request, tick and job. Background work marks a barangay only once it waited out
/// that budget or found the database gone (<see cref="Observe"/>), so a short failover is still waited out as before.
/// While a barangay is marked, at most one caller per <see cref="ProbeEvery"/> checks with a plain connection (2 s
/// timeout); the first that connects clears the mark, so everything comes back by itself. One per process (the web app
/// and the worker each have theirs). Elapsed time comes from a Stopwatch: the business clock (TimeProvider, frozen or
/// shifted in tests) plays no part.
/// </summary>
public sealed class BarangayOutages(ILogger<BarangayOutages>? log = null)
{
    public static readonly TimeSpan ProbeEvery = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Guid, long> _lastProbe = new();

    /// <summary>
    /// Marks <paramref name="barangay"/> down. A mark already there is kept (with its probe time), so callers that keep
    /// failing do not keep putting the next probe off.
    /// </summary>
    public void MarkDown(BarangayListing barangay) => _lastProbe.TryAdd(barangay.Id, Stopwatch.GetTimestamp());

    public bool IsMarked(BarangayListing barangay) => _lastProbe.ContainsKey(barangay.Id);

    /// <summary>
    /// For background work: marks <paramref name="barangay"/> (by default the flow's) down when <paramref name="error"/>
    /// says its database cannot be reached for good (<see cref="DatabaseUnreachable.IsLasting"/>: the retry budget was
    /// spent, or the database is gone); true if so.
    /// </summary>
    public bool Observe(Exception? error, BarangayListing? barangay = null)
    {
        barangay ??= BarangayAmbient.Current;
        if (barangay is null || error is null || !DatabaseUnreachable.IsLasting(error)) return false;
        if (!IsMarked(barangay)) log?.LogWarning(error, "Barangay {Slug}'s database cannot be reached: its pages, pollers and jobs skip it until it answers", barangay.Slug);
        MarkDown(barangay);
        return true;
    }

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
            log?.LogInformation("Barangay {Slug}'s database answers again", barangay.Slug);
            return false;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return true;
        }
    }

    /// <summary>
    /// One cycle of a barangay's background loop (a poller's tick) in the flow of its barangay: skipped at once (false)
    /// while the barangay is down; when the cycle finds the database unreachable, the barangay is marked and the error
    /// goes on to the loop's own handling. With no <paramref name="outages"/> (no tenancy) or no barangay, just the cycle.
    /// </summary>
    public static async Task<bool> RunCycleAsync(BarangayOutages? outages, Func<CancellationToken, Task> cycle, CancellationToken ct)
    {
        if (outages is not null && BarangayAmbient.Current is { } barangay && await outages.StillDownAsync(barangay, ct)) return false;
        try
        {
            await cycle(ct);
            return true;
        }
        catch (Exception ex)
        {
            outages?.Observe(ex);
            throw;
        }
    }
}

/// <summary>A barangay's job refused at once because its database is known to be down (Hangfire retries it later).</summary>
public sealed class BarangayDownException(BarangayListing barangay)
    : InvalidOperationException($"Barangay {barangay.Name}'s database cannot be reached right now; the job is retried later.")
{
    public BarangayListing Barangay { get; } = barangay;
}
