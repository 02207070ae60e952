using Barangay.Data.Accounts;
using Barangay.Data.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Barangay.App.Areas.Identity.Pages.Account.Manage;

/// <summary>The signed-in person's own account pages: each loads the account of the request's cookie, never one by id.</summary>
[Authorize]
public abstract class ManagePageModel(UserManager<User> users) : PageModel
{
    protected UserManager<User> Users => users;

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>The account of this request; null when the cookie's account is gone (then sign in again).</summary>
    protected Task<User?> CurrentAsync() => users.GetUserAsync(User);

    protected IActionResult SignInAgain() => Challenge();

    /// <summary>The token of this browser's session, so "end the other sessions" keeps this one.</summary>
    protected string? SessionToken => User.FindFirst(BarangayClaims.SessionId)?.Value;

    /// <summary>Service messages under the fields they name (the form shows them beside the field, and in the summary).</summary>
    protected void AddErrors(IReadOnlyDictionary<string, string> errors, string prefix = "Input.")
    {
        foreach (var (field, message) in errors) ModelState.AddModelError(field is "Proof" or "Mfa" or "Link" ? "" : prefix + field, message);
    }
}
