using System.Globalization;
using System.Net;
using Barangay.Data.Common;
using Barangay.Data.Email;
using Barangay.Data.Localization;

namespace Barangay.Data.Accounts.Registrations;

/// <summary>
/// The emails an applicant gets on each change of their registration, queued in the same transaction as the change,
/// in the language they registered in (<see cref="RegistrationPayload.Language"/>), whoever on the hall's side acts.
/// </summary>
internal static class RegistrationEmails
{
    public const string StatusPath = "/Identity/Account/RegistrationStatus";

    /// <param name="confirmPath">The address-confirmation link's path and query (issue 24 item 15), when the host can make one.</param>
    public static EmailQueueItem Received(BarangayDbContext db, PublicLinks? links, RegistrationPayload p, string registrationId, DateTime? eta, string? confirmPath = null)
    {
        var lang = Lang(p.Language);
        var sentence = T(lang, "We received your registration. Your reference number is <strong>{0}</strong>.", registrationId)
            + (eta is { } e ? " " + T(lang, "The barangay hall expects to review it by {0}.", Manila(e, lang)) : "")
            + " " + T(lang, "You will get an email when it has been reviewed.");
        // Confirming the address now (not only by using the reference number later) is what lets notices and password
        // resets reach this person once the account is approved.
        if (links is not null && confirmPath is not null)
            sentence += " " + Texts.Format("Please confirm this email address: {0}. Notices and password resets are sent only to a confirmed address.", lang,
                $"<a href=\"{Enc(links.To(confirmPath))}\">{Enc(Texts.Get("confirm my email address", lang))}</a>");
        return Queue(db, links, p, lang, registrationId, Texts.Format("Registration {0} received", lang, registrationId), sentence);
    }

    public static EmailQueueItem Approved(BarangayDbContext db, PublicLinks? links, RegistrationPayload p, string registrationId)
    {
        var lang = Lang(p.Language);
        return Queue(db, links, p, lang, registrationId, Texts.Format("Registration {0} approved", lang, registrationId),
            T(lang, "Your registration was approved. You can now sign in with your username <strong>{0}</strong> and the password you chose.", p.UserName));
    }

    public static EmailQueueItem Rejected(BarangayDbContext db, PublicLinks? links, RegistrationPayload p, string registrationId, string reason)
    {
        var lang = Lang(p.Language);
        return Queue(db, links, p, lang, registrationId, Texts.Format("Registration {0} was not approved", lang, registrationId),
            T(lang, "Your registration was not approved. The barangay hall gave this reason: <em>{0}</em>. You may register again, or visit the hall with a valid ID.", reason));
    }

    public static EmailQueueItem Withdrawn(BarangayDbContext db, PublicLinks? links, RegistrationPayload p, string registrationId)
    {
        var lang = Lang(p.Language);
        return Queue(db, links, p, lang, registrationId, Texts.Format("Registration {0} withdrawn", lang, registrationId),
            T(lang, "You withdrew your registration. Nothing more will be done with it. You may register again at any time."));
    }

    /// <summary>To the owner of an address someone registered with again: the visitor was told nothing more than "check your email".</summary>
    public static EmailQueueItem AddressHasAccount(BarangayDbContext db, string email, string firstName, string? language)
    {
        var lang = Lang(language);
        return EmailOutbox.QueueHtml(db, email, Texts.Get("Someone tried to register with your email address", lang),
            $"<p>{T(lang, "Dear {0},", firstName)}</p><p>" +
            T(lang, "Someone (perhaps you) tried to register a new barangay account with this email address, but it already has an account or a registration waiting for review, so no new registration was made.") + " " +
            T(lang, "If it was you, sign in with your username, or use \"Forgot your password?\" on the sign-in page.") + " " +
            T(lang, "If it was not you, you can ignore this email; nothing was changed.") + "</p>",
            new { source = "registration_duplicate", lang = lang.Name });
    }

    /// <summary>To the applicant whose chosen username belongs to someone else (the page does not say so, or it would tell anyone which usernames exist).</summary>
    public static EmailQueueItem UserNameTaken(BarangayDbContext db, string email, string firstName, string userName, string? language)
    {
        var lang = Lang(language);
        return EmailOutbox.QueueHtml(db, email, Texts.Get("Your registration was not sent: choose another username", lang),
            $"<p>{T(lang, "Dear {0},", firstName)}</p><p>" +
            T(lang, "The username <strong>{0}</strong> you chose is already used, so your registration was not sent. Please register again and choose a different username.", userName) + "</p>",
            new { source = "registration_duplicate", lang = lang.Name });
    }

    // The status link is absolute and comes from the configured public address (PublicLinks), never from a request.
    // Hosts that configure no address (service tests, one-shot commands) name the page instead of printing a link.
    private static EmailQueueItem Queue(BarangayDbContext db, PublicLinks? links, RegistrationPayload p, CultureInfo lang, string registrationId, string subject, string sentence) =>
        EmailOutbox.QueueHtml(db, p.Email, subject,
            $"<p>{T(lang, "Dear {0},", p.FirstName)}</p><p>{sentence}</p><p>{StatusSentence(links, registrationId, lang)}</p>",
            new { source = "registration", registration_id = registrationId, lang = lang.Name });

    private static string StatusSentence(PublicLinks? links, string registrationId, CultureInfo lang) => links is null
        ? T(lang, "Check your registration at any time on the registration-status page of the barangay's site, with your reference number and password.")
        : Texts.Format("Check your registration at any time at {0} with your reference number and password.", lang,
            $"<a href=\"{Enc(links.To($"{StatusPath}?ref={Uri.EscapeDataString(registrationId)}"))}\">{Enc(links.To(StatusPath))}</a>");

    /// <summary>The catalogue text in the applicant's language with every argument HTML-encoded (the template's own markup stays).</summary>
    private static string T(CultureInfo lang, string key, params string[] args) =>
        args.Length == 0 ? Texts.Get(key, lang) : Texts.Format(key, lang, [.. args.Select(a => (object?)Enc(a))]);

    /// <summary>The applicant's language: the one the registration page was in (English for older registrations).</summary>
    private static CultureInfo Lang(string? code) => AppLanguages.Culture(AppLanguages.Match(code) ?? AppLanguages.English);

    private static string Enc(string s) => WebUtility.HtmlEncode(s);

    private static string Manila(DateTime utc, CultureInfo lang) => TimeZones.ToManila(utc).ToString("dddd, d MMMM yyyy h:mm tt", lang);
}
