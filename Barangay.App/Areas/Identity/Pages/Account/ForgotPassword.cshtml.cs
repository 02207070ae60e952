using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Encodings.Web;
using Barangay.Data.Accounts;
using Barangay.Data.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Barangay.App.Areas.Identity.Pages.Account;

/// <summary>
/// The stock page's behaviour (the same answer whether or not the address has an account), with its texts in the
/// reader's language; the email itself is written by <see cref="Barangay.App.Accounts.ReaderIdentityEmails"/>.
/// </summary>
[AllowAnonymous]
public class ForgotPasswordModel(UserManager<User> users, IEmailSender<User> emails, PublicLinks links) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        public string Email { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email);
        if (user is null || !await users.IsEmailConfirmedAsync(user)) return RedirectToPage("./ForgotPasswordConfirmation");
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        // From the configured public address, never the request's Host (a forged Host would send the code elsewhere).
        var link = links.To("Identity/Account/ResetPassword?code=" + Uri.EscapeDataString(code));
        await emails.SendPasswordResetLinkAsync(user, Input.Email, HtmlEncoder.Default.Encode(link));
        return RedirectToPage("./ForgotPasswordConfirmation");
    }
}
