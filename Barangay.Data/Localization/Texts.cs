using System.Globalization;
using System.Resources;

namespace Barangay.Data.Localization;

/// <summary>
/// The one catalogue of everything a person reads: <c>Texts.resx</c> (English, the key is the English text) and
/// <c>Texts.fil-PH.resx</c>. Pages read it through <c>IStringLocalizer</c>; notifications, emails and SMS through
/// <see cref="Format"/> with the recipient's language when they are read or sent.
/// </summary>
public static class Texts
{
    public static readonly ResourceManager Resources = new("Barangay.Data.Localization.Texts", typeof(Texts).Assembly);

    /// <summary>The same catalogue looked up ignoring case: resx names that differ only in case are one entry when compiled.</summary>
    private static readonly ResourceManager AnyCase = new("Barangay.Data.Localization.Texts", typeof(Texts).Assembly) { IgnoreCase = true };

    /// <summary>The text in <paramref name="culture"/>, the key itself when the catalogue has no entry (a name, a code, user text).</summary>
    public static string Get(string key, CultureInfo culture) => Find(key, culture) ?? key;

    /// <summary>
    /// The entry for <paramref name="key"/>, or null. "Approved" (a timeline title) and "approved" (the status code a
    /// chip shows) are one entry: the other-case key gets the entry with its first letter in the key's case (an entry
    /// that starts with an acronym, "SMS …", keeps it).
    /// </summary>
    public static string? Find(string key, CultureInfo culture)
    {
        if (string.IsNullOrEmpty(key)) return null;
        var exact = Resources.GetString(key, culture);
        if (exact is not null) return exact;
        var other = AnyCase.GetString(key, culture);
        if (string.IsNullOrEmpty(other)) return other;
        if (char.IsUpper(key[0])) return char.ToUpper(other[0], culture) + other[1..];
        var acronym = other.Length > 1 && char.IsUpper(other[1]);
        return char.IsLower(key[0]) && !acronym ? char.ToLower(other[0], culture) + other[1..] : other;
    }

    /// <summary>
    /// A service's message to the person using the page (a validation message, a refusal) in that person's language.
    /// Services run on the circuit's or request's culture (request localization and <c>CultureCircuitHandler</c> set
    /// it; jobs and tests are English), so the current culture is the reader's. Literal keys given to <c>Say</c>
    /// calls are checked against the catalogue by <c>TextsCompletenessTests</c>.
    /// </summary>
    public static string Say(string key, params object?[] args) => Format(key, AppLanguages.Current, args);

    /// <summary>The text with its arguments filled in, dates and numbers in the same culture.</summary>
    public static string Format(string key, CultureInfo culture, params object?[] args)
    {
        var text = Get(key, culture);
        if (args.Length == 0) return text;
        try { return string.Format(culture, text, args); }
        // A translation with a broken placeholder must not take the page down; the completeness test catches it.
        catch (FormatException) { return string.Format(culture, key, args); }
    }
}
