using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Barangay.Data.Residents;

/// <summary>
/// Keeps the name dictionary (<see cref="ResidentNames"/>) complete for every resident saved through EF: the names of
/// added residents and changed names are noted before the save and written right after it, inside the caller's
/// transaction when there is one. (Bulk COPY paths call <see cref="ResidentNames.RememberAsync"/> themselves.)
/// </summary>
public sealed class ResidentNamesInterceptor : SaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, List<Resident>> Pending = new();

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
        WriteAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await WriteAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } db) Pending.Remove(db);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    private static void Note(DbContext? db)
    {
        if (db is null) return;
        var named = db.ChangeTracker.Entries<Resident>()
            .Where(e => e.State == EntityState.Added
                        || (e.State == EntityState.Modified && (e.Property(r => r.SearchFirst).IsModified || e.Property(r => r.SearchLast).IsModified)))
            .Select(e => e.Entity).ToList();
        if (named.Count > 0) Pending.AddOrUpdate(db, named);
        else Pending.Remove(db);
    }

    private static async Task WriteAsync(DbContext? db, CancellationToken ct)
    {
        if (db is null || !Pending.TryGetValue(db, out var named)) return;
        Pending.Remove(db);
        // The save has closed the connection it opened; this opens it again only for the one statement.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await ResidentNames.RememberAsync(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), named, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
