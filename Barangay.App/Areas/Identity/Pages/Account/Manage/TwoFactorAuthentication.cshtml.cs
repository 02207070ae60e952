using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Barangay.App.Areas.Identity.Pages.Account.Manage;

/// <summary>Two-step sign-in: its state, recovery codes left, and the ways to set it up, renew the codes or turn it off.</summary>
public class TwoFactorAuthenticationModel(UserManager<User> users, AccountSecurityService security) : ManagePageModel(users)
{
    public MfaStatus Mfa { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await CurrentAsync() is not { } user) return SignInAgain();
        Mfa = await security.MfaStatusAsync(user, HttpContext.RequestAborted);
        return Page();
    }
}
