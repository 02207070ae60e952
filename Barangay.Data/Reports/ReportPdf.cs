using Barangay.Data.Documents;
using Barangay.Data.Settings;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Barangay.Data.Reports;

/// <summary>
/// Any <see cref="ReportDocument"/> as an A4 portrait PDF: the barangay header on every page, each part on a new page,
/// tables with the first column as labels and the rest right-aligned, totals in bold, a prepared-by line at the end.
/// </summary>
public static class ReportPdf
{
    private const double Left = 40;
    private const double RowHeight = 11;

    public static byte[] Render(ReportDocument report, BarangayProfile profile, DateTime preparedUtc)
    {
        CertificateFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = $"{report.Title} {report.Period}";
        var f = CertificateFonts.Family;
        var normal = new XFont(f, 8.5);
        var bold = new XFont(f, 8.5, XFontStyleEx.Bold);
        var heading = new XFont(f, 10.5, XFontStyleEx.Bold);
        PdfPage page = null!;
        XGraphics g = null!;
        double y = 0;
        var pageNo = 0;

        void NewPage(string partHeading)
        {
            g?.Dispose();
            page = document.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = PageOrientation.Portrait;
            g = XGraphics.FromPdfPage(page);
            y = ReportHeader.Draw(g, page.Width.Point, 30, profile.Province, profile.Municipality, profile.Name, report.Title.ToUpperInvariant(), f);
            // The period goes on its own line under the title (the header returns the first free line below it).
            g.DrawString(report.Period, normal, XBrushes.Black, new XRect(0, y - 4, page.Width.Point, 12), XStringFormats.TopCenter);
            g.DrawString($"Page {++pageNo}", normal, XBrushes.Gray, new XRect(0, page.Height.Point - 30, page.Width.Point - Left, 10), XStringFormats.TopRight);
            y += 18;
            g.DrawString(partHeading, heading, XBrushes.Black, Left, y);
            y += 16;
        }

        foreach (var part in report.Parts)
        {
            NewPage(part.Heading);
            foreach (var table in part.Tables)
            {
                var width = page.Width.Point - 2 * Left;
                var first = Math.Min(200, width * 0.4);
                var other = table.Columns.Count > 1 ? (width - first) / (table.Columns.Count - 1) : 0;
                double X(int i) => i == 0 ? Left : Left + first + (i - 1) * other;
                double W(int i) => i == 0 ? first : other;
                if (y + RowHeight * (Math.Min(table.Rows.Count, 4) + 2) > page.Height.Point - 50) NewPage(part.Heading + " (continued)");
                g.DrawString(table.Title, bold, XBrushes.Black, Left, y);
                y += 6;
                void ColumnHeads()
                {
                    // A heading wider than its column goes on two or more lines: drawn on one, neighbours overprinted each other.
                    var heads = table.Columns.Select((c, i) => Wrap(g, c, bold, W(i) - 4)).ToList();
                    for (var i = 0; i < heads.Count; i++)
                        for (var k = 0; k < heads[i].Count; k++)
                            g.DrawString(heads[i][k], bold, XBrushes.Black, new XRect(X(i) + 2, y + k * RowHeight, W(i) - 4, 10), i == 0 ? XStringFormats.TopLeft : XStringFormats.TopRight);
                    y += RowHeight * heads.Max(h => h.Count);
                    g.DrawLine(XPens.Black, Left, y - 2, Left + width, y - 2);
                }
                ColumnHeads();
                foreach (var row in table.Rows)
                {
                    if (y > page.Height.Point - 60)
                    {
                        NewPage(part.Heading + " (continued)");
                        ColumnHeads();
                    }
                    var font = row.Total ? bold : normal;
                    if (row.Total) g.DrawLine(XPens.Black, Left, y - 2, Left + width, y - 2);
                    for (var i = 0; i < table.Columns.Count && i < row.Cells.Count; i++)
                        g.DrawString(ReportCells.Text(row.Cells[i]), font, XBrushes.Black, new XRect(X(i) + 2, y, W(i) - 4, 10), i == 0 ? XStringFormats.TopLeft : XStringFormats.TopRight);
                    y += RowHeight;
                    g.DrawLine(XPens.LightGray, Left, y - 2, Left + width, y - 2);
                }
                y += 10;
            }
            foreach (var note in part.Notes ?? [])
            {
                if (y > page.Height.Point - 60) NewPage(part.Heading + " (continued)");
                g.DrawString(note, normal, XBrushes.Black, Left, y);
                y += RowHeight;
            }
        }
        if (y > page.Height.Point - 110) NewPage("Certification");
        var sign = page.Height.Point - 80;
        g.DrawString(ReportHeader.Prepared(preparedUtc), normal, XBrushes.Black, Left, sign - 40);
        g.DrawString("Certified correct:", normal, XBrushes.Black, page.Width.Point - Left - 240, sign - 30);
        g.DrawLine(XPens.Black, page.Width.Point - Left - 240, sign, page.Width.Point - Left, sign);
        g.DrawString("Barangay Secretary", normal, XBrushes.Black, new XRect(page.Width.Point - Left - 240, sign + 3, 240, 10), XStringFormats.TopCenter);
        g.Dispose();
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>Splits <paramref name="text"/> at spaces into lines no wider than <paramref name="width"/> (a single long word stays whole).</summary>
    private static List<string> Wrap(XGraphics g, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && g.MeasureString(candidate, font).Width > width)
            {
                lines.Add(line);
                line = word;
            }
            else line = candidate;
        }
        lines.Add(line);
        return lines;
    }
}
