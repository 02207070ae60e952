using System.Text;
using Barangay.Data.Accounts;
using Barangay.Data.Common;
using Barangay.Data.Accounts.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Barangay.App.Areas.Identity.Pages.Account.Manage;

/// <summary>Change the email address: needs the current password; applies when the link sent to the new address is opened.</summary>
public class EmailModel(UserManager<User> users, AccountSecurityService security, PublicLinks links) : ManagePageModel(users)
{
    public string? CurrentEmail { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? NewEmail { get; set; }
        public string? CurrentPassword { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await CurrentAsync() is not { } user) return SignInAgain();
        CurrentEmail = user.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await CurrentAsync() is not { } user) return SignInAgain();
        CurrentEmail = user.Email;
        var email = Input.NewEmail?.Trim() ?? "";
        var result = await security.RequestEmailChangeAsync(user, email, Input.CurrentPassword, token =>
            links.To(Url.Page("/Account/ConfirmEmailChange", pageHandler: null,
                values: new { area = "Identity", userId = user.Id, email, code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)) })!), HttpContext.RequestAborted);
        if (!result.Ok)
        {
            AddErrors(result.Errors);
            Input.CurrentPassword = null;
            return Page();
        }
        StatusMessage = "We sent a confirmation link to your new email address. Your email changes when you open it (within one hour).";
        return RedirectToPage("./Index");
    }
}
