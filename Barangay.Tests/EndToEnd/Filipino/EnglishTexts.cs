using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Barangay.Data.Localization;

namespace Barangay.Tests.EndToEnd.Filipino;

/// <summary>
/// What English looks like on a page that should be Filipino. Two tests of one text as a person reads it (a line of the
/// page, a button, a label, a placeholder, a tooltip):
/// (a) <see cref="UntranslatedEntry"/>: it is an English text of the catalogue whose Filipino differs, exactly or with
///     its <c>{0}</c> placeholders filled in (a page forgot <c>L[…]</c>, a service's text was not run through the
///     catalogue, a MudBlazor text has no Filipino);
/// (b) <see cref="LooksEnglish"/>: it reads as English prose (three or more of English's commonest little words), which
///     catches English the catalogue has never seen; demo data written in English is removed first (<see cref="StoredTexts"/>).
/// </summary>
public static partial class EnglishTexts
{
    /// <summary>An entry with placeholders; <paramref name="Words"/>: how many words it has outside them.</summary>
    private sealed record Pattern(Regex Regex, string Entry, int Words);

    private static readonly Lazy<(Dictionary<string, string> ExactEntry, List<Pattern> Patterns, HashSet<string> Filipino, List<Regex> FilipinoPatterns)> Catalogue = new(Load);

    /// <summary>
    /// The catalogue entry <paramref name="text"/> is the untranslated English of, or null. A text that is also some
    /// entry's Filipino ("Email", "OTP" and other words kept as they are) is never English here.
    /// </summary>
    public static string? UntranslatedEntry(string text, StoredTexts? stored = null)
    {
        var c = Catalogue.Value;
        if (stored?.IsStoredName(text) == true) return null;
        foreach (var candidate in Variants(text))
        {
            if (c.Filipino.Contains(candidate)) return null;
            if (c.ExactEntry.TryGetValue(candidate, out var entry)) return entry;
        }
        // Only texts with words in them are compared with the patterns: a date or a number matches "{0}".
        if (!HasWord().IsMatch(text)) return null;
        // What people wrote ("Bring your dogs and cats to the covered court") is not "{0} to {1}".
        if (stored is not null && !HasWord().IsMatch(stored.WithoutStoredValues(text))) return null;
        foreach (var p in c.Patterns)
        {
            var m = p.Regex.Match(text);
            if (!m.Success) continue;
            // An entry with a single word of its own ("{0} to {1}", "{0}-{1} of {2}") fills its placeholders with a
            // number, a date or a name, not with a sentence: a sentence around "to" is not that entry.
            if (p.Words < 2 && m.Groups.Cast<Group>().Skip(1).Any(g => g.Value.Count(ch => ch == ' ') >= 3)) continue;
            return c.FilipinoPatterns.Any(f => f.IsMatch(text)) ? null : p.Entry;
        }
        return null;
    }

    /// <summary>English's commonest little words (they are not Filipino words, and Taglish keeps the nouns, not these).</summary>
    public static readonly string[] FunctionWords =
        ["the", "your", "you", "to", "of", "and", "is", "are", "for", "with", "this", "be", "not", "was", "has", "will", "can", "please", "no", "yes"];

    /// <summary>(b): three or more English function words, as whole words, in what is left once stored data is taken out.</summary>
    public static bool LooksEnglish(string text, StoredTexts stored)
    {
        foreach (var name in ProperNames) text = text.Replace(name, " ", StringComparison.Ordinal);
        if (FunctionWordCount(text) < 3) return false;
        return FunctionWordCount(stored.WithoutStoredValues(text)) >= 3;
    }

    /// <summary>
    /// Names that are English in a Filipino sentence too (the agencies a requirement comes from, the laws' titles): their
    /// "of" and "and" are not English prose. The Citizen's Charter names them.
    /// </summary>
    private static readonly string[] ProperNames =
    [
        "Department of Trade and Industry", "Securities and Exchange Commission", "Data Privacy Act of 2012",
        "Ease of Doing Business and Efficient Government Service Delivery Act of 2018",
    ];

