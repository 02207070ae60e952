using Barangay.App.Accounts;
using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Registrations;
using Barangay.Data.Accounts.Throttling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Barangay.App.Areas.Identity.Pages.Account;

/// <summary>
/// The applicant's status page: pending (with the expected review date), approved, rejected with the reason, or
/// withdrawn. Reached with the reference number and password (checked through the PasswordGate, like signing in,
/// and only while the registration waits for review); only then may they withdraw.
/// </summary>
[AllowAnonymous]
public class RegistrationStatusModel(RegistrationService registrations, RegistrationCookie cookie, PasswordGate gate) : PageModel
{
    public const string NoSuchRegistration = "No registration waiting for review has that reference number and password. If yours was already decided, we emailed you the result: once approved, sign in instead.";

    [BindProperty(SupportsGet = true, Name = "ref")]
    public string? Reference { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Submitted { get; set; }

    /// <summary>Sent without email: the reference number went by text.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Texted { get; set; }

    public RegistrationStatusView? Status { get; private set; }

    public string? Error { get; private set; }

    public string? Notice { get; private set; }

    public ChallengeOffer? PowChallenge { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (cookie.Read(Request) is { } id) Status = await registrations.GetForApplicantAsync(id, ct);
        else PowChallenge = await gate.OfferAsync(null, ct);
    }

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        var found = await registrations.FindForApplicantAsync(Reference, Password, ct);
        Password = null;
        Status = found.Status;
        if (Status is null)
        {
            Error = found.Check.Refusal ?? NoSuchRegistration;
            PowChallenge = found.Check.Next;
            return Page();
        }
        cookie.Set(Response, Status.Id);
        // Shown by a GET, so reloading the page does not send the password again.
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        if (cookie.Read(Request) is not { } id) { Error = "Enter your reference number and password first."; PowChallenge = await gate.OfferAsync(null, ct); return Page(); }
        var result = await registrations.WithdrawAsync(id, HttpContext.Connection.RemoteIpAddress?.ToString(), Request.Headers.UserAgent.ToString(), ct);
        Status = result.Value ?? await registrations.GetForApplicantAsync(id, ct);
        if (result.Ok) Notice = "Your registration was withdrawn. You may register again at any time.";
        else Error = result.Message;
        return Page();
    }
}
