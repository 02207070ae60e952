using System.ComponentModel.DataAnnotations;
using Barangay.Data.Accounts.Registrations;
using Barangay.Data.Residents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Barangay.App.Areas.Identity.Pages.Account;

/// <summary>
/// Self-registration from a phone: the resident's details, a photo of a valid ID, a password and consent to the
/// privacy notice. The account waits (status pending) until an official reviews it; the service does every check.
/// </summary>
[AllowAnonymous]
// Room for a 10 MB photo and an oversized field, so that a 5 MB name is refused by name, not by the server.
[RequestSizeLimit(24 * 1024 * 1024)]
[RequestFormLimits(ValueLengthLimit = 8 * 1024 * 1024, MultipartBodyLengthLimit = 24 * 1024 * 1024)]
public class RegisterModel(RegistrationService registrations, Barangay.App.Accounts.MobileProofCookie mobileProof) : PageModel
{
    [BindProperty]
    public RegistrationForm Input { get; set; } = new();

    [BindProperty]
    public IFormFile? IdPhoto { get; set; }

    public string PrivacyNotice { get; private set; } = "";

    public IReadOnlyList<LookupOption> Puroks { get; private set; } = [];

    /// <summary>The number this browser proved with a texted code (+63 form): then email is optional.</summary>
    public string? VerifiedMobile { get; private set; }

    public IReadOnlyList<string> Sexes => ResidentLists.Sexes;

    public IReadOnlyList<string> CivilStatuses => ResidentLists.MaritalStatuses;

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.Identity?.IsAuthenticated == true) return LocalRedirect("~/");
        await LoadAsync();
        if (VerifiedMobile is not null && string.IsNullOrEmpty(Input.ContactNumber)) Input.ContactNumber = SmsCodeModel.Local(VerifiedMobile);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The form's own attributes are not used: the service's messages are the ones shown.
        ModelState.Clear();
        await using var photo = IdPhoto?.OpenReadStream();
        var result = await registrations.SubmitAsync(Input, photo is null ? null : new RegistrationPhoto(IdPhoto!.FileName, photo),
            HttpContext.Connection.RemoteIpAddress?.ToString(), Request.Headers.UserAgent.ToString(), ct, mobileProof.Read(Request));
        if (!result.Ok)
        {
            foreach (var (field, message) in result.Errors)
                ModelState.AddModelError(field == "IdPhoto" ? nameof(IdPhoto) : $"{nameof(Input)}.{field}", message);
            Input.Password = "";
            await LoadAsync();
            return Page();
        }
        // The same answer whether a registration was made or the username or email was taken (then the email says
        // so): the reference number goes to the email address only, so this page tells no one who has an account.
        // Without email the same holds for the proved number, by text; the proof is used up.
        var texted = string.IsNullOrWhiteSpace(Input.Email) && mobileProof.Read(Request) is not null;
        if (texted) mobileProof.Clear(Response);
        return RedirectToPage("./RegistrationStatus", texted ? new { submitted = true, texted = true } : (object)new { submitted = true });
    }

    private async Task LoadAsync()
    {
        VerifiedMobile = mobileProof.Read(Request);
        PrivacyNotice = await registrations.PrivacyNoticeAsync();
        Puroks = await registrations.PuroksAsync();
    }

    public string? ErrorFor(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0
            ? Barangay.Data.Localization.Texts.Get(entry.Errors[0].ErrorMessage, System.Globalization.CultureInfo.CurrentUICulture)
            : null;

}
