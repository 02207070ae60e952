using System.Globalization;
using System.Resources;

namespace Barangay.Data.Reports;

/// <summary>
/// The printed pages' own words (report tables, the acknowledgement receipt, the Citizen's Charter poster, the export
/// PDFs): <c>PrintTexts.resx</c> (English, the key is the English text) and <c>PrintTexts.fil-PH.resx</c>. Kept apart
/// from the pages' catalogue (<see cref="Localization.Texts"/>, which <see cref="PrintLanguage"/> falls back to) so
/// the print's entries and the pages' never collide; <c>PrintTextsCompletenessTests</c> holds them to the same three
/// rules (every key has Filipino, Filipino is not the English, the placeholders match).
/// </summary>
public static class PrintTexts
{
    public static readonly ResourceManager Resources = new("Barangay.Data.Reports.PrintTexts", typeof(PrintTexts).Assembly);

    private static readonly ResourceManager AnyCase = new("Barangay.Data.Reports.PrintTexts", typeof(PrintTexts).Assembly) { IgnoreCase = true };

    /// <summary>The entry in <paramref name="culture"/>, or null; a key in the other case gets the entry in the key's case ("resolved" → "naresolba").</summary>
    public static string? Find(string key, CultureInfo culture)
    {
        if (string.IsNullOrEmpty(key)) return null;
        var exact = Resources.GetString(key, culture);
        if (exact is not null) return exact;
        var other = AnyCase.GetString(key, culture);
        if (string.IsNullOrEmpty(other)) return other;
        return char.IsUpper(key[0]) ? char.ToUpper(other[0], culture) + other[1..] : char.ToLower(other[0], culture) + other[1..];
    }
}
