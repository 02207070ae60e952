using System.Globalization;
using System.Text.RegularExpressions;
using Barangay.Data.Localization;

namespace Barangay.Data.Imports;

/// <summary>A date read from a cell, or why it could not be read (<see cref="ImportErrorKinds"/>).</summary>
public readonly record struct ImportDate(DateOnly? Value, string? Kind, string? Problem);

/// <summary>
/// Reads birth dates the ways spreadsheets write them: <c>1990-03-15</c>, <c>03/15/1990</c> (or 15/03/1990 when the day
/// cannot be a month), <c>15 Mar 1990</c>, <c>March 15, 1990</c>, English or Filipino month names. A date such as
/// <c>03/04/1990</c> could be either; it is flagged, never guessed, unless the user chose the order for the file.
/// </summary>
public static partial class ImportDates
{
    private static readonly Dictionary<string, int> Months = BuildMonths();

    public static ImportDate Parse(string? text, string order = DateOrders.Flag)
    {
        var s = (text ?? "").Trim();
        if (s.Length == 0) return new(null, ImportErrorKinds.Missing, Texts.Say("Birth date is required."));

        if (Iso().Match(s) is { Success: true } iso)
            return Make(Int(iso.Groups[1]), Int(iso.Groups[2]), Int(iso.Groups[3]), s);

        if (Numeric().Match(s) is { Success: true } num)
        {
            int a = Int(num.Groups[1]), b = Int(num.Groups[2]), year = Int(num.Groups[3]);
            if (num.Groups[3].Value.Length == 2)
                return new(null, ImportErrorKinds.BadDate, Texts.Say("Birth date \"{0}\" has a two-digit year; write the year in full (for example 1990).", s));
            if (a > 12 && b > 12) return new(null, ImportErrorKinds.ImpossibleDate, Texts.Say("Birth date \"{0}\" is not a real date (neither {1} nor {2} is a month).", s, a, b));
            if (a > 12) return Make(year, b, a, s);           // day first: 15/03/1990
            if (b > 12 || a == b) return Make(year, a, b, s); // month first: 03/15/1990
            return order switch
            {
                DateOrders.MonthFirst => Make(year, a, b, s),
                DateOrders.DayFirst => Make(year, b, a, s),
                _ => new(null, ImportErrorKinds.AmbiguousDate,
                    Texts.Say("Birth date \"{0}\" is ambiguous: it could be {1} or {2}. Write it as {3}-MM-DD, or choose the file's date order.", s, Name(year, a, b), Name(year, b, a), year.ToString(CultureInfo.InvariantCulture))),
            };
        }

        if (DayMonthYear().Match(s) is { Success: true } dmy && Months.TryGetValue(dmy.Groups[2].Value.ToLowerInvariant(), out var m1))
            return Make(Int(dmy.Groups[3]), m1, Int(dmy.Groups[1]), s);
        if (MonthDayYear().Match(s) is { Success: true } mdy && Months.TryGetValue(mdy.Groups[1].Value.ToLowerInvariant(), out var m2))
            return Make(Int(mdy.Groups[3]), m2, Int(mdy.Groups[2]), s);

        return new(null, ImportErrorKinds.BadDate, Texts.Say("Birth date \"{0}\" is not a date this import reads; use 1990-03-15, 03/15/1990 or 15 Mar 1990.", s));
    }

    private static ImportDate Make(int year, int month, int day, string s)
    {
        if (year < 1000 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), Math.Clamp(month, 1, 12)))
            return new(null, ImportErrorKinds.ImpossibleDate, Texts.Say("Birth date \"{0}\" is not a real date.", s));
        return new(new DateOnly(year, month, day), null, null);
    }

    private static string Name(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year is >= 1 and <= 9999 ? year : 2000, month)
            ? new DateOnly(year is >= 1 and <= 9999 ? year : 2000, month, day).ToString("d MMMM yyyy", AppLanguages.Current)
            : Texts.Say("day {0} of month {1}", day, month);

    private static int Int(Group g) => int.Parse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    private static Dictionary<string, int> BuildMonths()
    {
        var d = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var english = CultureInfo.InvariantCulture.DateTimeFormat;
        string[] filipino = ["enero", "pebrero", "marso", "abril", "mayo", "hunyo", "hulyo", "agosto", "setyembre", "oktubre", "nobyembre", "disyembre"];
        for (var i = 0; i < 12; i++)
        {
            d[english.MonthNames[i].ToLowerInvariant()] = i + 1;
            d[english.AbbreviatedMonthNames[i].ToLowerInvariant()] = i + 1;
            d[filipino[i]] = i + 1;
            d[filipino[i][..3]] = i + 1;
        }
        d["sept"] = 9;
        return d;
    }

    [GeneratedRegex(@"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"^(\d{1,2})[\s\-]+([\p{L}]+)\.?[\s\-,]+(\d{4})$")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"^([\p{L}]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")]
    private static partial Regex MonthDayYear();
}
