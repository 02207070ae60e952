using System.Globalization;
using Barangay.Data.Accounts;
using Barangay.Data.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;

namespace Barangay.App.Accounts;

/// <summary>
/// Identity's emails (reset link, reset code, confirmation link) in the recipient's language: their account's choice,
/// else the language of the page they asked from. The English is the stock text, so existing readers see no change;
/// the outbox (<see cref="OutboxEmailSender"/>) still marks each as a secret.
/// </summary>
public sealed class ReaderIdentityEmails(IEmailSender outbox) : IEmailSender<User>
{
    public Task SendConfirmationLinkAsync(User user, string email, string confirmationLink) =>
        SendAsync(user, email, "Confirm your email", "Please confirm your account by <a href='{0}'>clicking here</a>.", confirmationLink);

    public Task SendPasswordResetLinkAsync(User user, string email, string resetLink) =>
        SendAsync(user, email, "Reset your password", "Please reset your password by <a href='{0}'>clicking here</a>.", resetLink);

    public Task SendPasswordResetCodeAsync(User user, string email, string resetCode) =>
        SendAsync(user, email, "Reset your password", "Please reset your password using the following code: {0}", System.Net.WebUtility.HtmlEncode(resetCode));

    /// <remarks>The link arrives HTML-encoded from the page that made it, so it goes in as it is.</remarks>
    private Task SendAsync(User user, string email, string subjectKey, string bodyKey, string value)
    {
        var lang = AppLanguages.Culture(AppLanguages.Match(user.PreferredLanguage) ?? AppLanguages.CodeOf(CultureInfo.CurrentUICulture));
        return outbox.SendEmailAsync(email, Texts.Get(subjectKey, lang), Texts.Format(bodyKey, lang, value));
    }
}
