using Barangay.Data.Localization;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Accounts;

/// <summary>
/// What admins do to accounts: roles (audited as PermissionChange, old → new), disable and enable, revoke sessions,
/// reset MFA. The last active admin can be neither disabled nor demoted. Each change takes effect on open pages
/// within a minute: a role or status change is an access change (<see cref="AccountAccessInterceptor"/> rotates the
/// stamp and revokes the sessions); revoking sessions and an MFA reset do the same explicitly.
/// </summary>
public sealed partial class UserAdminService
{
    public const string LastAdmin = "This is the last active administrator; make another account an admin first.";

    public async Task<ServiceResult<bool>> SetRolesAsync(Guid userId, IReadOnlyCollection<string> roles, CancellationToken ct = default)
    {
        var wanted = roles.Select(r => r.Trim().ToLowerInvariant()).Distinct().OrderBy(r => Array.IndexOf([.. AppRoles.All], r)).ToList();
        if (wanted.Count == 0) return ServiceResult<bool>.Invalid("Roles", Texts.Say("Roles: choose at least one role."));
        if (wanted.FirstOrDefault(r => !AppRoles.All.Contains(r)) is { } bad) return ServiceResult<bool>.Invalid("Roles", Texts.Say("Roles: '{0}' is not a role.", bad));
        return await ChangeAsync(userId, async (db, user, caller) =>
        {
            if (user.Roles.Contains(AppRoles.Admin) && !wanted.Contains(AppRoles.Admin) && await IsLastAdminAsync(db, user.Id, ct))
                return ServiceResult<bool>.Invalid("Roles", Texts.Say(LastAdmin));
            var old = user.Roles.ToList();
            if (old.SequenceEqual(wanted)) return ServiceResult<bool>.Success(false);
            user.Roles = wanted;
            db.Record(AuditActions.PermissionChange, "User", user.Id.ToString(), new { old_roles = old, new_roles = wanted, user = user.UserName });
            // New roles mean new permissions: AccountAccessInterceptor rotates the stamp and ends the open sessions in this save.
            return ServiceResult<bool>.Success(true);
        }, ct);
    }

    public Task<ServiceResult<bool>> DisableAsync(Guid userId, CancellationToken ct = default) =>
        ChangeAsync(userId, async (db, user, caller) =>
        {
            if (user.Id == caller.UserId) return ServiceResult<bool>.Invalid("Status", Texts.Say("You cannot disable your own account."));
            if (user.Status == UserStatuses.Disabled) return ServiceResult<bool>.Success(false);
            if (user.Roles.Contains(AppRoles.Admin) && await IsLastAdminAsync(db, user.Id, ct)) return ServiceResult<bool>.Invalid("Status", Texts.Say(LastAdmin));
            user.Status = UserStatuses.Disabled;
            // AccountAccessInterceptor rotates the stamp and ends the open sessions in this save.
            return ServiceResult<bool>.Success(true);
        }, ct);

    public Task<ServiceResult<bool>> EnableAsync(Guid userId, CancellationToken ct = default) =>
        ChangeAsync(userId, (db, user, caller) =>
        {
            if (user.Status != UserStatuses.Disabled) return Task.FromResult(ServiceResult<bool>.Success(false));
            user.Status = UserStatuses.Active;
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            return Task.FromResult(ServiceResult<bool>.Success(true));
        }, ct);

    public Task<ServiceResult<bool>> RevokeSessionsAsync(Guid userId, CancellationToken ct = default) =>
        ChangeAsync(userId, async (db, user, caller) =>
        {
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            await SessionService.RevokeAllAsync(db, user.Id, "revoked by an administrator", ct);
            return ServiceResult<bool>.Success(true);
        }, ct);

    /// <summary>Turns MFA off (a lost phone): the authenticator key is removed; the user sets it up again.</summary>
    public Task<ServiceResult<bool>> ResetMfaAsync(Guid userId, CancellationToken ct = default) =>
        ChangeAsync(userId, async (db, user, caller) =>
        {
            user.TwoFactorEnabled = false;
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            await db.Set<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().Where(t => t.UserId == user.Id).ExecuteDeleteAsync(ct);
            db.Record("MfaReset", "User", user.Id.ToString(), new { user = user.UserName });
            await SessionService.RevokeAllAsync(db, user.Id, "MFA reset", ct);
            return ServiceResult<bool>.Success(true);
        }, ct);

    private async Task<ServiceResult<bool>> ChangeAsync(Guid userId, Func<BarangayDbContext, User, Caller, Task<ServiceResult<bool>>> change, CancellationToken ct)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Users.Manage)) return ServiceResult<bool>.NotFound();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            var (attempt, __) = await dbs.OpenAsync(ct);
            await using var ___ = attempt;
            // Serializable: two admins demoting each other at once cannot leave no admin at all.
            await using var tx = await attempt.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);
            var user = await attempt.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
            if (user is null) return ServiceResult<bool>.NotFound();
            var result = await change(attempt, user, caller);
            if (!result.Ok) return result;
            await attempt.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return result;
        });
    }

    private static Task<bool> IsLastAdminAsync(BarangayDbContext db, Guid userId, CancellationToken ct) =>
        db.Users.AllAsync(u => u.Id == userId || !(u.Status == UserStatuses.Active && u.Roles.Contains(AppRoles.Admin)), ct);
}
