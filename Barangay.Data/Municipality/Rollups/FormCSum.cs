using Barangay.Data.Reports;

namespace Barangay.Data.Municipality.Rollups;

/// <summary>Adds barangays' Form C figures line by line (lines matched by label, in the order first seen).</summary>
public static class FormCSum
{
    public static FormCArea Of(string label, IReadOnlyList<FormCArea> areas) => new(label, null,
        Lines(areas.Select(a => a.AgeBrackets)), Lines(areas.Select(a => a.Sectors)), Lines(areas.Select(a => a.CivilStatus)),
        Lines(areas.Select(a => a.Citizenship)), areas.Sum(a => a.Inhabitants), areas.Sum(a => a.Households), areas.Sum(a => a.Families));

    private static List<SexCount> Lines(IEnumerable<IReadOnlyList<SexCount>> lists)
    {
        var order = new List<string>();
        var sums = new Dictionary<string, (int M, int F, int T)>(StringComparer.Ordinal);
        foreach (var line in lists.SelectMany(l => l))
        {
            if (!sums.TryGetValue(line.Label, out var s)) order.Add(line.Label);
            sums[line.Label] = (s.M + line.Male, s.F + line.Female, s.T + line.Total);
        }
        return order.Select(l => new SexCount(l, sums[l].M, sums[l].F, sums[l].T)).ToList();
    }
}
