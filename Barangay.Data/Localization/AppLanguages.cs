using System.Globalization;

namespace Barangay.Data.Localization;

/// <summary>
/// The languages the product speaks. English (en-PH) is the neutral text and the key; Filipino (fil-PH) is a
/// resource file beside it. A third language is one more entry here plus its <c>Texts.xx-PH.resx</c>.
/// </summary>
public static class AppLanguages
{
    public const string English = "en-PH";
    public const string Filipino = "fil-PH";

    public static readonly IReadOnlyList<string> All = [English, Filipino];

    public static CultureInfo EnglishCulture => Culture(English);
    public static CultureInfo FilipinoCulture => Culture(Filipino);

    /// <summary>The culture for a supported code, with Filipino month and day names guaranteed (see <see cref="FilipinoCalendarNames"/>).</summary>
    public static CultureInfo Culture(string code) => Cultures.TryGetValue(code, out var c) ? c : Cultures[English];

    private static readonly Dictionary<string, CultureInfo> Cultures = new(StringComparer.OrdinalIgnoreCase)
    {
        [English] = CultureInfo.ReadOnly(new CultureInfo(English)),
        [Filipino] = CultureInfo.ReadOnly(FilipinoCalendarNames.Ensure(new CultureInfo(Filipino))),
    };

    /// <summary>
    /// A supported code for a language tag from a browser, a cookie or the database: "fil", "fil-PH", "tl" and
    /// "tl-PH" (Tagalog, which some phones still send for Filipino) are Filipino; any English is en-PH; anything else null.
    /// </summary>
    public static string? Match(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        var t = tag.Trim();
        var lang = t.Split('-', '_')[0].ToLowerInvariant();
        return lang switch
        {
            "fil" or "tl" => Filipino,
            "en" => English,
            _ => null,
        };
    }

    /// <summary>
    /// The culture pages format dates, numbers and money in: the request's or circuit's language (the localization
    /// middleware and the circuit handler set it), English for anything else (a job, a test thread).
    /// </summary>
    public static CultureInfo Current => Culture(Match(CultureInfo.CurrentCulture.Name) ?? English);

    /// <summary>The supported code for a culture (its language), English when it is not one of ours.</summary>
    public static string CodeOf(CultureInfo culture) => Match(culture.Name) ?? English;
}
