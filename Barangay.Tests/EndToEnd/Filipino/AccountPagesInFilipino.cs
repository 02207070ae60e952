using Microsoft.Playwright;

namespace Barangay.Tests.EndToEnd.Filipino;

/// <summary>
/// The account pages (Razor Pages under /Identity) that <see cref="AccessibilityPages.All"/> does not list, and the
/// states of the listed ones that only a form post reaches: the refusals and confirmations a person reads after sending
/// a form. Walked in Filipino only (axe checks the shared account layout once on sign-in and registration).
/// Left out on purpose: a wrong password (it counts towards the address's sign-in throttle that every end-to-end test
/// shares; LanguageChoiceTests reads that refusal in Filipino), and the authenticator set-up (opening it gives the
/// demo account a new key).
/// </summary>
public static class AccountPagesInFilipino
{
    private const AxeRole Anonymous = AxeRole.Anonymous, Resident = AxeRole.Resident;

    public static readonly AxePage[] All =
    [
        new("/Identity/Account/ForgotPassword", Anonymous),
        new("/Identity/Account/ForgotPassword", Anonymous) { Then = SubmitEmptyAsync },
        new("/Identity/Account/ForgotPasswordConfirmation", Anonymous),
        new("/Identity/Account/ResetPassword", Anonymous), // a link without its code: "this reset link is incomplete"
        new("/Identity/Account/ResetPassword?code=YWJj", Anonymous) { Then = SubmitEmptyAsync },
        new("/Identity/Account/ResetPasswordConfirmation", Anonymous),
        new("/Identity/Account/Lockout", Anonymous),
        new("/Identity/Account/AccessDenied", Anonymous),
        new("/Identity/Account/ResendEmailConfirmation", Anonymous),
        new("/Identity/Account/ResendEmailConfirmation", Anonymous) { Then = SubmitEmptyAsync },
        new("/Identity/Account/ConfirmEmail?userId=00000000-0000-0000-0000-000000000000&code=not-a-code", Anonymous),
        new("/Identity/Account/ConfirmEmailChange?userId=00000000-0000-0000-0000-000000000000&email=a%40mail.example&code=not-a-code", Anonymous),
        new("/Identity/Account/RegistrationStatus", Anonymous),
        new("/Identity/Account/RegistrationStatus?submitted=true", Anonymous),
        new("/Identity/Account/RegistrationStatus?submitted=true&texted=true", Anonymous),
        new("/Identity/Account/Register", Anonymous) { Then = SubmitEmptyAsync },
        new("/Identity/Account/SmsCode?for=reset", Anonymous),
        new("/Identity/Account/Manage", Resident),
        new("/Identity/Account/Manage/ChangePassword", Resident),
        new("/Identity/Account/Manage/ChangePassword", Resident) { Then = SubmitEmptyAsync },
        new("/Identity/Account/Manage/Email", Resident),
        new("/Identity/Account/Manage/Email", Resident) { Then = SubmitEmptyAsync },
        new("/Identity/Account/Manage/TwoFactorAuthentication", Resident),
    ];

    /// <summary>
    /// Sends the page's form with nothing filled in (past the browser's own checks of required fields, which speak the
    /// browser's language, not ours): the server's "enter your …" refusals show, and nothing changes.
    /// </summary>
    private static async Task SubmitEmptyAsync(IPage page)
    {
        var sent = await page.EvaluateAsync<bool>("""
            () => { const form = [...document.querySelectorAll('form')].find(f => f.method === 'post' && f.dataset.testid !== 'language-form');
                    if (!form) return false;
                    document.documentElement.dataset.before = 'sent';
                    HTMLFormElement.prototype.submit.call(form);
                    return true; }
            """);
        if (!sent) throw new InvalidOperationException($"{page.Url} has no form to send");
        // The server's answer is a new document (the marker is gone).
        await page.Locator("html:not([data-before])").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
