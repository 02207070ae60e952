using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Barangay.Data.Accounts;
using Barangay.Data.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Barangay.App.Areas.Identity.Pages.Account;

/// <summary>
/// The link in the reset email: the stock page's behaviour in the reader's language. A link without its code, or with
/// a mangled one, says so in words instead of answering 400 or 500.
/// </summary>
[AllowAnonymous]
public class ResetPasswordModel(UserManager<User> users) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter a new password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        // Without its own [Required], MVC adds one to a non-nullable string with an English message ("The ConfirmPassword field is required.").
        [Required(ErrorMessage = "Confirm new password: type the new password again.")]
        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
        public string ConfirmPassword { get; set; } = "";

        public string Code { get; set; } = "";
    }

    public void OnGet(string? code = null)
    {
        if (string.IsNullOrEmpty(code)) return;
        try { Input = new InputModel { Code = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)) }; }
        catch (FormatException) { /* a mangled link: the page says the link is incomplete */ }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email);
        // The same answer as for a known address: the page does not tell who has an account.
        if (user is null) return RedirectToPage("./ResetPasswordConfirmation");
        var result = await users.ResetPasswordAsync(user, Input.Code, Input.Password);
        if (result.Succeeded) return RedirectToPage("./ResetPasswordConfirmation");
        foreach (var error in result.Errors)
            ModelState.AddModelError(string.Empty, Texts.Get(error.Description, CultureInfo.CurrentUICulture));
        return Page();
    }
}
