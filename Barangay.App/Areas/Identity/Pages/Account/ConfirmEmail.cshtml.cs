using System.Text;
using Barangay.Data.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Barangay.App.Areas.Identity.Pages.Account;

/// <summary>
/// The link in the "confirm your email" message. The stock page answered a link without its parameters with a
/// redirect to a page this app does not have (a 500); here a missing, mangled or used link says so, in words.
/// </summary>
[AllowAnonymous]
public class ConfirmEmailModel(UserManager<User> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code)) return;
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return;
        }
        if (!Guid.TryParse(userId, out _) || await users.FindByIdAsync(userId) is not { } user) return;
        Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }
}
