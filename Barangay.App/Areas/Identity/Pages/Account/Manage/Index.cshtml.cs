using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Barangay.App.Areas.Identity.Pages.Account.Manage;

/// <summary>"My account": who is signed in, and the ways to change the email, the password and two-step sign-in.</summary>
public class IndexModel(UserManager<User> users, AccountSecurityService security) : ManagePageModel(users)
{
    public User Account { get; private set; } = null!;
    public MfaStatus Mfa { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await CurrentAsync() is not { } user) return SignInAgain();
        Account = user;
        Mfa = await security.MfaStatusAsync(user, HttpContext.RequestAborted);
        return Page();
    }
}
