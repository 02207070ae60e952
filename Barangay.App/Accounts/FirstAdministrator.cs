using Barangay.Data;
using Barangay.Data.Accounts;
using Barangay.Data.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Barangay.App.Accounts;

/// <summary>
/// The administrator account of a new deployment, made from the command line (<c>Barangay.App create-admin</c>),
/// so a real barangay never has to start from the demo's accounts and records. The account is an ordinary admin:
/// the password policy applies, the creation is in the audit trail (actor: the command and the operator's login),
/// and MFA is asked for at the first sign-in when the hall requires it for admins.
/// </summary>
public sealed class FirstAdministrator(UserManager<User> users, BarangayDbContext storeContext)
{
    public sealed record Account(string UserName, string Email, string FullName, string Password);

    /// <summary>Whether an active administrator exists (a deployment's every-start run then does nothing).</summary>
    public Task<bool> AdministratorExistsAsync(CancellationToken ct = default) =>
        storeContext.Users.AnyAsync(u => u.Roles.Contains(AppRoles.Admin) && u.Status == UserStatuses.Active, ct);

    /// <summary>Creates the admin account: null when created, else a message naming every problem.</summary>
    public async Task<string?> CreateAsync(Account account, string operatorName, CancellationToken ct = default)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(account.UserName)) problems.Add("The username is missing (--username).");
        if (string.IsNullOrWhiteSpace(account.Email)) problems.Add("The email address is missing (--email).");
        if (string.IsNullOrWhiteSpace(account.FullName)) problems.Add("The full name is missing (--name).");
        if (PasswordPolicy.Check(account.Password, account.UserName, account.Email) is { } weak) problems.Add(weak);
        if (problems.Count > 0) return string.Join(Environment.NewLine, problems);

        storeContext.Actor = AuditActor.System($"create-admin command ({operatorName})");
        var user = new User
        {
            UserName = account.UserName.Trim(), Email = account.Email.Trim(), EmailConfirmed = true, FullName = account.FullName.Trim(),
            Roles = [AppRoles.Admin], Status = UserStatuses.Active, LockoutEnabled = true,
        };
        var result = await users.CreateAsync(user, account.Password);
        return result.Succeeded ? null : string.Join(Environment.NewLine, result.Errors.Select(e => e.Description));
    }
}
