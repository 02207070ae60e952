using Barangay.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Barangay.App.Areas.Identity.Pages.Account.Manage;

/// <summary>The recovery codes, shown once (they come through TempData from the page that made them, then are gone).</summary>
public class ShowRecoveryCodesModel(UserManager<User> users) : ManagePageModel(users)
{
    [TempData]
    public string[]? RecoveryCodes { get; set; }

    public IActionResult OnGet() => RecoveryCodes is { Length: > 0 } ? Page() : RedirectToPage("./TwoFactorAuthentication");
}
