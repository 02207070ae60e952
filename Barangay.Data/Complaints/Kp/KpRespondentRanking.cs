using Barangay.Data.Residents;

namespace Barangay.Data.Complaints.Kp;

/// <summary>
/// The order the respondent picker lists residents in: those whose name is exactly the typed words (in any order: "Juan
/// Dela Cruz" is "Dela Cruz, Juan") first, then those whose name has every typed word and more ("Dela Cruz, Juan
/// Santos"), then those whose name words start with the typed words, then the near matches the typo-tolerant search
/// adds — so a full name typed lists its exact namesakes first and any near-typo last.
/// </summary>
public static class KpRespondentRanking
{
    public static IReadOnlyList<ResidentRow> Rank(string? typed, IEnumerable<ResidentRow> rows)
    {
        var words = Words(typed);
        if (words.Count == 0) return rows.ToList();
        return rows.Select((r, i) => (r, i, rank: RankOf(words, Words(r.FullName)))).OrderBy(x => x.rank).ThenBy(x => x.i).Select(x => x.r).ToList();
    }

    private static int RankOf(IReadOnlyList<string> typed, IReadOnlyList<string> name) =>
        typed.All(name.Contains) ? (name.All(typed.Contains) ? 0 : 1) : typed.All(t => name.Any(n => n.StartsWith(t, StringComparison.Ordinal))) ? 2 : 3;

    private static List<string> Words(string? s) =>
        (s ?? "").Split([' ', ',', '-', '.'], StringSplitOptions.RemoveEmptyEntries).Select(NameSearch.Normalize).Where(w => w.Length > 0).ToList();
}
