using System.Globalization;
using System.Net;
using Barangay.Data.Common;
using Barangay.Data.Email;

namespace Barangay.Data.Accounts.Registrations;

/// <summary>The emails an applicant gets on each change of their registration, queued in the same transaction as the change.</summary>
internal static class RegistrationEmails
{
    public const string StatusPath = "/Identity/Account/RegistrationStatus";

    public static EmailQueueItem Received(BarangayDbContext db, PublicLinks? links, RegistrationPayload p, string registrationId, DateTime? eta) =>
        Queue(db, links, p, registrationId, $"Registration {registrationId} received",
            $"We received your registration. Your reference number is <strong>{registrationId}</strong>." +
            (eta is { } e ? $" The barangay hall expects to review it by {Manila(e)}." : "") +
            " You will get an email when it has been reviewed.");

    public static EmailQueueItem Approved(BarangayDbContext db, PublicLinks? links, RegistrationPayload p, string registrationId) =>
        Queue(db, links, p, registrationId, $"Registration {registrationId} approved",
            $"Your registration was approved. You can now sign in with your username <strong>{Enc(p.UserName)}</strong> and the password you chose.");

    public static EmailQueueItem Rejected(BarangayDbContext db, PublicLinks? links, RegistrationPayload p, string registrationId, string reason) =>
        Queue(db, links, p, registrationId, $"Registration {registrationId} was not approved",
            $"Your registration was not approved. The barangay hall gave this reason: <em>{Enc(reason)}</em>. You may register again, or visit the hall with a valid ID.");

    public static EmailQueueItem Withdrawn(BarangayDbContext db, PublicLinks? links, RegistrationPayload p, string registrationId) =>
        Queue(db, links, p, registrationId, $"Registration {registrationId} withdrawn",
            "You withdrew your registration. Nothing more will be done with it. You may register again at any time.");

    /// <summary>To the owner of an address someone registered with again: the visitor was told nothing more than "check your email".</summary>
    public static EmailQueueItem AddressHasAccount(BarangayDbContext db, string email, string firstName) =>
        EmailOutbox.QueueHtml(db, email, "Someone tried to register with your email address",
            $"<p>Dear {Enc(firstName)},</p><p>Someone (perhaps you) tried to register a new barangay account with this email address, " +
            "but it already has an account or a registration waiting for review, so no new registration was made. " +
            "If it was you, sign in with your username, or use \"Forgot your password?\" on the sign-in page. " +
            "If it was not you, you can ignore this email; nothing was changed.</p>",
            new { source = "registration_duplicate" });

    /// <summary>To the applicant whose chosen username belongs to someone else (the page does not say so, or it would tell anyone which usernames exist).</summary>
    public static EmailQueueItem UserNameTaken(BarangayDbContext db, string email, string firstName, string userName) =>
        EmailOutbox.QueueHtml(db, email, "Your registration was not sent: choose another username",
            $"<p>Dear {Enc(firstName)},</p><p>The username <strong>{Enc(userName)}</strong> you chose is already used, so your registration was not sent. " +
            "Please register again and choose a different username.</p>",
            new { source = "registration_duplicate" });

    // The status link is absolute and comes from the configured public address (PublicLinks), never from a request.
    // Hosts that configure no address (service tests, one-shot commands) name the page instead of printing a link.
    private static EmailQueueItem Queue(BarangayDbContext db, PublicLinks? links, RegistrationPayload p, string registrationId, string subject, string sentence) =>
        EmailOutbox.QueueHtml(db, p.Email, subject,
            $"<p>Dear {Enc(p.FirstName)},</p><p>{sentence}</p><p>{StatusSentence(links, registrationId)}</p>",
            new { source = "registration", registration_id = registrationId });

    private static string StatusSentence(PublicLinks? links, string registrationId) => links is null
        ? "Check your registration at any time on the registration-status page of the barangay's site, with your reference number and password."
        : $"Check your registration at any time at <a href=\"{Enc(links.To($"{StatusPath}?ref={Uri.EscapeDataString(registrationId)}"))}\">{Enc(links.To(StatusPath))}</a> with your reference number and password.";

    private static string Enc(string s) => WebUtility.HtmlEncode(s);

    private static string Manila(DateTime utc) =>
        TimeZones.ToManila(utc).ToString("dddd, d MMMM yyyy h:mm tt", CultureInfo.GetCultureInfo("en-PH"));
}
