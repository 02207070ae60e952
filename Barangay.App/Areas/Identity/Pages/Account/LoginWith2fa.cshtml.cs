using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Security;
using Barangay.Data.Accounts.Throttling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Barangay.App.Areas.Identity.Pages.Account;

/// <summary>
/// The second step of sign-in for accounts with MFA: the 6-digit code from the authenticator app. A wrong code is
/// refused with a clear message; it passes the PasswordGate like a password (challenge, failure count, pause) and
/// counts towards Identity's lockout, which only someone who knows the password can reach.
/// </summary>
[AllowAnonymous]
public class LoginWith2faModel(SignInManager<User> signIn, PasswordGate gate) : PageModel
{
    public const string WrongCode = "That code is not right. Enter the newest 6-digit code from your authenticator app (check that your phone sets its clock automatically), or use a recovery code.";

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }

    /// <summary>The account the two-factor cookie names: its failures set the challenge.</summary>
    public string? AccountName { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool rememberMe, string? returnUrl = null)
    {
        // Only after a right password: the two-factor cookie names the account.
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return RedirectToPage("./Login");
        AccountName = user.UserName;
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
        AccountName = user.UserName;
        var code = MfaPolicy.Normalize(Code);
        if (!MfaPolicy.LooksLikeTotp(code))
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code your authenticator app shows.");
            return Page();
        }
        Microsoft.AspNetCore.Identity.SignInResult? result = null;
        var check = await gate.CheckAsync(user.UserName, user.Id, "authenticator code", async _ =>
            (result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false)).Succeeded, HttpContext.RequestAborted);
        if (check.Passed) return LocalRedirect(returnUrl);
        Code = null;
        ModelState.Remove(nameof(Code));
        ModelState.AddModelError(string.Empty, check.Refusal ?? (result is { IsLockedOut: true } ? LoginModel.PausedMessage : WrongCode));
        return Page();
    }
}
