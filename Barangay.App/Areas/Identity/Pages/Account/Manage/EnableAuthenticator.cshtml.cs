using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Security;
using Barangay.Data.Settings;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Barangay.App.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Sets up an authenticator app: a QR code (and the key, for typing in), then a code from the app to prove it works.
/// Turning it on shows the 10 recovery codes once. Admins are sent here while "MFA required for admins" is on.
/// </summary>
public class EnableAuthenticatorModel(UserManager<User> users, SignInManager<User> signIn, AccountSecurityService security, BarangayProfileService profile)
    : ManagePageModel(users)
{
    public MfaSetup Setup { get; private set; } = null!;

    /// <summary>Sent here by the "MFA required for admins" setting.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Required { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? Code { get; set; }
    }

    [TempData]
    public string[]? RecoveryCodes { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await CurrentAsync() is not { } user) return SignInAgain();
        if (await Users.GetTwoFactorEnabledAsync(user)) return RedirectToPage("./TwoFactorAuthentication");
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await CurrentAsync() is not { } user) return SignInAgain();
        var result = await security.EnableMfaAsync(user, Input.Code, HttpContext.RequestAborted);
        if (!result.Ok)
        {
            // The typed code is not shown again (the next one is needed); the message stays beside the field.
            Input.Code = null;
            ModelState.Remove("Input.Code");
            AddErrors(result.Errors);
            await LoadAsync(user);
            return Page();
        }
        // Turning MFA on changed the security stamp: re-issue this browser's cookie (same session).
        await signIn.RefreshSignInAsync(user);
        RecoveryCodes = [.. result.Value!];
        StatusMessage = "Two-step sign-in is on. Your authenticator app is set up.";
        return RedirectToPage("./ShowRecoveryCodes");
    }

    private async Task LoadAsync(User user)
    {
        var name = (await profile.GetAsync()).Name;
        var (setup, created) = await security.SetupAsync(user, string.IsNullOrWhiteSpace(name) ? "Barangay" : name, HttpContext.RequestAborted);
        // A new key changed the security stamp: keep this browser signed in.
        if (created) await signIn.RefreshSignInAsync(user);
        Setup = setup;
    }
}
