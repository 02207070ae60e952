using System.Globalization;
using System.Text;
using Npgsql;

namespace Barangay.Data.Dashboard;

/// <summary>
/// Age groups as lower bounds in completed years (the last group is open-ended), and the SQL that puts a birth date in
/// its group on a given day without any per-row date arithmetic: "age ≥ N on <c>day</c>" is "dob ≤ day − N years"
/// (the same rule as <see cref="Common.Ages.On"/>), so the CASE compares <c>dob</c> with precomputed dates.
/// </summary>
public sealed class AgeGroups
{
    private AgeGroups(IReadOnlyList<int> lowerBounds, IReadOnlyList<string> labels)
    {
        LowerBounds = lowerBounds;
        Labels = labels;
    }

    public IReadOnlyList<int> LowerBounds { get; }

    public IReadOnlyList<string> Labels { get; }

    /// <summary>Five-year bands 0–4 … 75–79 and 80+, for the population pyramid.</summary>
    public static AgeGroups Pyramid { get; } = Five(first: [0], from: 5, label0: "0–4", last: "80+");

    /// <summary>The DILG RBI monitoring report's brackets: under 1, 1–4, 5–9 … 75–79, 80 and over.</summary>
    public static AgeGroups FormC { get; } = Five(first: [0, 1], from: 5, label0: "Under 1", label1: "1–4", last: "80 and over");

    private static AgeGroups Five(int[] first, int from, string label0, string? label1 = null, string last = "80+")
    {
        var bounds = new List<int>(first);
        for (var a = from; a <= 80; a += 5) bounds.Add(a);
        var labels = new List<string> { label0 };
        if (label1 is not null) labels.Add(label1);
        for (var i = labels.Count; i < bounds.Count; i++)
            labels.Add(i == bounds.Count - 1 ? last : string.Create(CultureInfo.InvariantCulture, $"{bounds[i]}–{bounds[i + 1] - 1}"));
        return new AgeGroups(bounds, labels);
    }

    /// <summary>The index of the band an age falls in.</summary>
    public int IndexOf(int age)
    {
        var i = 0;
        while (i + 1 < LowerBounds.Count && age >= LowerBounds[i + 1]) i++;
        return i;
    }

    /// <summary>
    /// <c>CASE WHEN dob &gt; @p1 THEN 0 WHEN dob &gt; @p2 THEN 1 … ELSE n END</c> with its parameters (the cut-off dates
    /// for <paramref name="day"/>), named <paramref name="prefix"/>1, 2, …
    /// </summary>
    public (string Sql, IReadOnlyList<NpgsqlParameter> Parameters) CaseSql(string column, DateOnly day, string prefix)
    {
        var sql = new StringBuilder("CASE");
        var parameters = new List<NpgsqlParameter>();
        for (var i = 1; i < LowerBounds.Count; i++)
        {
            var name = prefix + i.ToString(CultureInfo.InvariantCulture);
            sql.Append(CultureInfo.InvariantCulture, $" WHEN {column} > @{name} THEN {i - 1}");
            parameters.Add(new NpgsqlParameter<DateOnly>(name, day.AddYears(-LowerBounds[i])));
        }
        sql.Append(CultureInfo.InvariantCulture, $" ELSE {LowerBounds.Count - 1} END");
        return (sql.ToString(), parameters);
    }
}
