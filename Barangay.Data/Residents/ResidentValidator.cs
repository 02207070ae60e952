using System.Net.Mail;
using System.Text.RegularExpressions;
using Barangay.Data.Common;
using Barangay.Data.Localization;

namespace Barangay.Data.Residents;

/// <summary>The rules for a resident's record, with messages that name the field. The service is where they count.</summary>
public static partial class ResidentValidator
{
    public const int MaxName = 100;
    public const int MaxAddress = 200;

    /// <summary>Validates an official's entry. Ages outside 16–90 need a reason; a date in the future or before 1900 never passes.</summary>
    public static Dictionary<string, string> Validate(ResidentEdit e, DateOnly today, ISet<string> activePuroks, bool selfService = false)
    {
        var errors = new Dictionary<string, string>();
        Name(errors, nameof(e.FirstName), "First name", e.FirstName, required: true);
        Name(errors, nameof(e.LastName), "Last name", e.LastName, required: true);
        Name(errors, nameof(e.MiddleName), "Middle name", e.MiddleName, required: false);

        BirthDate(errors, e.Dob, e.AgeReason, today, selfService);

        if (string.IsNullOrWhiteSpace(e.Purok)) errors[nameof(e.Purok)] = Texts.Say("Purok is required.");
        else if (!activePuroks.Contains(e.Purok)) errors[nameof(e.Purok)] = Texts.Say("Purok is not one of the barangay's puroks.");
        if (e.Sex is not null && !ResidentLists.Sexes.Contains(e.Sex)) errors[nameof(e.Sex)] = Texts.Say("Sex must be Male or Female.");
        if (e.MaritalStatus is not null && !ResidentLists.MaritalStatuses.Contains(e.MaritalStatus)) errors[nameof(e.MaritalStatus)] = Texts.Say("Civil status is not one of the listed values.");
        if (e.ResidentSince is { } since)
        {
            if (since > today) errors[nameof(e.ResidentSince)] = Texts.Say("Living in the barangay since cannot be in the future.");
            else if (e.Dob is { } born && since < born) errors[nameof(e.ResidentSince)] = Texts.Say("Living in the barangay since cannot be before the birth date.");
        }
        Contact(errors, e.Address, e.ContactNumber, e.Email);
        if (!string.IsNullOrWhiteSpace(e.NationalId) && !IdNumbers.IsMasked(e.NationalId)
            && e.NationalId.Count(char.IsDigit) is < 4 or > 16)
            errors[nameof(e.NationalId)] = Texts.Say("National ID number must have 4 to 16 digits.");
        if (e.IsPwd && string.IsNullOrWhiteSpace(e.DisabilityType)) errors[nameof(e.DisabilityType)] = Texts.Say("Type of disability is required for a PWD.");
        return errors;
    }

    private static void BirthDate(Dictionary<string, string> errors, DateOnly? value, string? ageReason, DateOnly today, bool selfService)
    {
        if (value is not { } dob) errors[nameof(ResidentEdit.Dob)] = Texts.Say("Birth date is required.");
        else if (dob > today) errors[nameof(ResidentEdit.Dob)] = Texts.Say("Birth date cannot be in the future.");
        else if (dob.Year < 1900) errors[nameof(ResidentEdit.Dob)] = Texts.Say("Birth date cannot be before 1900.");
        else
        {
            var age = Ages.On(dob, today);
            var outside = age < Ages.SelfServiceMin || age > Ages.SelfServiceMax;
            if (outside && selfService)
                errors[nameof(ResidentEdit.Dob)] = Texts.Say("Birth date: residents aged {0} to {1} may register themselves; please visit the barangay hall.", Ages.SelfServiceMin, Ages.SelfServiceMax);
            else if (outside && string.IsNullOrWhiteSpace(ageReason))
                errors[nameof(ResidentEdit.AgeReason)] = Texts.Say("Age {0} is outside 16–90: give a reason (for example, a newborn or a centenarian).", age);
        }
    }

    private static void Contact(Dictionary<string, string> errors, string? address, string? contactNumber, string? email)
    {
        if (address is { Length: > MaxAddress }) errors[nameof(ResidentEdit.Address)] = Texts.Say("Address is longer than {0} characters.", MaxAddress);
        if (!string.IsNullOrWhiteSpace(contactNumber) && !PhMobile().IsMatch(contactNumber.Replace(" ", "").Replace("-", "")))
            errors[nameof(ResidentEdit.ContactNumber)] = Texts.Say("Contact number must be a Philippine mobile number such as 0917 123 4567 or +63 917 123 4567.");
        if (!string.IsNullOrWhiteSpace(email) && !MailAddress.TryCreate(email.Trim(), out _))
            errors[nameof(ResidentEdit.Email)] = Texts.Say("Email address is not valid.");
    }

    /// <summary>Only the last four letters or digits stay visible (<see cref="IdNumbers.Mask"/>): "1234-5678-9012" → "XXXX-XXXX-9012".</summary>
    public static string? MaskNationalId(string? input) => IdNumbers.Mask(input);

    /// <summary>
    /// The field's name in the reader's language. English starts the sentence with it ("First name is required.");
    /// Filipino puts it mid-sentence ("Kailangan ang pangalan."), so there it is lower-case.
    /// </summary>
    private static string FieldName(string label)
    {
        var name = Texts.Say(label);
        return AppLanguages.CodeOf(AppLanguages.Current) == AppLanguages.English || name.Length == 0
            ? name
            : char.ToLower(name[0], AppLanguages.Current) + name[1..];
    }

    private static void Name(Dictionary<string, string> errors, string key, string label, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value)) { if (required) errors[key] = Texts.Say("{0} is required.", FieldName(label)); return; }
        if (value.Length > MaxName) errors[key] = Texts.Say("{0} is longer than {1} characters.", FieldName(label), MaxName);
        else if (!NameChars().IsMatch(value)) errors[key] = Texts.Say("{0} may only have letters, spaces, hyphens, apostrophes and periods.", FieldName(label));
    }

    [GeneratedRegex(@"^[\p{L}\p{M}][\p{L}\p{M} .'\-]*$")]
    private static partial Regex NameChars();

    [GeneratedRegex(@"^(09\d{9}|\+639\d{9})$")]
    private static partial Regex PhMobile();
}
