using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Barangay.Data.Reports;

/// <summary>
/// The one header and footer of every printed report and receipt: Republic, region, province and municipality,
/// barangay (and the seal when there is one), title and subtitle at the top; "Printed …" and "Page i of n" at the
/// bottom of every page. A4 or Legal, portrait or landscape. Its words and dates are in the report's
/// <see cref="PrintLanguage"/> (English unless the barangay chose Filipino for its reports).
/// </summary>
public static class PrintFrame
{
    public const string A4 = "A4";
    public const string Legal = "Legal";
    /// <summary>The Citizen's Charter poster only.</summary>
    public const string A3 = "A3";
    public static readonly IReadOnlyList<string> Papers = [A4, Legal];
    public const double Margin = 36;
    /// <summary>Space kept free at the bottom of every page for the footer.</summary>
    public const double FooterSpace = 40;

    public static string PaperOf(string? paper) =>
        string.Equals(paper, Legal, StringComparison.OrdinalIgnoreCase) ? Legal : string.Equals(paper, A3, StringComparison.Ordinal) ? A3 : A4;

    public static PdfPage AddPage(PdfDocument document, string? paper, bool landscape)
    {
        var page = document.AddPage();
        page.Size = PaperOf(paper) switch { Legal => PageSize.Legal, A3 => PageSize.A3, _ => PageSize.A4 };
        page.Orientation = landscape ? PageOrientation.Landscape : PageOrientation.Portrait;
        return page;
    }

    /// <summary>The lines above the title: the Republic, the region, the province and municipality, the barangay.</summary>
    public static IReadOnlyList<string> Lines(string region, string province, string municipality, string barangay, PrintLanguage? language = null) =>
        new[] { (language ?? PrintLanguage.English).Republic, region, (language ?? PrintLanguage.English).Locality(province, municipality), barangay }
            .Where(s => !string.IsNullOrWhiteSpace(s)).ToList();

    /// <summary>Draws the centred header with the seal at the left when given; returns the y below it.</summary>
    public static double Header(XGraphics g, double pageWidth, string region, string province, string municipality, string barangay,
        string title, string? subtitle, byte[]? seal = null, PrintLanguage? language = null)
    {
        var f = Documents.CertificateFonts.Family;
        var normal = new XFont(f, 9);
        var bold = new XFont(f, 12, XFontStyleEx.Bold);
        var y = Margin - 6;
        if (seal is { Length: > 0 })
        {
            try
            {
                using var stream = new MemoryStream(seal);
                using var image = XImage.FromStream(stream);
                g.DrawImage(image, Margin, y, 56, 56);
            }
            catch (Exception)
            {
                // An unreadable seal image leaves the header without it rather than failing the print.
            }
        }
        foreach (var line in Lines(region, province, municipality, barangay, language))
        {
            g.DrawString(line, line == barangay ? new XFont(f, 10, XFontStyleEx.Bold) : normal, XBrushes.Black, new XRect(0, y, pageWidth, 12), XStringFormats.TopCenter);
            y += 12;
        }
        y += 8;
        g.DrawString(title, bold, XBrushes.Black, new XRect(0, y, pageWidth, 14), XStringFormats.TopCenter);
        y += 16;
        if (!string.IsNullOrWhiteSpace(subtitle))
        {
            g.DrawString(subtitle, normal, XBrushes.Black, new XRect(0, y, pageWidth, 12), XStringFormats.TopCenter);
            y += 12;
        }
        g.DrawLine(XPens.Gray, Margin, y + 4, pageWidth - Margin, y + 4);
        return y + 14;
    }

    public static string Printed(DateTime utc, PrintLanguage? language = null) => (language ?? PrintLanguage.English).Printed(utc);

    /// <summary>After every page is drawn: the footer on each, "Printed …" at the left, "Page i of n" at the right.</summary>
    public static void Footers(PdfDocument document, DateTime printedUtc, string? note = null, PrintLanguage? language = null)
    {
        language ??= PrintLanguage.English;
        var f = Documents.CertificateFonts.Family;
        var small = new XFont(f, 7.5);
        var n = document.PageCount;
        for (var i = 0; i < n; i++)
        {
            var page = document.Pages[i];
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var w = page.Width.Point;
            var y = page.Height.Point - Margin + 10;
            g.DrawLine(XPens.LightGray, Margin, y - 4, w - Margin, y - 4);
            var left = language.Printed(printedUtc) + (string.IsNullOrWhiteSpace(note) ? "" : " · " + note);
            g.DrawString(left, small, XBrushes.Gray, new XRect(Margin, y, w - 2 * Margin, 10), XStringFormats.TopLeft);
            g.DrawString(language.PageOf(i + 1, n), small, XBrushes.Gray, new XRect(Margin, y, w - 2 * Margin, 10), XStringFormats.TopRight);
        }
    }

    /// <summary>Splits <paramref name="text"/> at spaces into lines no wider than <paramref name="width"/>; a word too long is cut at the width.</summary>
    public static List<string> Wrap(XGraphics g, string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in (text ?? "").Replace("\r", "").Split('\n'))
        {
            var line = "";
            foreach (var raw in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var word = raw;
                while (g.MeasureString(word, font).Width > width && word.Length > 1)
                {
                    var cut = word.Length - 1;
                    while (cut > 1 && g.MeasureString(word[..cut], font).Width > width) cut--;
                    if (line.Length > 0) { lines.Add(line); line = ""; }
                    lines.Add(word[..cut]);
                    word = word[cut..];
                }
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && g.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(line);
                    line = word;
                }
                else line = candidate;
            }
            lines.Add(line);
        }
        return lines;
    }
}
