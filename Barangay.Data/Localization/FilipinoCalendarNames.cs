using System.Globalization;

namespace Barangay.Data.Localization;

/// <summary>
/// Filipino month and day names. ICU's "fil" data has them, but a server started with invariant globalization
/// or a trimmed ICU would print English or "M01"; this makes the culture's calendar names the same everywhere.
/// </summary>
public static class FilipinoCalendarNames
{
    public static readonly string[] Months =
        ["Enero", "Pebrero", "Marso", "Abril", "Mayo", "Hunyo", "Hulyo", "Agosto", "Setyembre", "Oktubre", "Nobyembre", "Disyembre", ""];
    public static readonly string[] ShortMonths =
        ["Ene", "Peb", "Mar", "Abr", "May", "Hun", "Hul", "Ago", "Set", "Okt", "Nob", "Dis", ""];
    public static readonly string[] Days = ["Linggo", "Lunes", "Martes", "Miyerkules", "Huwebes", "Biyernes", "Sabado"];
    public static readonly string[] ShortDays = ["Lin", "Lun", "Mar", "Miy", "Huw", "Biy", "Sab"];

    public static CultureInfo Ensure(CultureInfo culture)
    {
        var f = culture.DateTimeFormat;
        f.MonthNames = Months;
        f.MonthGenitiveNames = Months;
        f.AbbreviatedMonthNames = ShortMonths;
        f.AbbreviatedMonthGenitiveNames = ShortMonths;
        f.DayNames = Days;
        f.AbbreviatedDayNames = ShortDays;
        f.AMDesignator = "AM";
        f.PMDesignator = "PM";
        // Money is the peso either way, written as the hall writes it.
        culture.NumberFormat.CurrencySymbol = "₱";
        return culture;
    }
}
