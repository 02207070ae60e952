using Barangay.Data.Settings;

namespace Barangay.Data.Reports;

/// <summary>
/// Any <see cref="ReportDocument"/> as a PDF on A4 or Legal: the shared header (<see cref="PrintFrame"/>) and footer
/// (printed time, page i of n) on every page, each part on a new page, tables whose cells wrap inside their columns
/// (the first column as labels, the rest right-aligned; a table of more than six columns is printed landscape so its
/// numbers never run into each other), totals in bold, notes wrapped to the page, and the secretary's certification.
/// </summary>
public static class ReportPdf
{
    public const int LandscapeFrom = 7;

    public static byte[] Render(ReportDocument report, BarangayProfile profile, DateTime preparedUtc, string? paper = null)
    {
        var landscape = report.Parts.SelectMany(p => p.Tables).Any(t => t.Columns.Count >= LandscapeFrom);
        var language = PrintLanguage.Of(profile.ReportLanguage);
        using var w = new PrintWriter($"{report.Title} {report.Period}", paper, landscape, (g, page) =>
            PrintFrame.Header(g, page.Width.Point, profile.Region, profile.Province, profile.Municipality, profile.Name,
                report.Title.ToUpper(language.Culture), report.Period, language: language), language: language);
        var first = true;
        foreach (var part in report.Parts)
        {
            if (!first) w.NewPage();
            first = false;
            w.Text(part.Heading, w.Heading, 4);
            foreach (var table in part.Tables)
            {
                var columns = table.Columns.Select((c, i) => new PrintColumn(c, i == 0 ? 2.4 : 1, Right: i > 0)).ToList();
                w.Table(table.Title, columns, table.Rows.Select(r => ((IReadOnlyList<string>)r.Cells.Select(ReportCells.Text).ToList(), r.Total)),
                    language.Continued(table.Title));
            }
            foreach (var note in part.Notes ?? []) w.Text(note);
        }
        w.Signature(language.CertifiedCorrect, report.CertifiedBy, "Barangay Secretary");
        return w.Finish(preparedUtc);
    }
}
