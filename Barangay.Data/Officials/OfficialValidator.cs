using Barangay.Data.Localization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Barangay.Data.Security;

namespace Barangay.Data.Officials;

/// <summary>The rules for an official's record, with messages that name the field. The service is where they count.</summary>
public static partial class OfficialValidator
{
    public const int MaxName = 200;

    /// <summary>
    /// Seats in office at one time (Local Government Code, sec. 387 and 390): one Punong Barangay, seven Kagawad, one
    /// SK Chairperson, Secretary and Treasurer. Lupon members and tanods are not capped here.
    /// </summary>
    public static int? SeatsFor(string position) => position switch
    {
        OfficialPositions.PunongBarangay or OfficialPositions.Secretary or OfficialPositions.Treasurer or OfficialPositions.SkChairperson => 1,
        OfficialPositions.Kagawad => 7,
        _ => null,
    };

    public static Dictionary<string, string> Validate(OfficialEdit e)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(e.FullName)) errors[nameof(e.FullName)] = Texts.Say("Full name is required.");
        else if (e.FullName.Trim().Length > MaxName) errors[nameof(e.FullName)] = Texts.Say("Full name is longer than {0} characters.", MaxName);

        if (string.IsNullOrWhiteSpace(e.Position)) errors[nameof(e.Position)] = Texts.Say("Position is required.");
        else if (!OfficialPositions.All.Contains(e.Position))
            errors[nameof(e.Position)] = $"Position must be one of: {string.Join(", ", OfficialPositions.All)}.";

        if (e.TermStart is not { } start) errors[nameof(e.TermStart)] = Texts.Say("Term start is required.");
        else if (start.Year < 1950 || start.Year > 2100) errors[nameof(e.TermStart)] = Texts.Say("Term start must be a date between 1950 and 2100.");
        if (e.TermEnd is { } end)
        {
            if (end.Year > 2100) errors[nameof(e.TermEnd)] = Texts.Say("Term end must be a date before 2101.");
            else if (e.TermStart is { } s && end <= s)
                errors[nameof(e.TermEnd)] = $"Term end must be after term start ({s.ToString("MMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture)}).";
        }

        if (!string.IsNullOrWhiteSpace(e.ContactNumber) && !PhPhone().IsMatch(Digits(e.ContactNumber)))
            errors[nameof(e.ContactNumber)] = Texts.Say("Contact number must be a Philippine phone number such as 0917 123 4567, +63 917 123 4567 or (044) 791 2345.");
        if (!string.IsNullOrWhiteSpace(e.Email) && (!MailAddress.TryCreate(e.Email.Trim(), out var mail) || mail.Address != e.Email.Trim()))
            errors[nameof(e.Email)] = Texts.Say("Email address is not valid.");
        if (!OfficialStatusLabels.All.Contains(e.Status)) errors[nameof(e.Status)] = Texts.Say("Status must be active, on leave or former.");
        return errors;
    }

    /// <summary>Spaces, hyphens, dots and parentheses dropped, so "(044) 791-2345" reads as 0447912345.</summary>
    private static string Digits(string s) => new(s.Where(c => c is not (' ' or '-' or '(' or ')' or '.')).ToArray());

    // Mobile 09XX XXX XXXX or +63 9XX XXX XXXX; landline with area code 0XX… (9–10 digits) or a 7–8 digit local number.
    [GeneratedRegex(@"^(?:(?:\+63|0)9\d{9}|0\d{8,9}|\+63\d{8,9}|\d{7,8})$")]
    private static partial Regex PhPhone();
}
