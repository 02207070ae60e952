using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Migrations.Internal;

namespace Barangay.Data;

/// <summary>
/// EF Core 9+ locks the history table with LOCK TABLE, which CockroachDB does not have
/// (npgsql/efcore.pg#3407, dotnet/efcore#33731). Migrations run from one place (the <c>migrate</c> command),
/// so no lock is needed.
/// </summary>
#pragma warning disable EF1001 // NpgsqlHistoryRepository is internal API; this is the documented workaround.
public sealed class CockroachHistoryRepository(HistoryRepositoryDependencies dependencies) : NpgsqlHistoryRepository(dependencies)
{
    public override IMigrationsDatabaseLock AcquireDatabaseLock() => new NoLock(this);

    public override Task<IMigrationsDatabaseLock> AcquireDatabaseLockAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IMigrationsDatabaseLock>(new NoLock(this));

    private sealed class NoLock(IHistoryRepository repository) : IMigrationsDatabaseLock
    {
        public IHistoryRepository HistoryRepository => repository;
        public void Dispose() { }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
#pragma warning restore EF1001
