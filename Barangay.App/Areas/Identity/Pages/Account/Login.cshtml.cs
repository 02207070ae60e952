using System.ComponentModel.DataAnnotations;
using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Throttling;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Barangay.App.Areas.Identity.Pages.Account;

/// <summary>
/// Sign-in by username or email, through the <see cref="PasswordGate"/>: a proof-of-work challenge after failures,
/// dearer with each one, each failure recorded and answered more slowly, a pause after 10 for browsers that never
/// signed in to the account. An unknown name gets the same message and the same hashing work as a wrong password.
/// Disabled and pending accounts are told why only once the password is right.
/// </summary>
[AllowAnonymous]
public class LoginModel(SignInManager<User> signInManager, UserManager<User> userManager, SessionService sessions, PasswordGate gate)
    : PageModel
{
    public const string WrongCredentials = "The username or password is not correct.";
    public const string PausedMessage = PasswordCheck.PausedMessage;
    public const string ChallengeMissing = PasswordCheck.ChallengeMessage;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; set; }

    /// <summary>Always issued (the browser solves it while the person types); required only after failures.</summary>
    public ChallengeOffer PowChallenge { get; private set; } = null!;

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
        PowChallenge = await gate.OfferAsync();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        returnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Content("~/");
        if (!ModelState.IsValid)
        {
            PowChallenge = await gate.OfferAsync(Input.UserName);
            return Page();
        }

        var name = Input.UserName.Trim();
        var user = name.Contains('@', StringComparison.Ordinal)
            ? await userManager.FindByEmailAsync(name)
            : await userManager.FindByNameAsync(name);

        Microsoft.AspNetCore.Identity.SignInResult? result = null;
        var check = await gate.CheckAsync(name, user?.Id, "sign-in", async _ =>
        {
            // Unknown names and accounts not allowed in yet still cost one password hash, like any other attempt.
            if (user is null || user.Status != UserStatuses.Active) return await gate.VerifyAsync(user, Input.Password);
            result = await signInManager.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: false);
            return result.Succeeded || result.RequiresTwoFactor;
        }, HttpContext.RequestAborted);
        PowChallenge = check.Next;

        if (check.Passed && user is not null && user.Status != UserStatuses.Active)
        {
            await sessions.RecordFailureAsync(SignInThrottle.Key(name), user.Id, $"account {user.Status}", Ip, Request.Headers.UserAgent.ToString());
            return Fail(user.Status == UserStatuses.Pending
                ? "Your registration is still being reviewed by the barangay hall. You can sign in once it is approved."
                : "This account has been disabled. Please visit or call the barangay hall to have it restored.");
        }
        if (check.Passed && result is { Succeeded: true }) return LocalRedirect(returnUrl);
        if (check.Passed && result is { RequiresTwoFactor: true }) return RedirectToPage("./LoginWith2fa", new { ReturnUrl = returnUrl, Input.RememberMe });
        // Identity's own lock (set by the MFA step's failures) reads as the pause.
        return Fail(check.Refusal ?? (result is { IsLockedOut: true } ? PausedMessage : WrongCredentials));
    }

    private PageResult Fail(string message)
    {
        ModelState.AddModelError(string.Empty, Barangay.Data.Localization.Texts.Get(message, System.Globalization.CultureInfo.CurrentUICulture));
        Input.Password = "";
        return Page();
    }
}
