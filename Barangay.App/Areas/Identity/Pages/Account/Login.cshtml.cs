using System.ComponentModel.DataAnnotations;
using Barangay.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Barangay.App.Areas.Identity.Pages.Account;

/// <summary>
/// Sign-in by username or email. Lockout is on (5 failures, 15 minutes); every failure writes a
/// failed_logins row and an audit row; disabled and pending accounts are told why, but only once the
/// password is right, so the page does not reveal which accounts exist.
/// </summary>
[AllowAnonymous]
public class LoginModel(SignInManager<User> signInManager, UserManager<User> userManager, SessionService sessions) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; set; }

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

    public async Task OnGetAsync(string? returnUrl = null)
    {
        ReturnUrl = returnUrl ?? Url.Content("~/");
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        returnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Content("~/");
        if (!ModelState.IsValid) return Page();

        var name = Input.UserName.Trim();
        var user = name.Contains('@', StringComparison.Ordinal)
            ? await userManager.FindByEmailAsync(name)
            : await userManager.FindByNameAsync(name);
        var ip = HttpContext.Connection.RemoteIpAddress?.ToString();
        var ua = Request.Headers.UserAgent.ToString();

        if (user is not null && user.Status != UserStatuses.Active && await userManager.CheckPasswordAsync(user, Input.Password))
        {
            await sessions.RecordFailureAsync(name, user.Id, $"account {user.Status}", ip, ua);
            ModelState.AddModelError(string.Empty, user.Status == UserStatuses.Pending
                ? "Your registration is still being reviewed by the barangay hall. You can sign in once it is approved."
                : "This account has been disabled. Please visit or call the barangay hall to have it restored.");
            return Page();
        }

        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signInManager.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(returnUrl);
        if (result.RequiresTwoFactor) return RedirectToPage("./LoginWith2fa", new { ReturnUrl = returnUrl, Input.RememberMe });

        await sessions.RecordFailureAsync(name, user?.Id, result.IsLockedOut ? "locked out" : "wrong username or password", ip, ua);
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? "Too many wrong passwords. This account is locked for 15 minutes; try again later or use \"Forgot your password?\"."
            : "The username or password is not correct.");
        return Page();
    }
}
