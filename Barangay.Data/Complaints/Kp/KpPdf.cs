using System.Globalization;
using Barangay.Data.Common;
using Barangay.Data.Documents;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;

namespace Barangay.Data.Complaints.Kp;

/// <summary>
/// Renders a KP form (summons, amicable settlement or award, Certificate to File Action) on one A4 page in the
/// layout of the Lupon's forms: the barangay header, the case caption (complainant against respondents, case number),
/// the title, the body and the signature lines.
/// </summary>
public static class KpPdf
{
    private static readonly CultureInfo Ph = CultureInfo.GetCultureInfo("en-PH");
    private static readonly string[] Buwan = ["Enero", "Pebrero", "Marso", "Abril", "Mayo", "Hunyo", "Hulyo", "Agosto", "Setyembre", "Oktubre", "Nobyembre", "Disyembre"];
    private const double Margin = 56;

    public static byte[] Render(KpFormData f) => Render([f]);

    /// <summary>A form of several pages (the subpoena: one per hearing), each page a whole form with its own header and signatures.</summary>
    public static byte[] Render(IReadOnlyList<KpFormData> pages)
    {
        CertificateFonts.Install();
        var f = pages[0];
        using var document = new PdfDocument();
        document.Info.Title = $"{f.Title} {f.CaseNo}";
        document.Info.Author = f.BarangayName;
        // What a screen reader and a viewer's title bar say of the form (issue 25): its language and its title.
        document.Language = f.Language == KpLanguages.Filipino ? "fil-PH" : "en-PH";
        document.ViewerPreferences.DisplayDocTitle = true;
        foreach (var data in pages)
        {
            var page = document.AddPage();
            page.Size = PageSize.A4;
            using var g = XGraphics.FromPdfPage(page);
            Draw(g, page.Width.Point, data);
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>A date as the forms write it, in the case's language: "December 5, 2026" or "ika-5 ng Disyembre 2026" (Manila).</summary>
    public static string Date(DateTime utc, string language)
    {
        var d = TimeZones.ToManila(utc);
        return language == KpLanguages.Filipino ? $"ika-{d.Day} ng {Buwan[d.Month - 1]} {d.Year}" : d.ToString("MMMM d, yyyy", Ph);
    }

    /// <summary>
    /// A hearing's day and hour as KP Form 13 writes them, in the case's language (Manila): "on the 7th day of December 2026,
    /// at 2:30 in the afternoon" or "sa ika-7 araw ng Disyembre 2026, sa ganap na ika-2:30 ng hapon".
    /// </summary>
    public static string DayAndHour(DateTime utc, string language)
    {
        var d = TimeZones.ToManila(utc);
        var hour = $"{(d.Hour % 12 == 0 ? 12 : d.Hour % 12)}:{d.Minute:00}";
        if (language == KpLanguages.Filipino)
            return $"sa ika-{d.Day} araw ng {Buwan[d.Month - 1]} {d.Year}, sa ganap na ika-{hour} ng {(d.Hour < 12 ? "umaga" : d.Hour < 18 ? "hapon" : "gabi")}";
        return $"on the {Ordinal(d.Day)} day of {d.ToString("MMMM yyyy", Ph)}, at {hour} in the {(d.Hour < 12 ? "morning" : d.Hour < 18 ? "afternoon" : "evening")}";
    }

    /// <summary>The height the text formatter needs for <paramref name="text"/> wrapped at <paramref name="width"/>: measured word by word, so no line is clipped.</summary>
    private static double Height(XGraphics g, string text, XFont font, double width)
    {
        var lines = 0;
        var space = g.MeasureString(" ", font).Width;
        foreach (var paragraph in text.Split('\n'))
        {
            lines++;
            var line = 0.0;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var w = g.MeasureString(word, font).Width;
                if (line > 0 && line + space + w > width)
                {
                    lines++;
                    line = w;
                }
                else line += (line > 0 ? space : 0) + w;
            }
        }
        return lines * font.GetHeight() + 4;
    }

    private static string Ordinal(int day) => day + (day % 100 is 11 or 12 or 13 ? "th" : (day % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    private static void Draw(XGraphics g, double width, KpFormData f)
    {
        var family = CertificateFonts.Family;
        var header = new XFont(family, 10.5);
        var normal = new XFont(family, 11);
        var bold = new XFont(family, 11, XFontStyleEx.Bold);
        var name = new XFont(family, 14, XFontStyleEx.Bold);
        var title = new XFont(family, 17, XFontStyleEx.Bold);
        var navy = new XSolidBrush(XColor.FromArgb(0x1a, 0x3a, 0x6b));
        var ink = XBrushes.Black;
        var center = XStringFormats.TopCenter;
        var y = Margin - 6;
        var fil = f.Language == KpLanguages.Filipino;
        if (f.FormNo.Length > 0) g.DrawString((fil ? "Pormularyo ng KP Blg. " : "KP Form No. ") + f.FormNo, header, ink, new XRect(Margin, Margin - 24, width, 14), XStringFormats.TopLeft);
        foreach (var line in new[] { fil ? "Republika ng Pilipinas" : "Republic of the Philippines", f.Region, f.Locality }.Where(l => l.Length > 0))
        {
            g.DrawString(line, header, ink, new XRect(0, y, width, 14), center);
            y += 14;
        }
        g.DrawString(f.BarangayName.ToUpper(Ph), name, navy, new XRect(0, y + 2, width, 18), center);
        y += 22;
        g.DrawString(fil ? "TANGGAPAN NG LUPONG TAGAPAMAYAPA" : "OFFICE OF THE LUPONG TAGAPAMAYAPA", bold, ink, new XRect(0, y, width, 16), center);
        y += 24;
        g.DrawLine(new XPen(XColor.FromArgb(0x1a, 0x3a, 0x6b), 1.5), Margin, y, width - Margin, y);
        y += 16;

        // Caption: the parties on the left, the case number and title on the right.
        var tf = new XTextFormatter(g);
        var half = (width - 2 * Margin) / 2;
        var left = fil
            ? f.Complainant.ToUpper(Ph) + "\n          (Mga) Maysumbong,\n\n— laban kay/kina —\n\n" + string.Join("\n", f.Respondents.Select(r => r.ToUpper(Ph))) + "\n          (Mga) Ipinagsusumbong."
            : f.Complainant.ToUpper(Ph) + "\n          Complainant,\n\n— against —\n\n" + string.Join("\n", f.Respondents.Select(r => r.ToUpper(Ph))) + "\n          Respondent" + (f.Respondents.Count > 1 ? "s." : ".");
        tf.DrawString(left, normal, ink, new XRect(Margin, y, half - 10, 130));
        tf.DrawString(fil ? $"Usaping Barangay Blg. {f.CaseNo}\n\nUkol sa: {f.CaseTitle}" : $"Barangay Case No. {f.CaseNo}\n\nFor: {f.CaseTitle}", normal, ink, new XRect(Margin + half + 10, y, half - 10, 130));
        y += 140;

        g.DrawString(f.Title.ToUpper(Ph), title, navy, new XRect(0, y, width, 24), center);
        y += 40;
        tf.Alignment = XParagraphAlignment.Justify;
        foreach (var p in f.Paragraphs)
        {
            var height = Height(g, p, normal, width - 2 * Margin);
            tf.DrawString(p, normal, ink, new XRect(Margin, y, width - 2 * Margin, height));
            y += height + 8;
        }
        var issued = TimeZones.ToManila(f.IssuedAt);
        tf.Alignment = XParagraphAlignment.Left;
        tf.DrawString(fil ? $"Ginawa ngayong ika-{issued.Day} ng {Buwan[issued.Month - 1]} {issued.Year} sa {f.BarangayName}, {f.Locality}." : $"Done this {Ordinal(issued.Day)} day of {issued.ToString("MMMM yyyy", Ph)} at {f.BarangayName}, {f.Locality}.", normal, ink, new XRect(Margin, y, width - 2 * Margin, 30));
        y += 60;

        var columns = Math.Min(2, Math.Max(1, f.Signatures.Count));
        var colWidth = (width - 2 * Margin) / columns;
        for (var i = 0; i < f.Signatures.Count; i++)
        {
            var (who, role) = f.Signatures[i];
            var x = Margin + (i % columns) * colWidth;
            var top = y + (i / columns) * 60;
            g.DrawString(who.ToUpper(Ph), bold, ink, new XRect(x, top, colWidth - 20, 16), center);
            g.DrawLine(XPens.Black, x + 10, top + 17, x + colWidth - 30, top + 17);
            g.DrawString(role, normal, ink, new XRect(x, top + 20, colWidth - 20, 16), center);
        }
    }
}
