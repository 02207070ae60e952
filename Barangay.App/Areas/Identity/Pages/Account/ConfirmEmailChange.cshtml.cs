using System.Text;
using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Barangay.App.Areas.Identity.Pages.Account;

/// <summary>
/// The link in the "confirm your new email" message. Unlike the stock page, the username stays as it is (here a
/// username is not the email). The link works once, for an hour, for that account and that address.
/// </summary>
[AllowAnonymous]
public class ConfirmEmailChangeModel(AccountSecurityService security, SignInManager<User> signIn) : PageModel
{
    public bool Changed { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid userId, string? email, string? code)
    {
        string? token = null;
        try
        {
            if (!string.IsNullOrEmpty(code)) token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            token = null;
        }
        var result = await security.ConfirmEmailChangeAsync(userId, email, token, HttpContext.RequestAborted);
        Changed = result.Ok;
        Message = result.Ok ? null : result.Errors.Values.FirstOrDefault() ?? AccountSecurityService.ConfirmLinkBroken;
        // The security stamp changed: keep this browser signed in if it is that account's.
        if (result.Ok && signIn.IsSignedIn(User) && signIn.UserManager.GetUserId(User) == userId.ToString())
            await signIn.RefreshSignInAsync(result.Value!);
        return Page();
    }
}
