using System.ComponentModel.DataAnnotations;
using Barangay.App.Accounts;
using Barangay.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Barangay.App.Areas.Identity.Pages.Account;

/// <summary>
/// Sign-in by username or email, hardened: every failure writes a failed_logins row and an audit row; after 3
/// failures for a name (or 10 from an address) the browser must solve a proof-of-work challenge; each further
/// failure is answered more slowly; after 10 the name is paused for 15 minutes (Identity's lockout for real
/// accounts, the same message for names that do not exist). Wrong name and wrong password get one message.
/// Disabled and pending accounts are told why only once the password is right.
/// </summary>
[AllowAnonymous]
public class LoginModel(SignInManager<User> signInManager, UserManager<User> userManager, SessionService sessions, SignInThrottle throttle, ProofOfWork pow)
    : PageModel
{
    public const string WrongCredentials = "The username or password is not correct.";
    public const string PausedMessage = "Too many wrong attempts. Sign-in for this account is paused for 15 minutes; try again later or use \"Forgot your password?\".";
    public const string ChallengeMissing = "Your browser was still finishing the security check. Please try again.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(Name = ProofOfWork.FieldName)]
    public string? Solution { get; set; }

    public string? ReturnUrl { get; set; }

    /// <summary>Always issued (the browser solves it while the person types); required only after failures.</summary>
    public ProofOfWork.Challenge PowChallenge { get; private set; } = null!;

    public bool ChallengeRequired { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your username or email.")]
        [Display(Name = "Username or email")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }

    private string? Ip => HttpContext.Connection.RemoteIpAddress?.ToString();

    public async Task OnGetAsync(string? returnUrl = null)
    {
        ReturnUrl = returnUrl ?? Url.Content("~/");
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        ChallengeRequired = (await throttle.CountAsync(null, Ip)).ChallengeRequired;
        PowChallenge = pow.Create();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        returnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Content("~/");
        if (!ModelState.IsValid) return await PageWithChallengeAsync(Input.UserName);

        var name = Input.UserName.Trim();
        var key = SignInThrottle.Key(name);
        var ua = Request.Headers.UserAgent.ToString();
        var counts = await throttle.CountAsync(key, Ip);
        if (counts.ChallengeRequired && !pow.Verify(Solution))
        {
            ModelState.AddModelError(string.Empty, ChallengeMissing);
            return await PageWithChallengeAsync(key);
        }
        if (counts.Paused)
        {
            // Paused names are refused before the password is looked at, whether or not the account exists.
            await sessions.RecordFailureAsync(key, null, "paused after too many failures", Ip, ua);
            return await FailAsync(key, PausedMessage);
        }

        var user = name.Contains('@', StringComparison.Ordinal)
            ? await userManager.FindByEmailAsync(name)
            : await userManager.FindByNameAsync(name);

        if (user is not null && user.Status != UserStatuses.Active && await userManager.CheckPasswordAsync(user, Input.Password))
        {
            await sessions.RecordFailureAsync(key, user.Id, $"account {user.Status}", Ip, ua);
            ModelState.AddModelError(string.Empty, user.Status == UserStatuses.Pending
                ? "Your registration is still being reviewed by the barangay hall. You can sign in once it is approved."
                : "This account has been disabled. Please visit or call the barangay hall to have it restored.");
            return await PageWithChallengeAsync(key);
        }

        var wasLocked = user is not null && await userManager.IsLockedOutAsync(user);
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signInManager.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(returnUrl);
        if (result.RequiresTwoFactor) return RedirectToPage("./LoginWith2fa", new { ReturnUrl = returnUrl, Input.RememberMe });

        await sessions.RecordFailureAsync(key, user?.Id, result.IsLockedOut ? "locked out" : "wrong username or password", Ip, ua);
        if (result.IsLockedOut && !wasLocked) await sessions.RecordLockoutAsync(user!.Id, key, Ip, ua);
        return await FailAsync(key, result.IsLockedOut ? PausedMessage : WrongCredentials);
    }

    private async Task<IActionResult> FailAsync(string key, string message)
    {
        var after = await throttle.CountAsync(key, Ip);
        // The answer to a failed guess is held back, longer with each failure; a right password is never delayed.
        if (after.Delay > TimeSpan.Zero) await Task.Delay(after.Delay, HttpContext.RequestAborted);
        ModelState.AddModelError(string.Empty, message);
        Input.Password = "";
        ChallengeRequired = after.ChallengeRequired;
        PowChallenge = pow.Create();
        return Page();
    }

    private async Task<IActionResult> PageWithChallengeAsync(string? key)
    {
        ChallengeRequired = (await throttle.CountAsync(key, Ip)).ChallengeRequired;
        PowChallenge = pow.Create();
        return Page();
    }
}
