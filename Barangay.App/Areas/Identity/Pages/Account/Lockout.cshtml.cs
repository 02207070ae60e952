using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Barangay.App.Areas.Identity.Pages.Account;

/// <summary>Replaces the stock English page that Identity's default paths still reach, in the reader's language.</summary>
[AllowAnonymous]
public class LockoutModel : PageModel
{
    public void OnGet() { }
}
