using Barangay.Data.Accounts;
using Barangay.Data.Audit;
using Barangay.Data.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Municipality.Moves;

/// <summary>
/// A moved resident's online account moves with the record (docs/municipality-rollups.md, "The resident's account"):
/// the new barangay gets the same sign-in (username, email, phone, password hash, two-step sign-in) in the accept's own
/// SaveChanges, linked to the new record; then, on the old side of the accept, the old account is disabled, which ends
/// its sessions (<see cref="AccountAccessInterceptor"/>). The password hash goes straight from one barangay database to
/// the other, never through the municipality database. Only a resident-only account moves: an official's account
/// belongs to the hall, not to the person. If the username or email is already someone's in the new barangay, the
/// account stays where it was (still usable there) and the new barangay's audit says why; the person registers anew.
/// </summary>
public sealed partial class BarangayMoves
{
    public const string AccountMovedIn = "AccountMovedIn";
    public const string AccountMovedOut = "AccountMovedOut";
    public const string AccountNotMoved = "AccountNotMoved";

    /// <summary>Adds the moving resident's account to <paramref name="db"/> (not saved) and returns its id, or null when none moves.</summary>
    private async Task<Guid?> CarryAccountAsync(BarangayDbContext db, BarangayMove move, BarangayListing? from, CancellationToken ct)
    {
        if (from is null) return null;
        User? old;
        List<IdentityUserToken<Guid>> tokens;
        await using (var odb = contexts.Open(from.ConnectionString, AuditActor.System(move.RecordedBy)))
        {
            var userId = await odb.Residents.IgnoreQueryFilters().Where(x => x.Id == move.FromResidentId).Select(x => x.UserId).FirstOrDefaultAsync(ct);
            old = userId is null ? null : await odb.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId && u.Status == UserStatuses.Active, ct);
            if (old is null || !old.Roles.SequenceEqual([AppRoles.Resident])) return null;
            tokens = await odb.Set<IdentityUserToken<Guid>>().AsNoTracking().Where(t => t.UserId == old.Id).ToListAsync(ct);
        }
        var taken = await db.Users.IgnoreQueryFilters().AnyAsync(u => u.NormalizedUserName == old.NormalizedUserName
            || (old.NormalizedEmail != null && u.NormalizedEmail == old.NormalizedEmail), ct);
        if (taken)
        {
            db.Record(AccountNotMoved, "Resident", move.Id.ToString(), new { move = move.Id, from = from.Name, reason = "username or email already used in this barangay" });
            return null;
        }
        var user = new User
        {
            Id = Guid.NewGuid(), UserName = old.UserName, NormalizedUserName = old.NormalizedUserName, Email = old.Email, NormalizedEmail = old.NormalizedEmail,
            EmailConfirmed = old.EmailConfirmed, PhoneNumber = old.PhoneNumber, PhoneNumberConfirmed = old.PhoneNumberConfirmed, PasswordHash = old.PasswordHash,
            TwoFactorEnabled = old.TwoFactorEnabled, LockoutEnabled = old.LockoutEnabled, FullName = old.FullName, PreferredLanguage = old.PreferredLanguage,
            Roles = [AppRoles.Resident], Status = UserStatuses.Active, CreatedAt = clock.GetUtcNow().UtcDateTime,
            SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
        };
        db.Users.Add(user);
        // The authenticator key and recovery codes: two-step sign-in keeps working with the same phone app.
        foreach (var t in tokens) db.Set<IdentityUserToken<Guid>>().Add(new IdentityUserToken<Guid> { UserId = user.Id, LoginProvider = t.LoginProvider, Name = t.Name, Value = t.Value });
        db.Record(AccountMovedIn, "User", user.Id.ToString(), new { move = move.Id, from = from.Name, user = user.UserName });
        return user.Id;
    }

    /// <summary>The old side of an accept whose new record holds the moved account: the old account is disabled (its sessions end), once.</summary>
    private async Task RetireOldAccountAsync(BarangayListing from, BarangayListing? to, BarangayMove move, CancellationToken ct)
    {
        if (to is null || move.ToResidentId is not { } newRecord) return;
        string? movedName;
        await using (var ndb = contexts.Open(to.ConnectionString, AuditActor.System(move.DecidedBy ?? "")))
        {
            movedName = await ndb.Residents.IgnoreQueryFilters().Where(x => x.Id == newRecord && x.UserId != null)
                .Join(ndb.Users.IgnoreQueryFilters(), x => x.UserId, u => u.Id, (x, u) => u.NormalizedUserName).FirstOrDefaultAsync(ct);
        }
        if (movedName is null) return; // no account moved: the old one stays as it was
        await using var odb = contexts.Open(from.ConnectionString, AuditActor.System(move.DecidedBy ?? ""));
        var userId = await odb.Residents.IgnoreQueryFilters().Where(x => x.Id == move.FromResidentId).Select(x => x.UserId).FirstOrDefaultAsync(ct);
        var old = userId is null ? null : await odb.Users.FirstOrDefaultAsync(u => u.Id == userId && u.Status == UserStatuses.Active && u.NormalizedUserName == movedName, ct);
        if (old is null) return; // retired already (the step ran before a crash)
        old.Status = UserStatuses.Disabled;
        odb.Record(AccountMovedOut, "User", old.Id.ToString(), new { move = move.Id, to = to.Name, user = old.UserName });
        await odb.SaveChangesAsync(ct);
    }
}
