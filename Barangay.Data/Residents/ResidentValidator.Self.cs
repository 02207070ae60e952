using System.Globalization;
using Barangay.Data.Localization;

namespace Barangay.Data.Residents;

/// <summary>The same rules, for what a resident changes or asks to have corrected on their own record.</summary>
public static partial class ResidentValidator
{
    public const int MaxCorrectionValue = 150;
    public const int MaxCorrectionNote = 300;

    /// <summary>The contact details a resident edits: the same rules and messages as an official's entry.</summary>
    public static Dictionary<string, string> ValidateContact(MyContactEdit e)
    {
        var errors = new Dictionary<string, string>();
        Contact(errors, e.Address, e.ContactNumber, e.Email);
        return errors;
    }

    /// <summary>
    /// A correction request: which detail (<see cref="ProfileCorrections.Fields"/>), the value asked for and an
    /// optional note. The value is held to the rule of its field; a birth date also to the self-service age rule (16–90).
    /// Errors are keyed <c>Field</c>, <c>RequestedValue</c> and <c>Note</c>.
    /// </summary>
    public static Dictionary<string, string> ValidateCorrection(string? field, string? value, string? note, DateOnly today, ISet<string> activePuroks)
    {
        var errors = new Dictionary<string, string>();
        if (note is { Length: > MaxCorrectionNote }) errors["Note"] = Texts.Say("Note is longer than {0} characters.", MaxCorrectionNote);
        if (ProfileCorrections.Find(field) is not { } f)
        {
            errors["Field"] = Texts.Say("Choose which detail should be corrected.");
            return errors;
        }
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v))
        {
            if (!f.MayBeBlank) errors["RequestedValue"] = Texts.Say("{0}: give the correct value.", Texts.Say(f.Label));
            return errors;
        }
        if (v.Length > MaxCorrectionValue) { errors["RequestedValue"] = Texts.Say("{0} is longer than {1} characters.", Texts.Say(f.Label), MaxCorrectionValue); return errors; }

        var found = new Dictionary<string, string>();
        switch (f.Key)
        {
            case nameof(ResidentEdit.FirstName) or nameof(ResidentEdit.MiddleName) or nameof(ResidentEdit.LastName):
                Name(found, f.Key, f.Label, v, required: true);
                break;
            case nameof(ResidentEdit.Dob):
                if (!DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dob))
                    found[f.Key] = Texts.Say("Birth date must be a date such as 1990-05-31.");
                else
                    BirthDate(found, dob, null, today, selfService: true);
                break;
            case nameof(ResidentEdit.NameExtension) when !ResidentLists.NameExtensions.Contains(v):
                found[f.Key] = Texts.Say("Name extension must be one of {0}.", string.Join(", ", ResidentLists.NameExtensions));
                break;
            case nameof(ResidentEdit.Sex) when !ResidentLists.Sexes.Contains(v):
                found[f.Key] = Texts.Say("Sex must be Male or Female.");
                break;
            case nameof(ResidentEdit.MaritalStatus) when !ResidentLists.MaritalStatuses.Contains(v):
                found[f.Key] = Texts.Say("Civil status is not one of the listed values.");
                break;
            case nameof(ResidentEdit.Purok) when !activePuroks.Contains(v):
                found[f.Key] = Texts.Say("Purok is not one of the barangay's puroks.");
                break;
            case nameof(ResidentEdit.NationalId) when v.Count(char.IsDigit) is < 4 or > 16:
                found[f.Key] = Texts.Say("National ID number must have 4 to 16 digits.");
                break;
        }
        if (found.Count > 0) errors["RequestedValue"] = found.Values.First();
        return errors;
    }
}
