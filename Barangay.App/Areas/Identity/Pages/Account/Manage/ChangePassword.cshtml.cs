using System.ComponentModel.DataAnnotations;
using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Barangay.App.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Change the password: the current one is required; every other session of the account ends at once (their rows
/// are revoked; their open pages sign out within a minute); this browser stays signed in.
/// </summary>
public class ChangePasswordModel(UserManager<User> users, SignInManager<User> signIn, AccountSecurityService security) : ManagePageModel(users)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Current password: enter your current password.")]
        [DataType(DataType.Password)]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "New password: enter a new password.")]
        [DataType(DataType.Password)]
        public string NewPassword { get; set; } = "";

        // Without its own [Required], MVC adds one to a non-nullable string with an English message ("The ConfirmPassword field is required.").
        [Required(ErrorMessage = "Confirm new password: type the new password again.")]
        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = "Confirm new password: the two new passwords are not the same.")]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync() => await CurrentAsync() is null ? SignInAgain() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await CurrentAsync() is not { } user) return SignInAgain();
        if (!ModelState.IsValid) return Page();
        var result = await security.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword, SessionToken, HttpContext.RequestAborted);
        if (!result.Ok)
        {
            AddErrors(result.Errors);
            return Page();
        }
        // The security stamp changed: re-issue this browser's cookie (it keeps its session).
        await signIn.RefreshSignInAsync(user);
        StatusMessage = result.Value > 0
            ? "Your password was changed, and your other devices were signed out."
            : "Your password was changed.";
        return RedirectToPage("./Index");
    }
}
