using System.Globalization;
using Barangay.Data.Common;
using Barangay.Data.Localization;
using Barangay.Data.Sms;

namespace Barangay.Data.Accounts.Registrations;

/// <summary>
/// The text messages an applicant who registered without email gets where others get <see cref="RegistrationEmails"/>,
/// queued in the same transaction as the change. Plain fixed wording with the reference number and the configured
/// public address only: nothing anyone typed (no names, no reasons) goes into a text.
/// </summary>
internal static class RegistrationTexts
{
    public const string SignInPath = "/Identity/Account/SmsCode";

    // The wording of each text (catalogue keys; SmsTemplatesFitTests holds them to one or two segments in every language).
    internal const string ReceivedText = "We received your registration {0}. Check it with this reference number and your password at {1}";
    internal const string ApprovedText = "Your registration {0} was approved. Sign in with a code sent to this number at {1}";
    internal const string RejectedText = "Your registration {0} was not approved. The reason is on the status page: {1}";
    internal const string WithdrawnText = "You withdrew your registration {0}. You may register again at any time.";
    internal const string NumberHasAccountText = "Someone tried to register with this number, but it already has an account, so no registration was made. Sign in with a code at {0}";
    internal const string UserNameTakenText = "Your registration was not sent: the username you chose is already used. Please register again with another username.";

    /// <summary>Registrations without email are told by text; the number was proved with a code before submitting.</summary>
    public static bool ByText(RegistrationPayload p) => string.IsNullOrWhiteSpace(p.Email) && SmsText.NormalizeNumber(p.ContactNumber) is not null;

    public static void Received(BarangayDbContext db, PublicLinks? links, RegistrationPayload p, string registrationId) =>
        Queue(db, p, "registration", Texts.Format(ReceivedText, Lang(p), registrationId, Status(links)));

    public static void Approved(BarangayDbContext db, PublicLinks? links, RegistrationPayload p, string registrationId) =>
        Queue(db, p, "registration", Texts.Format(ApprovedText, Lang(p), registrationId, Link(links, SignInPath + "?for=sign-in")));

    public static void Rejected(BarangayDbContext db, PublicLinks? links, RegistrationPayload p, string registrationId) =>
        Queue(db, p, "registration", Texts.Format(RejectedText, Lang(p), registrationId, Status(links)));

    public static void Withdrawn(BarangayDbContext db, RegistrationPayload p, string registrationId) =>
        Queue(db, p, "registration", Texts.Format(WithdrawnText, Lang(p), registrationId));

    /// <summary>To a number that already signs in to an account (the page said nothing, so it tells no one who has one).</summary>
    public static void NumberHasAccount(BarangayDbContext db, PublicLinks? links, string number, string? language) =>
        Queue(db, number, null, language, "registration_duplicate", Texts.Format(NumberHasAccountText, Lang(language), Link(links, SignInPath + "?for=sign-in")));

    public static void UserNameTaken(BarangayDbContext db, string number, string? language) =>
        Queue(db, number, null, language, "registration_duplicate", Texts.Get(UserNameTakenText, Lang(language)));

    private static void Queue(BarangayDbContext db, RegistrationPayload p, string source, string text) =>
        Queue(db, SmsText.NormalizeNumber(p.ContactNumber)!, p.UserId, p.Language, source, text);

    private static void Queue(BarangayDbContext db, string number, Guid? userId, string? language, string source, string text) =>
        db.Set<SmsMessage>().Add(new SmsMessage
        {
            ToNumber = number, Body = SmsText.Trim(text), UserId = userId == Guid.Empty ? null : userId, Source = source,
            CreatedAt = ContextClock.UtcNow(db),
        });

    private static string Status(PublicLinks? links) => Link(links, RegistrationEmails.StatusPath);

    // The address comes from the configured public base URL; hosts with none (service tests) name the page instead.
    private static string Link(PublicLinks? links, string path) => links is null ? path : links.To(path);

    private static CultureInfo Lang(RegistrationPayload p) => Lang(p.Language);

    private static CultureInfo Lang(string? code) => AppLanguages.Culture(AppLanguages.Match(code) ?? AppLanguages.English);
}
