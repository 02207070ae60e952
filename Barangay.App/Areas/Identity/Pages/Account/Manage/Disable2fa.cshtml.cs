using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Barangay.App.Areas.Identity.Pages.Account.Manage;

/// <summary>Turns two-step sign-in off, proven by the password or a code (refused while it is required for the account).</summary>
public class Disable2faModel(UserManager<User> users, SignInManager<User> signIn, AccountSecurityService security) : ManagePageModel(users)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? Password { get; set; }
        public string? Code { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await CurrentAsync() is not { } user) return SignInAgain();
        return await Users.GetTwoFactorEnabledAsync(user) ? Page() : RedirectToPage("./TwoFactorAuthentication");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await CurrentAsync() is not { } user) return SignInAgain();
        var result = await security.DisableMfaAsync(user, Input.Password, Input.Code, HttpContext.RequestAborted);
        if (!result.Ok)
        {
            Input = new();
            ModelState.Remove("Input.Code");
            AddErrors(result.Errors);
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        StatusMessage = "Two-step sign-in is off. You can set it up again at any time.";
        return RedirectToPage("./TwoFactorAuthentication");
    }
}
