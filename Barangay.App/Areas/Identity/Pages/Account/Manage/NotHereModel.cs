using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Barangay.App.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Stands in for Identity UI's stock pages this app does not offer (self-deletion, external logins, setting a
/// password without the old one, resetting the authenticator without proof, the stock data download with its
/// key): they answer with the account page instead. "Download my data" is on My profile.
/// </summary>
[Authorize]
public class NotHereModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("./Index");

    public IActionResult OnPost() => RedirectToPage("./Index");
}
