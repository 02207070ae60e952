using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Barangay.App.Areas.Identity.Pages.Account;

/// <summary>
/// The second step of sign-in for accounts with MFA: the 6-digit code from the authenticator app. A wrong code is
/// refused with a clear message, written to failed_logins and audited, and counts towards Identity's lockout.
/// </summary>
[AllowAnonymous]
public class LoginWith2faModel(SignInManager<User> signIn, SessionService sessions) : PageModel
{
    public const string WrongCode = "That code is not right. Enter the newest 6-digit code from your authenticator app (check that your phone sets its clock automatically), or use a recovery code.";

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(bool rememberMe, string? returnUrl = null)
    {
        // Only after a right password: the two-factor cookie names the account.
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("./Login");
        ReturnUrl = returnUrl;
        RememberMe = rememberMe;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        returnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Content("~/");
        ReturnUrl = returnUrl;
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("./Login");
        var code = MfaPolicy.Normalize(Code);
        if (!MfaPolicy.LooksLikeTotp(code))
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code your authenticator app shows.");
            return Page();
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false);
        if (result.Succeeded) return LocalRedirect(returnUrl);
        var ip = HttpContext.Connection.RemoteIpAddress?.ToString();
        var ua = Request.Headers.UserAgent.ToString();
        await sessions.RecordFailureAsync(user.UserName, user.Id, result.IsLockedOut ? "locked out (authenticator code)" : "wrong authenticator code", ip, ua);
        Code = null;
        ModelState.Remove(nameof(Code));
        ModelState.AddModelError(string.Empty, result.IsLockedOut ? LoginModel.PausedMessage : WrongCode);
        return Page();
    }
}
