using System.Globalization;
using Barangay.Data.Localization;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Reports;

/// <summary>
/// The language of the hall's printed reports (issue 26, item 4: "reports stay English unless the barangay chooses
/// otherwise"): the barangay's setting <c>reports.language</c> (JSON "en-PH" or "fil-PH"; never stored: English).
/// The one place that words the shared header and footer (<see cref="PrintFrame"/>), the report titles, periods and
/// signature labels, and writes their dates: Filipino month names from <see cref="AppLanguages"/>, Manila time.
/// The words themselves are entries of the one catalogue (<see cref="Texts"/>).
/// </summary>
public sealed class PrintLanguage
{
    public const string SettingKey = "reports.language";

    public static readonly PrintLanguage English = new(AppLanguages.English);
    public static readonly PrintLanguage Filipino = new(AppLanguages.Filipino);

    private PrintLanguage(string code)
    {
        Code = code;
        Culture = AppLanguages.Culture(code);
    }

    /// <summary>"en-PH" or "fil-PH": what the PDF declares as its language.</summary>
    public string Code { get; }

    public CultureInfo Culture { get; }

    public bool IsFilipino => Code == AppLanguages.Filipino;

    /// <summary>Filipino for any Filipino tag ("fil", "fil-PH", "tl"); English for anything else, null included.</summary>
    public static PrintLanguage Of(string? code) => AppLanguages.Match(code) == AppLanguages.Filipino ? Filipino : English;

    /// <summary>The setting's stored JSON (or a bare code) read as a language; never stored or unreadable: English.</summary>
    public static PrintLanguage FromSetting(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return English;
        try { return Of(Settings.SettingJson.ReadText(json)); }
        catch (System.Text.Json.JsonException) { return Of(json); }
    }

    /// <summary>The barangay's choice, read from its own database.</summary>
    public static async Task<PrintLanguage> ReadAsync(BarangayDbContext db, CancellationToken ct = default) =>
        FromSetting(await db.AppSettings.AsNoTracking().Where(s => s.Key == SettingKey).Select(s => s.Value).FirstOrDefaultAsync(ct));

    /// <summary>A fixed text of the printed page in this language (the English text is the key).</summary>
    public string Say(string key, params object?[] args)
    {
        var text = Word(key);
        if (args.Length == 0) return text;
        try { return string.Format(Culture, text, args); }
        // A translation with a broken placeholder must not fail the print; the completeness test catches it.
        catch (FormatException) { return string.Format(Culture, key, args); }
    }

    /// <summary>The print's own catalogue first (<see cref="PrintTexts"/>), then the pages' (<see cref="Texts"/>), else the key.</summary>
    private string Word(string key)
    {
        var word = PrintTexts.Find(key, Culture) ?? Texts.Find(key, Culture) ?? key;
        // A status code ("resolved") prints in its own case, whichever case the entry found has.
        return word.Length > 0 && char.IsLower(key[0]) && char.IsUpper(word[0]) ? char.ToLower(word[0], Culture) + word[1..] : word;
    }

    /// <summary>
    /// A fixed label that comes with the data (a civil status, an age bracket, a sector, a KP stage, "Whole barangay"):
    /// its catalogue entry in this language, else the text as recorded (a purok's name, a category the barangay typed).
    /// </summary>
    public string Term(string english) => Word(english);

    public string Date(DateOnly day) => day.ToString("MMMM d, yyyy", Culture);

    /// <summary>A weekday and date: "Saturday, December 5, 2026" / "Sabado, Disyembre 5, 2026".</summary>
    public string LongDate(DateOnly day) => day.ToString("dddd, MMMM d, yyyy", Culture);

    /// <summary>A moment in Manila time: "December 5, 2026 6:00 PM" / "Disyembre 5, 2026 6:00 PM".</summary>
    public string DateTime(DateTime utc) => Common.TimeZones.ToManila(utc).ToString("MMMM d, yyyy h:mm tt", Culture);

    public string Period(DateOnly from, DateOnly to) => Say("{0} to {1}", Date(from), Date(to));

    /// <summary>"4th quarter 2026 (as of December 31, 2026)" / "Ikaapat na quarter ng 2026 (hanggang Disyembre 31, 2026)".</summary>
    public string Quarter(Quarter q) => Say(q.Number switch
    {
        1 => "1st quarter {0} (as of {1})",
        2 => "2nd quarter {0} (as of {1})",
        3 => "3rd quarter {0} (as of {1})",
        _ => "4th quarter {0} (as of {1})",
    }, q.Year.ToString(CultureInfo.InvariantCulture), Date(q.Last));

    public string Republic => Say("Republic of the Philippines");

    public string Locality(string province, string municipality) =>
        string.IsNullOrWhiteSpace(province) ? municipality : $"{Say("Province of {0}", province)} · {municipality}";

    /// <summary>The footer's left: when the page was printed.</summary>
    public string Printed(DateTime utc) => Say("Printed {0}", DateTime(utc));

    /// <summary>The workbook's last line: when the report was prepared.</summary>
    public string Prepared(DateTime utc) => Say("Prepared {0}", DateTime(utc));

    /// <summary>The footer's right.</summary>
    public string PageOf(int page, int pages) => Say("Page {0} of {1}", page, pages);

    /// <summary>A table's title on the pages after its first.</summary>
    public string Continued(string title) => Say("{0} (continued)", title);

    public string CertifiedCorrect => Say("Certified correct:");
}
