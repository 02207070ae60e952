using Barangay.Data;
using Barangay.Data.Accounts;
using Barangay.Data.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Barangay.App.Accounts;

/// <summary>
/// A password reset or an email confirmation is made by whoever holds the emailed code, usually signed out: the audit
/// trail names the account itself as the actor then (and the signed-in person, an admin say, when there is one), with a
/// <c>PasswordReset</c> or <c>EmailConfirmed</c> row in the same save as the change. A refused code writes nothing.
/// </summary>
public sealed class BarangayUserManager(
    IUserStore<User> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<User> passwordHasher,
    IEnumerable<IUserValidator<User>> userValidators,
    IEnumerable<IPasswordValidator<User>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<User>> logger)
    : UserManager<User>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public const string PasswordReset = "PasswordReset";
    public const string EmailConfirmed = "EmailConfirmed";

    public override Task<IdentityResult> ResetPasswordAsync(User user, string token, string newPassword) =>
        AuditedAsync(user, PasswordReset, () => base.ResetPasswordAsync(user, token, newPassword));

    public override Task<IdentityResult> ConfirmEmailAsync(User user, string token) =>
        AuditedAsync(user, EmailConfirmed, () => base.ConfirmEmailAsync(user, token));

    private async Task<IdentityResult> AuditedAsync(User user, string action, Func<Task<IdentityResult>> change)
    {
        if (Store is not UserOnlyStore<User, BarangayDbContext, Guid> { Context: var db }) return await change();
        var before = db.Actor;
        if (before?.UserId is null)
            db.Actor = new AuditActor(user.Id, user.UserName, before?.IpAddress, before?.UserAgent, before?.CorrelationId ?? Guid.NewGuid());
        var row = db.Record(action, "User", user.Id.ToString(), new { user = user.UserName, by = before?.UserId is null ? "the account holder, with the emailed code" : "the signed-in user" });
        try
        {
            return await change();
        }
        finally
        {
            // Refused (a wrong or used code): nothing was saved, and the row must not ride along with a later save.
            if (db.Entry(row).State == EntityState.Added) db.Entry(row).State = EntityState.Detached;
            db.Actor = before;
        }
    }
}
