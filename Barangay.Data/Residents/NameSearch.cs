using System.Globalization;
using System.Text;

namespace Barangay.Data.Residents;

/// <summary>
/// The normalized form names are searched by: lower case, accents removed (Ñ → n), and spaces, hyphens,
/// apostrophes and periods dropped, so "delacruz" finds "Dela Cruz" and "pena" finds "Peña".
/// Typos are tolerated by trigram similarity on the normalized columns.
/// </summary>
public static class NameSearch
{
    public static string Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>Fills the search columns from the names; called whenever a name changes.</summary>
    public static void Apply(Resident r)
    {
        r.SearchFirst = Normalize(r.FirstName);
        r.SearchLast = Normalize(r.LastName);
        var middle = Normalize(r.MiddleName);
        // Both orders, so "juandelacruz" and "delacruzjuan" are substrings.
        r.SearchName = $"{r.SearchFirst}{r.SearchLast} {r.SearchLast}{r.SearchFirst} {middle}".Trim();
    }

    /// <summary>
    /// How alike a name must be to count as "one typo away" (pg_trgm's default of 0.3 lets in far too many). Every
    /// connection sets it as <c>pg_trgm.similarity_threshold</c> (<see cref="SessionSettings"/>; a session setting on
    /// CockroachDB too), so the <c>%</c> operator applies it inside the trigram index.
    /// </summary>
    public const string TypoSimilarity = "0.45";

    /// <summary>PostgreSQL's and CockroachDB's trigram <c>similarity(a, b)</c>; mapped in the model, never run in .NET.</summary>
    public static double Similarity(string a, string b) => throw new InvalidOperationException("Only for queries.");
}
