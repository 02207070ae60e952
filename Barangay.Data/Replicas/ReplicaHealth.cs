using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Barangay.Data.Replicas;

/// <summary>
/// Whether one replica endpoint may serve stale-tolerant reads now: reachable and no further behind than
/// <see cref="ReadReplicaOptions.MaxStaleness"/>. A reading is trusted for <see cref="ReadReplicaOptions.CheckInterval"/>;
/// then the next read measures again (callers share one measurement). A failure seen on a replica connection marks it
/// down at once (<see cref="ReplicaRoute"/>), so the next reads go to the primary without waiting for the next check.
/// </summary>
public sealed class ReplicaHealth(string connectionString, ReadReplicaOptions options, ILogger logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Reading? _last;

    /// <summary>One measurement: usable or not, the lag when it was measured, and why not.</summary>
    public sealed record Reading(bool Usable, TimeSpan? Lag, string? Why, long At);

    public Reading? Last => _last;

    /// <summary>The last reading, without measuring (for the synchronous paths).</summary>
    public bool UsableNow => _last is { Usable: true } r && Fresh(r);

    public async Task<bool> UsableAsync(CancellationToken ct)
    {
        if (_last is { } r && Fresh(r)) return r.Usable;
        await _gate.WaitAsync(ct);
        try
        {
            if (_last is { } again && Fresh(again)) return again.Usable;
            var reading = await MeasureAsync(ct);
            Record(reading);
            return reading.Usable;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void MarkDown(string why) => Record(new Reading(false, null, why, Stopwatch.GetTimestamp()));

    private async Task<Reading> MeasureAsync(CancellationToken ct)
    {
        try
        {
            var lag = await (options.MeasureLag ?? ReplicaLag.MeasureAsync)(connectionString, ct);
            return lag <= options.MaxStaleness
                ? new Reading(true, lag, null, Stopwatch.GetTimestamp())
                : new Reading(false, lag, $"{lag.TotalSeconds:0.#} s behind (the bound is {options.MaxStaleness.TotalSeconds:0.#} s)", Stopwatch.GetTimestamp());
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return new Reading(false, null, "unreachable: " + e.Message, Stopwatch.GetTimestamp());
        }
    }

    private void Record(Reading reading)
    {
        var before = _last;
        _last = reading;
        if (before?.Usable != false && !reading.Usable)
            logger.LogWarning("Stale-tolerant reads go to the primary: the replica endpoint is {Why}", reading.Why);
        else if (before is { Usable: false } && reading.Usable)
            logger.LogInformation("Stale-tolerant reads are back on the replica endpoint ({Lag} ms behind)", reading.Lag?.TotalMilliseconds);
    }

    // Elapsed time, not a moment: a Stopwatch, so the business clock (TimeProvider, shifted in tests) plays no part.
    private bool Fresh(Reading r) => Stopwatch.GetElapsedTime(r.At) < options.CheckInterval;
}
