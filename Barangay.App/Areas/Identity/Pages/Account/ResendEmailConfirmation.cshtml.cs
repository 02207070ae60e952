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
/// Replaces the stock English page (linked from a used or broken confirmation link): the same answer whether or not
/// the address has an account; the email goes through <see cref="Barangay.App.Accounts.ReaderIdentityEmails"/> in the
/// account's language, with its link from the configured public address (never the request's Host).
/// </summary>
[AllowAnonymous]
public class ResendEmailConfirmationModel(UserManager<User> users, IEmailSender<User> emails, PublicLinks links) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Sent { get; private set; }

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
        Sent = true;
        var user = await users.FindByEmailAsync(Input.Email);
        if (user is null || await users.IsEmailConfirmedAsync(user)) return Page();
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        var link = links.To($"Identity/Account/ConfirmEmail?userId={Uri.EscapeDataString(user.Id.ToString())}&code={Uri.EscapeDataString(code)}");
        await emails.SendConfirmationLinkAsync(user, Input.Email, HtmlEncoder.Default.Encode(link));
        return Page();
    }
}
