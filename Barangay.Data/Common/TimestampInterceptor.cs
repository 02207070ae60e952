using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Barangay.Data.Common;

/// <summary>
/// Stamps <c>updated_at</c>, turns deletes of soft-deletable rows into <c>deleted_at</c>, rolls the
/// <c>version</c> concurrency token and assigns random UUID keys up front (so audit rows can name new rows).
/// Runs before <see cref="Audit.AuditInterceptor"/>.
/// </summary>
public sealed class TimestampInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>The app's clock, for code that has only the context (<see cref="ContextClock"/>).</summary>
    public TimeProvider Clock => clock;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? db)
    {
        if (db is null) return;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State == EntityState.Deleted && entry.Entity is ISoftDeletable soft)
            {
                entry.State = EntityState.Modified;
                soft.DeletedAt = now;
            }
            if (entry.State == EntityState.Added)
            {
                var key = entry.Metadata.FindPrimaryKey();
                if (key is { Properties.Count: 1 } && key.Properties[0].ClrType == typeof(Guid))
                {
                    // A store-generated key only has a temporary value here; give it its real random UUID now.
                    var p = entry.Property(key.Properties[0].Name);
                    if (p.IsTemporary || p.CurrentValue is Guid g && g == Guid.Empty)
                    {
                        p.CurrentValue = Guid.NewGuid();
                        p.IsTemporary = false;
                    }
                }
            }
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                if (entry.Entity is Residents.Resident resident) Residents.NameSearch.Apply(resident);
                if (entry.Entity is IHasUpdatedAt updated) updated.UpdatedAt = now;
                if (entry.Entity is IVersioned versioned) versioned.Version = Guid.NewGuid();
            }
        }
    }
}
