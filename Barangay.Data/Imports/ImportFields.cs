using Barangay.Data.Residents;

namespace Barangay.Data.Imports;

/// <summary>A field an import fills, the headers (English and Filipino) that name it, and whether a row needs it.</summary>
public sealed record ImportField(string Key, string Label, bool Required, IReadOnlyList<string> Aliases);

/// <summary>The fields of each import target and the guess of which column holds which field.</summary>
public static class ImportFields
{
    public const string HeadResidentId = "HeadResidentId";

    public static readonly IReadOnlyList<ImportField> Residents =
    [
        new(nameof(ResidentEdit.LastName), "Last name", true, ["last name", "lastname", "surname", "family name", "apelyido", "apilyido", "apelido"]),
        new(nameof(ResidentEdit.FirstName), "First name", true, ["first name", "firstname", "given name", "name", "pangalan", "unang pangalan"]),
        new(nameof(ResidentEdit.MiddleName), "Middle name", false, ["middle name", "middlename", "middle initial", "mi", "gitnang pangalan", "gitnang apelyido"]),
        new(nameof(ResidentEdit.NameExtension), "Name extension", false, ["name extension", "extension", "suffix", "ext", "jr sr"]),
        new(nameof(ResidentEdit.Dob), "Birth date", true, ["birth date", "birthdate", "date of birth", "dob", "birthday", "bday", "b day", "date born", "born", "kaarawan", "kapanganakan",
            "petsa ng kapanganakan", "araw ng kapanganakan", "petsa ng kaarawan", "pagsilang", "petsa ng pagsilang", "araw ng pagsilang", "ipinanganak", "isinilang"]),
        new(nameof(ResidentEdit.Sex), "Sex", false, ["sex", "gender", "kasarian"]),
        new(nameof(ResidentEdit.MaritalStatus), "Civil status", false, ["civil status", "marital status", "status", "katayuang sibil", "katayuan sibil", "kalagayang sibil"]),
        new(nameof(ResidentEdit.Purok), "Purok", true, ["purok", "sitio", "purok sitio"]),
        new(nameof(ResidentEdit.Address), "Address", false, ["address", "street address", "house address", "tirahan", "address tirahan"]),
        new(nameof(ResidentEdit.ContactNumber), "Contact number", false, ["contact number", "contact no", "mobile", "mobile number", "cellphone", "cp number", "telepono", "numero"]),
        new(nameof(ResidentEdit.Email), "Email", false, ["email", "email address", "e mail"]),
        new(nameof(ResidentEdit.Occupation), "Occupation", false, ["occupation", "job", "trabaho", "hanapbuhay"]),
        new(nameof(ResidentEdit.PlaceOfBirth), "Place of birth", false, ["place of birth", "birthplace", "lugar ng kapanganakan"]),
        new(nameof(ResidentEdit.Citizenship), "Citizenship", false, ["citizenship", "nationality", "pagkamamamayan"]),
        new(nameof(ResidentEdit.AgeReason), "Age reason", false, ["age reason", "reason for age", "dahilan ng edad"]),
    ];

    public static readonly IReadOnlyList<ImportField> Households =
    [
        new(HeadResidentId, "Head's resident ID", true, ["head resident id", "head s resident id", "head id", "head", "resident id", "puno ng pamilya", "puno ng sambahayan"]),
        new(nameof(ResidentEdit.Purok), "Purok", false, ["purok", "sitio"]),
        new(nameof(ResidentEdit.Address), "Address", false, ["address", "tirahan"]),
    ];

    public static IReadOnlyList<ImportField> Of(string target) => target == ImportTargets.Households ? Households : Residents;

    /// <summary>
    /// For each field, the column whose header names it: an exact match of a known header first, then a header that
    /// contains one ("Apelyido (Last name)"). Each column serves one field.
    /// </summary>
    public static Dictionary<string, int> Guess(string target, IReadOnlyList<string> headers)
    {
        var fields = Of(target);
        var normalized = headers.Select(Normalize).ToList();
        var result = new Dictionary<string, int>();
        var used = new HashSet<int>();
        foreach (var exact in new[] { true, false })
        {
            foreach (var field in fields)
            {
                if (result.ContainsKey(field.Key)) continue;
                var aliases = field.Aliases.Select(Normalize).Append(Normalize(field.Label)).ToList();
                for (var i = 0; i < normalized.Count; i++)
                {
                    if (used.Contains(i) || normalized[i].Length == 0) continue;
                    var hit = exact ? aliases.Contains(normalized[i]) : aliases.Any(a => a.Length >= 5 && normalized[i].Contains(a, StringComparison.Ordinal));
                    if (!hit) continue;
                    result[field.Key] = i;
                    used.Add(i);
                    break;
                }
            }
        }
        return result;
    }

    private static string Normalize(string header) => NameSearch.Normalize(header);
}
