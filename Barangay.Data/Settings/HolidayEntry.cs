using System.Globalization;

namespace Barangay.Data.Settings;

/// <summary>A non-working day the working-day clock skips (regular and special non-working holidays, local holidays).</summary>
public sealed record HolidayEntry(DateOnly Date, string Name)
{
    public const string DateFormat = "yyyy-MM-dd";

    public override string ToString() => Date.ToString(DateFormat, CultureInfo.InvariantCulture) + (Name.Length > 0 ? " " + Name : "");
}

/// <summary>A holiday as typed on the settings page: the date is text until it is validated.</summary>
public sealed record HolidayEdit(string Date, string Name)
{
    /// <summary>One holiday per line, "YYYY-MM-DD Name of the holiday"; blank lines are skipped.</summary>
    public static List<HolidayEdit> ParseLines(string? text)
    {
        var list = new List<HolidayEdit>();
        foreach (var raw in (text ?? "").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var space = line.IndexOfAny([' ', '\t']);
            list.Add(space < 0 ? new HolidayEdit(line, "") : new HolidayEdit(line[..space], line[(space + 1)..].Trim()));
        }
        return list;
    }

    public static string ToLines(IEnumerable<HolidayEdit> holidays) =>
        string.Join("\n", holidays.Select(h => h.Name.Length > 0 ? $"{h.Date} {h.Name}" : h.Date));
}
