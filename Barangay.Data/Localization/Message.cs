using System.Globalization;
using Barangay.Data.Common;

namespace Barangay.Data.Localization;

/// <summary>
/// A text to render later in the reader's language: a catalogue key (the English template) and its arguments.
/// Notifications keep it in their payload and are rendered when read; emails when they are queued for the recipient.
/// An argument made with <see cref="At"/> is a moment shown in Manila time in the reader's culture; one made with
/// <see cref="Text"/> is itself a catalogue key; any other argument (a name, a number, a person's own words) stays as written.
/// </summary>
public sealed record Message(string Key, IReadOnlyList<string> Args)
{
    private const string TimePrefix = "@t:";
    private const string TextPrefix = "@k:";

    public Message(string key, params string[] args) : this(key, (IReadOnlyList<string>)args) { }

    public static string At(DateTime utc) => TimePrefix + DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);

    public static string Text(string key) => TextPrefix + key;

    public string Render(CultureInfo culture) => Texts.Format(Key, culture, [.. Args.Select(a => (object?)Arg(a, culture))]);

    public string English => Render(AppLanguages.EnglishCulture);

    private static string Arg(string a, CultureInfo culture)
    {
        if (a.StartsWith(TimePrefix, StringComparison.Ordinal)
            && DateTime.TryParse(a[TimePrefix.Length..], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
            return TimeZones.ToManila(utc).ToString("ddd, MMM d, yyyy h:mm tt", culture);
        if (a.StartsWith(TextPrefix, StringComparison.Ordinal)) return Texts.Get(a[TextPrefix.Length..], culture);
        return a;
    }
}
