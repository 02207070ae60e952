using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Barangay.App.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces Identity UI's instant registration: accounts are only created by the hall (or, later, through
/// self-registration with review), never by an unreviewed form.
/// </summary>
[AllowAnonymous]
public class RegisterModel : PageModel
{
    public void OnGet() { }
}
