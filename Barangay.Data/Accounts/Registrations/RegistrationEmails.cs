using System.Globalization;
using System.Net;
using Barangay.Data.Common;
using Barangay.Data.Email;

namespace Barangay.Data.Accounts.Registrations;

/// <summary>The emails an applicant gets on each change of their registration, queued in the same transaction as the change.</summary>
internal static class RegistrationEmails
{
    public const string StatusPath = "/Identity/Account/RegistrationStatus";

    public static EmailQueueItem Received(BarangayDbContext db, RegistrationPayload p, string registrationId, DateTime? eta) =>
        Queue(db, p, registrationId, $"Registration {registrationId} received",
            $"We received your registration. Your reference number is <strong>{registrationId}</strong>." +
            (eta is { } e ? $" The barangay hall expects to review it by {Manila(e)}." : "") +
            " You will get an email when it has been reviewed.");

    public static EmailQueueItem Approved(BarangayDbContext db, RegistrationPayload p, string registrationId) =>
        Queue(db, p, registrationId, $"Registration {registrationId} approved",
            $"Your registration was approved. You can now sign in with your username <strong>{Enc(p.UserName)}</strong> and the password you chose.");

    public static EmailQueueItem Rejected(BarangayDbContext db, RegistrationPayload p, string registrationId, string reason) =>
        Queue(db, p, registrationId, $"Registration {registrationId} was not approved",
            $"Your registration was not approved. The barangay hall gave this reason: <em>{Enc(reason)}</em>. You may register again, or visit the hall with a valid ID.");

    public static EmailQueueItem Withdrawn(BarangayDbContext db, RegistrationPayload p, string registrationId) =>
        Queue(db, p, registrationId, $"Registration {registrationId} withdrawn",
            "You withdrew your registration. Nothing more will be done with it. You may register again at any time.");

    private static EmailQueueItem Queue(BarangayDbContext db, RegistrationPayload p, string registrationId, string subject, string sentence) =>
        EmailOutbox.QueueHtml(db, p.Email, subject,
            $"<p>Dear {Enc(p.FirstName)},</p><p>{sentence}</p><p>Check your registration at any time at {StatusPath}?ref={registrationId} with your reference number and password.</p>",
            new { source = "registration", registration_id = registrationId });

    private static string Enc(string s) => WebUtility.HtmlEncode(s);

    private static string Manila(DateTime utc) =>
        TimeZones.ToManila(utc).ToString("dddd, d MMMM yyyy h:mm tt", CultureInfo.GetCultureInfo("en-PH"));
}
