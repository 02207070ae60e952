using Barangay.Data.Accounts.Throttling;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Localization;
using Barangay.Data.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Accounts.Security;

/// <summary>
/// What a signed-in person does to their own account: change the password, change the email address, set up and
/// turn off MFA. Works through Identity's <see cref="UserManager{TUser}"/>, whose user store saves through the
/// request's <see cref="BarangayDbContext"/>; the audit rows are added to that same context, so each change and its
/// audit row are written by the same SaveChanges. Used from the account pages (one request each), never from a circuit.
/// </summary>
public sealed partial class AccountSecurityService(
    UserManager<User> users, IUserStore<User> store, ICurrentUser currentUser, Barangay.Data.Email.IEmailDispatcher dispatcher, PasswordGate gate)
{
    public static string WrongPassword => Texts.Say("Current password: that is not your current password.");

    /// <summary>The context Identity's store saves with: audit rows added here ride in its next SaveChanges.</summary>
    private async Task<BarangayDbContext> ContextAsync(CancellationToken ct)
    {
        var db = store is UserOnlyStore<User, BarangayDbContext, Guid> s
            ? s.Context
            : throw new InvalidOperationException("The user store must be the BarangayDbContext user store.");
        db.Actor ??= (await currentUser.GetAsync(ct)).ToActor();
        return db;
    }

    /// <summary>
    /// Changes the password (the current one is required), then ends every OTHER session of the account at once:
    /// their rows are revoked now, so their cookies stop working on the next request and their open pages within
    /// a minute (the security stamp changes too). The session of <paramref name="currentSessionToken"/> stays.
    /// </summary>
    public async Task<ServiceResult<int>> ChangePasswordAsync(User user, string currentPassword, string newPassword, string? currentSessionToken, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(currentPassword)) return ServiceResult<int>.Invalid("CurrentPassword", Texts.Say("Current password: enter your current password."));
        if (string.IsNullOrEmpty(newPassword)) return ServiceResult<int>.Invalid("NewPassword", Texts.Say("New password: enter a new password."));
        var db = await ContextAsync(ct);
        if (await CheckCurrentPasswordAsync(user, currentPassword, "change password", ct) is { } refused) return ServiceResult<int>.Invalid("CurrentPassword", refused);
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded) return Refused<int>(result, "NewPassword");

        var keep = currentSessionToken is null ? "" : SessionService.Hash(currentSessionToken);
        var ended = await db.Sessions.Where(s => s.UserId == user.Id && !s.Revoked && s.SessionToken != keep)
            .ExecuteUpdateAsync(x => x.SetProperty(s => s.Revoked, true), ct);
        db.Record("PasswordChanged", "User", user.Id.ToString(), new { other_sessions_ended = ended });
        await db.SaveChangesAsync(ct);
        return ServiceResult<int>.Success(ended);
    }

    /// <summary>
    /// The current password, checked through the <see cref="PasswordGate"/> (the same challenge, failure count and
    /// pause as signing in): null when right, else the message for the Current password field.
    /// </summary>
    private async Task<string?> CheckCurrentPasswordAsync(User user, string password, string purpose, CancellationToken ct)
    {
        var check = await gate.CheckAsync(user.UserName, user.Id, purpose, _ => users.CheckPasswordAsync(user, password), ct);
        return check.Passed ? null : check.Refusal ?? WrongPassword;
    }

    /// <summary>Identity's refusals in the page's words, under the field they are about.</summary>
    private static ServiceResult<T> Refused<T>(IdentityResult result, string field)
    {
        var errors = result.Errors.ToList();
        if (errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))) return ServiceResult<T>.Invalid("CurrentPassword", WrongPassword);
        return ServiceResult<T>.Invalid(field, string.Join(" ", errors.Select(e => e.Description)));
    }
}
