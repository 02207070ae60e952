using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace Barangay.Data.Resilience;

/// <summary>
/// What the app retries, in one place. A leader change in the Patroni cluster (docs/scale-out.md) shows up as a
/// broken or refused connection, 57P01-57P03 (the old leader shutting down or the new one still starting), 25006 (a
/// pooled connection that now reaches a demoted node) or 40001/40P01 (serialization failures; CockroachDB's "retry
/// this"). Those are retried for up to <see cref="Budget"/> from the first failure, with short capped back-offs so the
/// first attempt after the new leader is up is at most <see cref="MaxDelay"/> late. A commit whose outcome was lost is
/// settled by <see cref="CommitOutcomeInterceptor"/> before anything is retried, so a retry never writes twice.
/// </summary>
public sealed class FailoverRetryStrategy(ExecutionStrategyDependencies dependencies, TimeSpan budget)
    : NpgsqlRetryingExecutionStrategy(dependencies, MaxAttempts, MaxDelay, RetriedStates)
{
    public FailoverRetryStrategy(ExecutionStrategyDependencies dependencies) : this(dependencies, Budget)
    {
    }

    /// <summary>Patroni's leader TTL (20 s) plus its loop and HAProxy's check, with room to spare (drill: ~21 s).</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(45);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);
    private const int MaxAttempts = 60; // the budget, not the count, is what stops retrying

    public static readonly string[] RetriedStates =
    [
        "40001", // serialization_failure
        "40P01", // deadlock_detected
        "57P01", // admin_shutdown: the node is being stopped or demoted
        "57P02", // crash_shutdown
        "57P03", // cannot_connect_now: starting up, or a replica being promoted
        "25006", // read_only_sql_transaction: this connection reaches a node that is now a replica
        "08000", "08001", "08003", "08004", "08006", "08007", // connection exceptions
        "53300", // too_many_connections (a burst of reconnects after a failover)
    ];

    // Elapsed time, not a moment: a Stopwatch, so the business clock (TimeProvider, shifted in tests) plays no part.
    private long _firstFailure;

    protected override void OnFirstExecution()
    {
        base.OnFirstExecution();
        _firstFailure = 0;
    }

    protected override bool ShouldRetryOn(Exception? exception) => IsRetried(exception);

    public static bool IsRetried(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is CommitOutcomeUnknownException) return false; // never retried blind: it may have committed
            if (e is PostgresException pg) return RetriedStates.Contains(pg.SqlState) || pg.SqlState.StartsWith("08", StringComparison.Ordinal);
            if (e is NpgsqlException npgsql) return npgsql.IsTransient;
            // Nothing else: a timeout or socket error from elsewhere (an HTTP call inside the block) is not the database's,
            // and running the block again could repeat that call. Npgsql wraps its own I/O failures in NpgsqlException.
        }
        return false;
    }

    protected override TimeSpan? GetNextDelay(Exception lastException)
    {
        if (_firstFailure == 0) _firstFailure = Stopwatch.GetTimestamp();
        if (Stopwatch.GetElapsedTime(_firstFailure) > budget) return null;
        var attempt = ExceptionsEncountered.Count; // 1 on the first failure
        var ms = Math.Min(MaxDelay.TotalMilliseconds, 100 * Math.Pow(2, attempt - 1)) * (0.8 + Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromMilliseconds(ms);
    }
}
