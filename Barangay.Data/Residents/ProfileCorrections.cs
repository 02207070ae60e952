namespace Barangay.Data.Residents;

/// <summary>A detail of the record that only the hall may change; a resident asks for a correction instead.</summary>
public sealed record CorrectionField(string Key, string Label, bool MayBeBlank = false);

/// <summary>The details a resident may ask the hall to correct, and how such a request is recorded.</summary>
public static class ProfileCorrections
{
    /// <summary>The notification type the hall's officials receive.</summary>
    public const string NotificationType = "profile.correction";

    /// <summary>The audit action of a request (the notifications ride in the same transaction).</summary>
    public const string AuditAction = "CorrectionRequested";

    /// <summary>A second identical request within this window is taken as a double submit and not sent again.</summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(10);

    public static readonly IReadOnlyList<CorrectionField> Fields =
    [
        new(nameof(ResidentEdit.FirstName), "First name"),
        new(nameof(ResidentEdit.MiddleName), "Middle name", MayBeBlank: true),
        new(nameof(ResidentEdit.LastName), "Last name"),
        new(nameof(ResidentEdit.NameExtension), "Name extension", MayBeBlank: true),
        new(nameof(ResidentEdit.Dob), "Birth date"),
        new(nameof(ResidentEdit.PlaceOfBirth), "Place of birth"),
        new(nameof(ResidentEdit.Sex), "Sex"),
        new(nameof(ResidentEdit.MaritalStatus), "Civil status"),
        new(nameof(ResidentEdit.Citizenship), "Citizenship"),
        new(nameof(ResidentEdit.Purok), "Purok"),
        new(nameof(ResidentEdit.Occupation), "Occupation", MayBeBlank: true),
        new(nameof(ResidentEdit.NationalId), "National ID (PhilSys) number"),
        new("Sectors", "Sectors (PWD, solo parent, 4Ps, voter…)"),
    ];

    public static CorrectionField? Find(string? key) =>
        string.IsNullOrWhiteSpace(key) ? null : Fields.FirstOrDefault(f => f.Key == key.Trim());

    /// <summary>
    /// The value as it is kept and shown to the hall: trimmed, a birth date as yyyy-MM-dd, a national ID masked
    /// (the full number is never stored, not even in a request), a blank as "(remove)".
    /// </summary>
    public static string Display(CorrectionField f, string? value)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) return "(remove)";
        return f.Key == nameof(ResidentEdit.NationalId) ? ResidentValidator.MaskNationalId(v) ?? "" : v;
    }
}
