using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Barangay.Data.Replicas;

/// <summary>
/// On a stale-read context: a connection or command that fails on the replica with a failover-class error marks the
/// replica down at once, so the next stale reads open the primary without waiting for the next lag check. (The read that
/// failed is retried on the replica endpoint for <see cref="StaleReadContextFactory.ReplicaRetryBudget"/> only: HAProxy
/// sends the retry to another replica if there is one; EF Core's connections here are bound to their data source, so a
/// context cannot be moved to the primary half-way.)
/// </summary>
internal sealed class ReplicaRoute(ReplicaHealth health) : DbConnectionInterceptor, IDbCommandInterceptor
{
    public override void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => Failed(eventData.Exception);

    public override Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Exception);
        return Task.CompletedTask;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Failed(eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Exception);
        return Task.CompletedTask;
    }

    private void Failed(Exception exception)
    {
        if (Resilience.FailoverRetryStrategy.IsRetried(exception))
            health.MarkDown("failing: " + exception.Message);
    }
}
