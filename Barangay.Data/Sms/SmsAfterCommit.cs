using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Barangay.Data.Sms;

/// <summary>
/// The one rule that sends a queued text right away: when a transaction that added <see cref="SmsMessage"/> rows through
/// EF commits, one SMS run is started (<see cref="ISmsDispatcher"/>, a Hangfire job). Notice texts
/// (<see cref="Notifications.NoticeTexts"/>) are added by many services inside their own transactions; without this they
/// waited for the queue sweeper (1–2 minutes). The sweeper stays as the safety net for a start that is lost (a crash
/// between commit and enqueue, a Hangfire outage). A start is never sent before the commit (the job would find nothing)
/// and never for a rolled-back save. A second start is harmless: the job claims rows with one UPDATE … RETURNING, so a
/// text is sent once however many runs there are.
/// <para>
/// Commit is seen in two ways: an explicit transaction's <c>TransactionCommitted</c>, or, for a save with no transaction
/// of the caller's, <c>SavedChanges</c> (EF's own transaction, if it used one, has committed by then). Rows written by raw
/// SQL or COPY (announcement fan-out) are not seen here; those callers start the run themselves.
/// </para>
/// </summary>
public sealed class SmsAfterCommit(IServiceProvider services) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly object Mark = new();

    /// <summary>Contexts whose current (or next committing) transaction holds new texts.</summary>
    private static readonly ConditionalWeakTable<DbContext, object> Pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } db) StartIfPending(db);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SavedChanges(eventData, result);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } db) Pending.Remove(db);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } db) StartIfPending(db);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } db) Pending.Remove(db);
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    private static void Note(DbContext? db)
    {
        // Kept until a commit or rollback: an earlier save in the same transaction may have added texts already.
        if (db is not null && db.ChangeTracker.Entries<SmsMessage>().Any(e => e.State == EntityState.Added))
            Pending.AddOrUpdate(db, Mark);
    }

    private void StartIfPending(DbContext db)
    {
        if (!Pending.Remove(db)) return;
        try
        {
            // No dispatcher in this host (a tool, a test): the rows wait in the outbox for the sweeper.
            // Hangfire's enqueue is synchronous; the task is complete when it returns.
            services.GetService<ISmsDispatcher>()?.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The change has committed: failing the caller now would report an error for saved work (and an execution
            // strategy might retry it). The sweeper starts a run for the rows instead.
            services.GetService<ILoggerFactory>()?.CreateLogger<SmsAfterCommit>()
                .LogWarning(e, "Could not start sending queued text messages after a commit; the queue sweeper will.");
        }
    }
}
