using System.Net.Mail;
using System.Text.RegularExpressions;
using Barangay.Data.Localization;
using Barangay.Data.Residents;

namespace Barangay.Data.Accounts.Registrations;

/// <summary>
/// The registration form's rules: the register's own rules for names, birth date (self-service: ages 16–90),
/// purok and contact, plus the account's username, email, password and the privacy consent. Messages name the field.
/// </summary>
public static partial class RegistrationValidator
{
    public const int MaxUserName = 40;

    /// <param name="verifiedMobile">The number this browser proved with a texted code (+63 form), if any: then email is optional.</param>
    public static Dictionary<string, string> Validate(RegistrationForm f, DateOnly today, ISet<string> activePuroks, string? verifiedMobile = null)
    {
        var edit = new ResidentEdit
        {
            FirstName = f.FirstName, MiddleName = f.MiddleName, LastName = f.LastName, Dob = f.Dob, Sex = f.Sex,
            MaritalStatus = f.MaritalStatus, Purok = f.Purok, Address = f.Address, ContactNumber = f.ContactNumber, Email = f.Email,
        };
        var errors = ResidentValidator.Validate(edit, today, activePuroks, selfService: true);
        if (string.IsNullOrWhiteSpace(f.Sex)) errors[nameof(f.Sex)] = Texts.Say("Sex is required.");
        if (string.IsNullOrWhiteSpace(f.MaritalStatus)) errors[nameof(f.MaritalStatus)] = Texts.Say("Civil status is required.");
        if (string.IsNullOrWhiteSpace(f.Address)) errors[nameof(f.Address)] = Texts.Say("Address is required.");
        if (string.IsNullOrWhiteSpace(f.ContactNumber)) errors[nameof(f.ContactNumber)] = Texts.Say("Mobile number is required.");

        var email = f.Email?.Trim() ?? "";
        if (email.Length == 0 && verifiedMobile is null) errors[nameof(f.Email)] = Texts.Say("Email address is required (your review result is sent there), or register with your mobile number alone.");
        else if (email.Length == 0) { }
        else if (email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email) errors[nameof(f.Email)] = Texts.Say("Email address is not valid.");

        // The number proved by the code is the one the account gets: a different one typed here is refused.
        if (verifiedMobile is not null && !errors.ContainsKey(nameof(f.ContactNumber)) && Sms.SmsText.NormalizeNumber(f.ContactNumber) != verifiedMobile)
            errors[nameof(f.ContactNumber)] = Texts.Say("Mobile number: this is not the number you confirmed with the code. Use that number, or confirm this one.");

        var user = f.UserName?.Trim() ?? "";
        if (user.Length == 0) errors[nameof(f.UserName)] = Texts.Say("Username is required.");
        else if (user.Length is < 3 or > MaxUserName) errors[nameof(f.UserName)] = Texts.Say("Username must be 3 to {0} characters long.", MaxUserName);
        else if (!UserNameChars().IsMatch(user)) errors[nameof(f.UserName)] = Texts.Say("Username may only have letters, digits, dots, hyphens and underscores.");

        if (PasswordPolicy.Check(f.Password, user, email) is { } bad) errors[nameof(f.Password)] = bad;
        if (!f.AcceptPrivacyNotice) errors[nameof(f.AcceptPrivacyNotice)] = Texts.Say("Privacy notice: you must agree to it before registering.");
        return errors;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._\-]+$")]
    private static partial Regex UserNameChars();
}
