using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Barangay.Data.Resilience;

/// <summary>
/// Makes a retry after a failover safe for every write, without an idempotency column per table. When the leader dies
/// between our COMMIT and its answer, the commit may or may not have landed on the synchronous standby that is now
/// leader. Before committing, the transaction's id and the server's clock are read; if COMMIT then fails on the
/// connection, the new leader is asked (<c>pg_xact_status</c>, <c>pg_xact_commit_timestamp</c>) whether that
/// transaction committed:
/// <list type="bullet">
/// <item>committed, within seconds of our COMMIT: the commit is reported as done and the caller carries on, once;</item>
/// <item>unknown to the new leader (aborted, or "in the future": its WAL never reached the standby): the original
/// error is rethrown and <see cref="FailoverRetryStrategy"/> runs the whole block again;</item>
/// <item>no answer within the retry budget: <see cref="CommitOutcomeUnknownException"/>, never retried.</item>
/// </list>
/// The commit time check is what makes a reused id harmless: a new leader that never saw our transaction hands out
/// the same ids again, but only after its promotion, seconds after our COMMIT (Patroni's TTL).
/// Every SaveChanges is made to run in a transaction (a single INSERT would otherwise autocommit with no COMMIT to
/// watch). PostgreSQL only: CockroachDB reports such a commit itself (SQLSTATE 40003, which is not retried).
/// </summary>
public sealed class CommitOutcomeInterceptor : DbTransactionInterceptor, ISaveChangesInterceptor
{
    public static readonly CommitOutcomeInterceptor Instance = new();

    /// <summary>A commit of ours lands milliseconds after the clock was read; a reused id commits after a promotion.</summary>
    private static readonly TimeSpan OwnCommitWindow = TimeSpan.FromSeconds(5);

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AlwaysInTransaction(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AlwaysInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void AlwaysInTransaction(DbContext? context)
    {
        if (context is not null) context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
    }

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) =>
        TransactionCommittingAsync(transaction, eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (result.IsSuppressed || transaction.Connection is not NpgsqlConnection connection) return result;
        var mark = await MarkAsync(connection, transaction, cancellationToken);
        if (mark is null) return result; // nothing was written: a lost COMMIT cannot double anything
        try
        {
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (FailoverRetryStrategy.IsRetried(e))
        {
            var outcome = await CommitOutcomeProbe.AskAsync(connection, mark.Value, OwnCommitWindow, FailoverRetryStrategy.Budget, cancellationToken);
            if (outcome == CommitOutcome.Committed) return InterceptionResult.Suppress();
            if (outcome == CommitOutcome.Unknown) throw new CommitOutcomeUnknownException(e);
            throw; // not committed: safe to run again
        }
        return InterceptionResult.Suppress(); // committed above
    }

    private static async Task<(ulong Xid, DateTime At)?> MarkAsync(NpgsqlConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        try
        {
            await using var cmd = new NpgsqlCommand("SELECT pg_current_xact_id_if_assigned()::text, clock_timestamp()", connection, (NpgsqlTransaction)transaction);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            if (reader.IsDBNull(0)) return null;
            return (ulong.Parse(reader.GetString(0), System.Globalization.CultureInfo.InvariantCulture), reader.GetDateTime(1));
        }
        catch (PostgresException e) when (e.SqlState == "25P02")
        {
            return null; // an aborted transaction: its COMMIT is a rollback, exactly as without this interceptor
        }
    }

}
