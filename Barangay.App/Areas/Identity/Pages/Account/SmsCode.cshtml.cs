using Barangay.App.Accounts;
using Barangay.Data.Accounts;
using Barangay.Data.Accounts.MobileCodes;
using Barangay.Data.Accounts.Throttling;
using Barangay.Data.Common;
using Barangay.Data.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Barangay.App.Areas.Identity.Pages.Account;

/// <summary>
/// For residents with a mobile number and no email: a one-time code by text, to sign in (<c>?for=sign-in</c>), to
/// prove the number before registering (<c>?for=registration</c>) or to choose a new password (<c>?for=password-reset</c>,
/// then a third step). Every rule is in <see cref="MobileCodeService"/> and <see cref="MobilePasswordReset"/>; the page
/// answers the same whether or not the number has an account.
/// </summary>
[AllowAnonymous]
public class SmsCodeModel(
    MobileCodeService codes, MobilePasswordReset resets, SignInManager<User> signIn, UserManager<User> users, PasswordGate gate, MobileProofCookie proof) : PageModel
{
    public const string WrongCode = "The code is not correct or has expired. Check the latest text, or ask for a new code.";

    [BindProperty(SupportsGet = true, Name = "for")]
    public string? For { get; set; }

    [BindProperty]
    public string? PhoneNumber { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public bool RememberMe { get; set; }

    /// <summary>Step two: the code box is shown.</summary>
    public bool CodeStep { get; private set; }

    /// <summary>Password reset, step three: the code was right and the new-password form carries its proof.</summary>
    public bool PasswordStep { get; private set; }

    [BindProperty]
    public string? Proof { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public string? Notice { get; private set; }

    public ChallengeOffer PowChallenge { get; private set; } = null!;

    public string Purpose => For is MobileCodePurposes.Registration or MobileCodePurposes.PasswordReset ? For : MobileCodePurposes.SignIn;

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.Identity?.IsAuthenticated == true) return LocalRedirect("~/");
        PowChallenge = await gate.OfferAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await codes.RequestAsync(PhoneNumber, Purpose, HttpContext.Connection.RemoteIpAddress?.ToString(), Request.Headers.UserAgent.ToString(), ct);
        PowChallenge = await gate.OfferAsync(result.Value?.PhoneNumber, ct);
        if (result.Kind == ResultKind.Invalid) return Fail(nameof(PhoneNumber), result.Errors.Values.First());
        if (!result.Ok) return Fail(string.Empty, result.Message!);
        var request = result.Value!;
        PhoneNumber = Local(request.PhoneNumber);
        CodeStep = true;
        Code = null;
        var seconds = Math.Max(1, (int)Math.Ceiling((request.ResendAt - HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).TotalSeconds));
        Notice = request.Waiting
            ? Texts.Format("A code was texted less than a minute ago. Use it, or ask for a new one in {0} seconds.", Culture, seconds)
            : Purpose switch
            {
                MobileCodePurposes.SignIn => Texts.Format("If {0} belongs to a resident account that signs in by text, a 6-digit code is on its way. It works for 10 minutes.", Culture, PhoneNumber),
                MobileCodePurposes.PasswordReset => Texts.Format("If {0} belongs to a resident account that may reset its password by text, a 6-digit code is on its way. It works for 10 minutes.", Culture, PhoneNumber),
                _ => Texts.Format("A 6-digit code is on its way to {0}. It works for 10 minutes.", Culture, PhoneNumber),
            };
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        ModelState.Clear();
        CodeStep = true;
        if (Purpose == MobileCodePurposes.PasswordReset) return await VerifyForResetAsync(ct);
        var check = await codes.VerifyAsync(PhoneNumber, Code, Purpose, ct);
        PowChallenge = check.Check.Next;
        Code = null;
        if (!check.Passed) return Fail(nameof(Code), check.Check.Refusal ?? WrongCode);
        if (Purpose == MobileCodePurposes.Registration)
        {
            proof.Set(Response, check.PhoneNumber!);
            return RedirectToPage("./Register");
        }
        var user = check.UserId is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        // Disabled since the code was sent: the same refusal as a wrong code.
        if (user is null || !await signIn.CanSignInAsync(user)) return Fail(nameof(Code), WrongCode);
        await signIn.SignInAsync(user, RememberMe);
        return LocalRedirect("~/");
    }

    private async Task<IActionResult> VerifyForResetAsync(CancellationToken ct)
    {
        var (check, resetProof) = await resets.VerifyAsync(PhoneNumber, Code, ct);
        PowChallenge = check.Check.Next;
        Code = null;
        if (resetProof is null) return Fail(nameof(Code), check.Check.Refusal ?? WrongCode);
        CodeStep = false;
        PasswordStep = true;
        Proof = resetProof;
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        For = MobileCodePurposes.PasswordReset;
        var result = await resets.ResetAsync(Proof, NewPassword, ConfirmPassword,
            HttpContext.Connection.RemoteIpAddress?.ToString(), Request.Headers.UserAgent.ToString(), ct);
        NewPassword = ConfirmPassword = null;
        if (result.Ok) return RedirectToPage("./ResetPasswordConfirmation");
        if (result.Kind == ResultKind.Invalid)
        {
            PasswordStep = true;
            foreach (var (field, message) in result.Errors) ModelState.AddModelError(field, Texts.Get(message, Culture));
            return Page();
        }
        // Used or expired: back to step one, saying why.
        PowChallenge = await gate.OfferAsync(null, ct);
        return Fail(string.Empty, result.Message!);
    }

    private PageResult Fail(string field, string message)
    {
        ModelState.AddModelError(field, Texts.Get(message, Culture));
        return Page();
    }

    public string? ErrorFor(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>+639171234567 → 0917 123 4567, the way people write their number.</summary>
    public static string Local(string number) =>
        number.StartsWith("+63", StringComparison.Ordinal) && number.Length == 13 ? $"0{number[3..6]} {number[6..9]} {number[9..]}" : number;

    private static System.Globalization.CultureInfo Culture => System.Globalization.CultureInfo.CurrentUICulture;
}
