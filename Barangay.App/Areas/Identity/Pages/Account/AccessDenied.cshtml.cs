using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Barangay.App.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces the stock English page (the cookie's denied path is <c>/forbidden</c>; this address is still reachable),
/// with the same words as that page, in the reader's language.
/// </summary>
[AllowAnonymous]
public class AccessDeniedModel : PageModel
{
    public void OnGet() { }
}
