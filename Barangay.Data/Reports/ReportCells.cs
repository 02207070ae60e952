using System.Globalization;

namespace Barangay.Data.Reports;

/// <summary>How a report cell reads on paper: counts with thousands separators, money with ₱, averages to one decimal.</summary>
public static class ReportCells
{
    private static readonly CultureInfo Ph = CultureInfo.GetCultureInfo("en-PH");

    public static string Text(object? cell) => cell switch
    {
        null => "—",
        int i => i.ToString("N0", Ph),
        long l => l.ToString("N0", Ph),
        decimal m => "₱" + m.ToString("N2", Ph),
        double d when double.IsNaN(d) => "—",
        double d => d.ToString("N1", Ph),
        Percent p => double.IsNaN(p.Value) ? "—" : p.Value.ToString("P1", Ph),
        _ => Convert.ToString(cell, Ph) ?? "",
    };
}

/// <summary>A share (0–1) shown as a percentage; NaN when there was nothing to divide.</summary>
public readonly record struct Percent(double Value)
{
    public static Percent Of(int part, int whole) => new(whole == 0 ? double.NaN : (double)part / whole);
}
