using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Barangay.App.Areas.Identity.Pages.Account.Manage;

/// <summary>Makes 10 new recovery codes (the old ones stop working) and shows them once.</summary>
public class GenerateRecoveryCodesModel(UserManager<User> users, AccountSecurityService security) : ManagePageModel(users)
{
    [TempData]
    public string[]? RecoveryCodes { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await CurrentAsync() is not { } user) return SignInAgain();
        return await Users.GetTwoFactorEnabledAsync(user) ? Page() : RedirectToPage("./TwoFactorAuthentication");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await CurrentAsync() is not { } user) return SignInAgain();
        var result = await security.RegenerateRecoveryCodesAsync(user, HttpContext.RequestAborted);
        if (!result.Ok) return RedirectToPage("./TwoFactorAuthentication");
        RecoveryCodes = [.. result.Value!];
        StatusMessage = "You have new recovery codes. The old ones no longer work.";
        return RedirectToPage("./ShowRecoveryCodes");
    }
}
