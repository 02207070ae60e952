using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Security;
using Barangay.Data.Accounts.Throttling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Barangay.App.Areas.Identity.Pages.Account;

/// <summary>The second step with a recovery code instead of the app: each code works once; its use is audited.</summary>
[AllowAnonymous]
public class LoginWithRecoveryCodeModel(SignInManager<User> signIn, AccountSecurityService security, PasswordGate gate) : PageModel
{
    public const string WrongCode = "That recovery code is not right, or it was used already. Each code works only once.";

    [BindProperty]
    public string? RecoveryCode { get; set; }

    public string? ReturnUrl { get; set; }

    /// <summary>The account the two-factor cookie names: its failures set the challenge.</summary>
    public string? AccountName { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl = null)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return RedirectToPage("./Login");
        AccountName = user.UserName;
        ReturnUrl = returnUrl;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        returnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Content("~/");
        ReturnUrl = returnUrl;
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("./Login");
        AccountName = user.UserName;
        var code = MfaPolicy.NormalizeRecovery(RecoveryCode);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(RecoveryCode), "Enter one of your recovery codes.");
            return Page();
        }
        Microsoft.AspNetCore.Identity.SignInResult? result = null;
        var check = await gate.CheckAsync(user.UserName, user.Id, "recovery code", async _ =>
            (result = await signIn.TwoFactorRecoveryCodeSignInAsync(code)).Succeeded, HttpContext.RequestAborted);
        if (check.Passed)
        {
            await security.RecordRecoveryCodeUsedAsync(user, HttpContext.RequestAborted);
            return LocalRedirect(returnUrl);
        }
        RecoveryCode = null;
        ModelState.Remove(nameof(RecoveryCode));
        ModelState.AddModelError(string.Empty, check.Refusal ?? (result is { IsLockedOut: true } ? LoginModel.PausedMessage : WrongCode));
        return Page();
    }
}
