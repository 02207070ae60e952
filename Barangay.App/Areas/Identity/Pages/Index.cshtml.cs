using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Barangay.App.Areas.Identity.Pages;

/// <summary>
/// The stock Identity pages send a visitor with an incomplete link (RegisterConfirmation without its email, say) to
/// the "/Index" page of their area. This app's home is a Blazor page, so that redirect found nothing and was a 500;
/// this page sends them on to the home.
/// </summary>
[AllowAnonymous]
public class AreaHomeModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("~/");
}
