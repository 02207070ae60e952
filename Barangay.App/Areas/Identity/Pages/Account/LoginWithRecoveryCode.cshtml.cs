using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Barangay.App.Areas.Identity.Pages.Account;

/// <summary>The second step with a recovery code instead of the app: each code works once; its use is audited.</summary>
[AllowAnonymous]
public class LoginWithRecoveryCodeModel(SignInManager<User> signIn, SessionService sessions, AccountSecurityService security) : PageModel
{
    public const string WrongCode = "That recovery code is not right, or it was used already. Each code works only once.";

    [BindProperty]
    public string? RecoveryCode { get; set; }

    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl = null)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("./Login");
        ReturnUrl = returnUrl;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        returnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Content("~/");
        ReturnUrl = returnUrl;
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("./Login");
        var code = MfaPolicy.NormalizeRecovery(RecoveryCode);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(RecoveryCode), "Enter one of your recovery codes.");
            return Page();
        }
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            await security.RecordRecoveryCodeUsedAsync(user, HttpContext.RequestAborted);
            return LocalRedirect(returnUrl);
        }
        await sessions.RecordFailureAsync(user.UserName, user.Id, result.IsLockedOut ? "locked out (recovery code)" : "wrong recovery code",
            HttpContext.Connection.RemoteIpAddress?.ToString(), Request.Headers.UserAgent.ToString());
        RecoveryCode = null;
        ModelState.Remove(nameof(RecoveryCode));
        ModelState.AddModelError(string.Empty, result.IsLockedOut ? LoginModel.PausedMessage : WrongCode);
        return Page();
    }
}
