using Barangay.App.Accounts;
using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Registrations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Barangay.App.Areas.Identity.Pages.Account;

/// <summary>
/// The applicant's status page: pending (with the expected review date), approved, rejected with the reason, or
/// withdrawn. Reached right after registering, or with the reference number and password; only then may they withdraw.
/// </summary>
[AllowAnonymous]
public class RegistrationStatusModel(RegistrationService registrations, RegistrationCookie cookie, SessionService sessions) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ref")]
    public string? Reference { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Submitted { get; set; }

    public RegistrationStatusView? Status { get; private set; }

    public string? Error { get; private set; }

    public string? Notice { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (cookie.Read(Request) is { } id) Status = await registrations.GetForApplicantAsync(id, ct);
    }

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        Status = await registrations.FindForApplicantAsync(Reference, Password, ct);
        Password = null;
        if (Status is null)
        {
            // Counted like a failed sign-in: the same throttling keeps anyone from guessing passwords here.
            await sessions.RecordFailureAsync(Reference?.Trim() is { Length: > 0 and <= 40 } r ? r : null, null, "registration status: wrong reference number or password",
                HttpContext.Connection.RemoteIpAddress?.ToString(), Request.Headers.UserAgent.ToString(), ct);
            Error = "The reference number or password is not correct.";
            return Page();
        }
        cookie.Set(Response, Status.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        if (cookie.Read(Request) is not { } id) { Error = "Enter your reference number and password first."; return Page(); }
        var result = await registrations.WithdrawAsync(id, HttpContext.Connection.RemoteIpAddress?.ToString(), Request.Headers.UserAgent.ToString(), ct);
        Status = result.Value ?? await registrations.GetForApplicantAsync(id, ct);
        if (result.Ok) Notice = "Your registration was withdrawn. You may register again at any time.";
        else Error = result.Message;
        return Page();
    }
}
