using Barangay.Data.Audit;
using Barangay.Data.Officials;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Barangay.Data.Accounts;

/// <summary>
/// The one rule for a change of access. A signed-in principal carries the roles, the official's position and the
/// permissions they give; so whenever a save changes an account's roles or status (or deletes it), or adds, removes or
/// changes an official record's position, status or account, that account's security stamp rotates and its open sessions
/// are revoked in the same save, with an <c>AccessChanged</c> audit row saying why. Open pages revalidate their session and
/// stamp every <c>Sessions:RevalidationSeconds</c> (under a minute) and are sent to sign in; the next sign-in gets the new
/// rights. Living here, under every SaveChanges, no service (admin roles, the officials roster, registration review,
/// Identity's own store) can change access and forget it.
/// </summary>
public sealed class AccountAccessInterceptor : SaveChangesInterceptor
{
    public const string Action = "AccessChanged";

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is BarangayDbContext db) ApplyAsync(db, sync: true, default).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is BarangayDbContext db) await ApplyAsync(db, sync: false, cancellationToken);
        return result;
    }

    /// <summary>The accounts whose access this save changes, each with what changed.</summary>
    public static Dictionary<Guid, SortedSet<string>> Changes(BarangayDbContext db)
    {
        var changes = new Dictionary<Guid, SortedSet<string>>();
        void Add(Guid id, string why)
        {
            if (id == Guid.Empty) return;
            if (!changes.TryGetValue(id, out var set)) changes[id] = set = new SortedSet<string>(StringComparer.Ordinal);
            set.Add(why);
        }

        db.ChangeTracker.DetectChanges();
        foreach (var e in db.ChangeTracker.Entries<User>())
        {
            if (e.State == EntityState.Deleted) Add(e.Entity.Id, "account deleted");
            if (e.State != EntityState.Modified) continue;
            if (Changed(e, nameof(User.Roles))) Add(e.Entity.Id, "roles");
            if (Changed(e, nameof(User.Status))) Add(e.Entity.Id, "status");
            if (Changed(e, nameof(User.DeletedAt))) Add(e.Entity.Id, "account deleted");
        }
        foreach (var e in db.ChangeTracker.Entries<Official>())
        {
            switch (e.State)
            {
                case EntityState.Added:
                    Add(e.Entity.UserId, "official record added");
                    break;
                case EntityState.Deleted:
                    Add(e.Property(o => o.UserId).OriginalValue, "official record removed");
                    break;
                case EntityState.Modified:
                    foreach (var (name, why) in OfficialAccess)
                    {
                        if (!Changed(e, name)) continue;
                        Add(e.Property(o => o.UserId).OriginalValue, why);
                        Add(e.Entity.UserId, why);
                    }
                    break;
            }
        }
        return changes;
    }

    /// <summary>The official record's columns that decide rights (BarangayClaimsFactory reads the position of an active record).</summary>
    private static readonly (string Name, string Why)[] OfficialAccess =
    [
        (nameof(Official.Position), "official position"),
        (nameof(Official.Status), "official status"),
        (nameof(Official.UserId), "official account"),
    ];

    private static bool Changed(EntityEntry e, string property)
    {
        var p = e.Property(property);
        return p.IsModified && !p.Metadata.GetValueComparer().Equals(p.OriginalValue, p.CurrentValue);
    }

    private static async Task ApplyAsync(BarangayDbContext db, bool sync, CancellationToken ct)
    {
        var changes = Changes(db);
        if (changes.Count == 0) return;
        var ids = changes.Keys.ToList();
        var usersQuery = db.Users.IgnoreQueryFilters().Where(u => ids.Contains(u.Id));
        var users = sync ? usersQuery.ToList() : await usersQuery.ToListAsync(ct);
        var sessionsQuery = db.Sessions.Where(s => ids.Contains(s.UserId) && !s.Revoked);
        var sessions = sync ? sessionsQuery.ToList() : await sessionsQuery.ToListAsync(ct);
        foreach (var user in users)
        {
            var entry = db.Entry(user);
            if (entry.State == EntityState.Deleted) continue;
            var stamp = entry.Property(u => u.SecurityStamp);
            if (!Changed(entry, nameof(User.SecurityStamp))) stamp.CurrentValue = Guid.NewGuid().ToString("N");
            var ended = 0;
            foreach (var s in sessions.Where(s => s.UserId == user.Id))
            {
                s.Revoked = true;
                ended++;
            }
            db.Record(Action, "User", user.Id.ToString(), new { user = user.UserName, changed = changes[user.Id], sessions_ended = ended });
        }
    }
}
