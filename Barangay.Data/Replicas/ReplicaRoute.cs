using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Barangay.Data.Replicas;

/// <summary>
/// On a stale-read context: every connection EF opens goes to the replica while <see cref="ReplicaHealth"/> says it may,
/// else to the primary (its exact connection string, so the primary's own pool). A connection or command that fails
/// on the replica marks it down, so the execution strategy's retry of the same read lands on the primary instead of
/// waiting out the retry budget on a replica port with nothing behind it.
/// </summary>
internal sealed class ReplicaRoute(string replica, string primary, ReplicaHealth health) : DbConnectionInterceptor, IDbCommandInterceptor
{
    private readonly NpgsqlConnectionStringBuilder _replica = new(replica);

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Route(connection, health.UsableNow);
        return result;
    }

    public override async ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Route(connection, await health.UsableAsync(cancellationToken));
        return result;
    }

    public override void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => Failed(connection, eventData.Exception);

    public override Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(connection, eventData.Exception);
        return Task.CompletedTask;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Failed(command.Connection, eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(command.Connection, eventData.Exception);
        return Task.CompletedTask;
    }

    private void Route(DbConnection connection, bool toReplica)
    {
        // Set only while closed (EF calls this before it opens); the connection keeps whichever it was given last.
        var target = toReplica ? replica : primary;
        if (IsReplica(connection) != toReplica) connection.ConnectionString = target;
    }

    private void Failed(DbConnection? connection, Exception exception)
    {
        if (connection is not null && IsReplica(connection) && Resilience.FailoverRetryStrategy.IsRetried(exception))
            health.MarkDown("failing: " + exception.Message);
    }

    // Compared by server and database: Npgsql hides the password in ConnectionString once a connection has opened.
    private bool IsReplica(DbConnection connection) => connection is NpgsqlConnection c
        && string.Equals(c.Host, _replica.Host, StringComparison.OrdinalIgnoreCase) && c.Port == _replica.Port
        && string.Equals(c.Database, _replica.Database, StringComparison.Ordinal);
}
