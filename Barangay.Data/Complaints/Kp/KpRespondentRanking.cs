using Barangay.Data.Residents;

namespace Barangay.Data.Complaints.Kp;

/// <summary>
/// The order the respondent picker lists residents in: those whose name has every typed word (in any order: "Juan
/// Dela Cruz" is "Dela Cruz, Juan") first, then those whose name words start with the typed words, then the near
/// matches the typo-tolerant search adds — so a full name typed lists its namesakes before any near-typo.
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
        typed.All(name.Contains) ? 0 : typed.All(t => name.Any(n => n.StartsWith(t, StringComparison.Ordinal))) ? 1 : 2;

    private static List<string> Words(string? s) =>
        (s ?? "").Split([' ', ',', '-', '.'], StringSplitOptions.RemoveEmptyEntries).Select(NameSearch.Normalize).Where(w => w.Length > 0).ToList();
}