    public static int FunctionWordCount(string text) => FunctionWord().Count(text);

    /// <summary>The text as shown, and without what a label adds around a catalogue text (a required field's "*", a colon).</summary>
    private static IEnumerable<string> Variants(string text)
    {
        yield return text;
        var bare = text.TrimEnd('*', ' ').TrimEnd(':').Trim();
        if (bare != text && bare.Length > 0) yield return bare;
        // The catalogue's lookup treats "Approved" and "approved" as one entry (Texts.Find): a status code shown raw is English too.
        foreach (var t in bare != text ? [text, bare] : new[] { text })
        {
            if (t.Length == 0 || !char.IsLetter(t[0])) continue;
            var swapped = (char.IsUpper(t[0]) ? char.ToLowerInvariant(t[0]) : char.ToUpperInvariant(t[0])) + t[1..];
            yield return swapped;
        }
    }

    private static (Dictionary<string, string>, List<Pattern>, HashSet<string>, List<Regex>) Load()
    {
        var english = Read(CultureInfo.InvariantCulture);
        var filipino = Read(AppLanguages.FilipinoCulture);
        var exactEntry = new Dictionary<string, string>(StringComparer.Ordinal);
        var patterns = new List<Pattern>();
        var filipinoTexts = new HashSet<string>(StringComparer.Ordinal);
        var filipinoPatterns = new List<Regex>();
        foreach (var (key, en) in english)
        {
            if (!filipino.TryGetValue(key, out var fil)) continue;
            foreach (var line in Lines(fil)) filipinoTexts.Add(line);
            if (Placeholder().IsMatch(fil) && LiteralWords(fil) > 0) filipinoPatterns.Add(ToPattern(fil));
            if (fil == en) continue; // the same on purpose (TextsCompletenessTests.SameInFilipino)
            if (!Placeholder().IsMatch(en))
            {
                // A multi-line entry shows as several lines: each long line of it is compared on its own.
                var lines = Lines(en).ToList();
                foreach (var line in lines.Where(l => lines.Count == 1 || l.Length >= 20))
                {
                    exactEntry.TryAdd(line, key);
                }
            }
            else if (LiteralWords(en) > 0)
            {
                patterns.Add(new Pattern(ToPattern(en), key, LiteralWords(en)));
            }
        }
        // A Filipino text that is also an English entry's text is Filipino on this page.
        foreach (var f in filipinoTexts) exactEntry.Remove(f);
        return (exactEntry, patterns, filipinoTexts, filipinoPatterns);
    }

    private static Dictionary<string, string> Read(CultureInfo culture)
    {
        var set = Texts.Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
                  ?? throw new InvalidOperationException($"No resources for {culture.Name}");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => Normal((string)e.Value!));
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Normal).Where(l => l.Length > 0);

    /// <summary>Whitespace as the page shows it: runs of spaces as one, no space at the ends.</summary>
    public static string Normal(string text) => Spaces().Replace(text.Replace('\u00a0', ' '), " ").Trim();

    /// <summary>The words of an entry outside its placeholders: "{0}-{1} of {2}" has one ("of"), "{0} · {1}" none.</summary>
    private static int LiteralWords(string text) => Word().Count(Placeholder().Replace(text, " "));

    /// <summary>The entry as a whole-text pattern, each placeholder standing for any non-empty text.</summary>
    private static Regex ToPattern(string text)
    {
        var sb = new StringBuilder("^");
        var at = 0;
        foreach (Match m in Placeholder().Matches(text))
        {
            sb.Append(Regex.Escape(text[at..m.Index])).Append("(.+?)");
            at = m.Index + m.Length;
        }
        sb.Append(Regex.Escape(text[at..])).Append('$');
        return new Regex(sb.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Word();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex HasWord();

    [GeneratedRegex(@"\b(the|your|you|to|of|and|is|are|for|with|this|be|not|was|has|will|can|please|no|yes)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FunctionWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
