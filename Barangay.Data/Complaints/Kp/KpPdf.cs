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
        foreach (var data in pages) new Sheet(document, data).Write();
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

    /// <summary>
    /// Writes one form from the top of a new page. A body too long for one page (a settlement's terms may run to 5,000
    /// characters, a case to ten respondents) continues on the next page under a running head, paragraph lines and
    /// signature rows moved whole, so nothing is drawn past the page's bottom margin.
    /// </summary>
    private sealed class Sheet(PdfDocument document, KpFormData f)
    {
        private readonly string _family = CertificateFonts.Family;
        private XGraphics? _g;
        private double _width, _height, _y;
        private int _page;

        private XGraphics G => _g!;

        private void NewPage()
        {
            _g?.Dispose();
            var page = document.AddPage();
            page.Size = PageSize.A4;
            (_width, _height) = (page.Width.Point, page.Height.Point);
            _g = XGraphics.FromPdfPage(page);
            _page++;
            _y = Margin - 6;
            if (_page == 1) return;
            var fil = f.Language == KpLanguages.Filipino;
            var head = (f.FormNo.Length > 0 ? (fil ? "Pormularyo ng KP Blg. " : "KP Form No. ") + f.FormNo + " · " : "")
                       + (fil ? $"Usaping Barangay Blg. {f.CaseNo} · {f.Title} (karugtong)" : $"Barangay Case No. {f.CaseNo} · {f.Title} (continued)");
            G.DrawString(head, new XFont(_family, 9), XBrushes.Black, new XRect(Margin, Margin - 24, _width - 2 * Margin, 12), XStringFormats.TopLeft);
        }

        /// <summary>
        /// The font, made smaller when <paramref name="text"/> is wider than <paramref name="width"/>: a long name or a
        /// Filipino title ("Pinatunayan: Punong Barangay/Pangulo ng Lupon") stays within its signature column.
        /// </summary>
        private XFont Fitted(XFont font, string text, double width)
        {
            var measured = G.MeasureString(text, font).Width;
            return measured <= width ? font : new XFont(_family, Math.Max(7, font.Size * width / measured), font.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
        }

        /// <summary>Starts a new page unless <paramref name="needed"/> points fit above the bottom margin.</summary>
        private void Room(double needed)
        {
            if (_y + needed > _height - Margin) NewPage();
        }

        public void Write()
        {
            NewPage();
            var header = new XFont(_family, 10.5);
            var normal = new XFont(_family, 11);
            var bold = new XFont(_family, 11, XFontStyleEx.Bold);
            var name = new XFont(_family, 14, XFontStyleEx.Bold);
            var title = new XFont(_family, 17, XFontStyleEx.Bold);
            var navy = new XSolidBrush(XColor.FromArgb(0x1a, 0x3a, 0x6b));
            var ink = XBrushes.Black;
            var center = XStringFormats.TopCenter;
            var width = _width;
            var fil = f.Language == KpLanguages.Filipino;
            if (f.FormNo.Length > 0) G.DrawString((fil ? "Pormularyo ng KP Blg. " : "KP Form No. ") + f.FormNo, header, ink, new XRect(Margin, Margin - 24, width, 14), XStringFormats.TopLeft);
            foreach (var line in new[] { fil ? "Republika ng Pilipinas" : "Republic of the Philippines", f.Region, f.Locality }.Where(l => l.Length > 0))
            {
                G.DrawString(line, header, ink, new XRect(0, _y, width, 14), center);
                _y += 14;
            }
            G.DrawString(f.BarangayName.ToUpper(Ph), name, navy, new XRect(0, _y + 2, width, 18), center);
            _y += 22;
            G.DrawString(fil ? "TANGGAPAN NG LUPONG TAGAPAMAYAPA" : "OFFICE OF THE LUPONG TAGAPAMAYAPA", bold, ink, new XRect(0, _y, width, 16), center);
            _y += 24;
            G.DrawLine(new XPen(XColor.FromArgb(0x1a, 0x3a, 0x6b), 1.5), Margin, _y, width - Margin, _y);
            _y += 16;

            // Caption: the parties on the left, the case number and title on the right; as tall as its longer side needs
            // (several respondents, a long title), at least the 130 points the forms leave.
            var tf = new XTextFormatter(G);
            var half = (width - 2 * Margin) / 2;
            var left = fil
                ? f.Complainant.ToUpper(Ph) + "\n          (Mga) Maysumbong,\n\n— laban kay/kina —\n\n" + string.Join("\n", f.Respondents.Select(r => r.ToUpper(Ph))) + "\n          (Mga) Ipinagsusumbong."
                : f.Complainant.ToUpper(Ph) + "\n          Complainant,\n\n— against —\n\n" + string.Join("\n", f.Respondents.Select(r => r.ToUpper(Ph))) + "\n          Respondent" + (f.Respondents.Count > 1 ? "s." : ".");
            var right = fil ? $"Usaping Barangay Blg. {f.CaseNo}\n\nUkol sa: {f.CaseTitle}" : $"Barangay Case No. {f.CaseNo}\n\nFor: {f.CaseTitle}";
            var caption = Math.Max(130, Math.Max(Height(G, left, normal, half - 10), Height(G, right, normal, half - 10)));
            tf.DrawString(left, normal, ink, new XRect(Margin, _y, half - 10, caption));
            tf.DrawString(right, normal, ink, new XRect(Margin + half + 10, _y, half - 10, caption));
            _y += caption + 10;

            // The title wraps within the margins: some Filipino titles ("PAUNAWA NG PAGDINIG (MOSYON PARA SA PAGPAPATUPAD)")
            // are wider than the page at 17 points.
            var body = width - 2 * Margin;
            var heading = f.Title.ToUpper(Ph);
            var headingHeight = Math.Max(24, Height(G, heading, title, body));
            new XTextFormatter(G) { Alignment = XParagraphAlignment.Center }.DrawString(heading, title, navy, new XRect(Margin, _y, body, headingHeight));
            _y += headingHeight + 16;
            var lineHeight = normal.GetHeight();
            foreach (var p in f.Paragraphs)
            {
                var lines = Lines(G, p, normal, body);
                while (lines.Count > 0)
                {
                    Room(lineHeight + 4);
                    tf = new XTextFormatter(G) { Alignment = XParagraphAlignment.Justify };
                    var rest = Joined(lines);
                    var height = Height(G, rest, normal, body);
                    if (_y + height <= _height - Margin)
                    {
                        // The (rest of the) paragraph fits: drawn whole, justified, as measured.
                        tf.DrawString(rest, normal, ink, new XRect(Margin, _y, body, height));
                        _y += height + 8;
                        break;
                    }
                    // The lines that fit on this page, then the rest on the next one.
                    var fit = Math.Max(1, (int)((_height - Margin - _y - 4) / lineHeight));
                    tf.DrawString(Joined(lines.Take(fit).ToList()), normal, ink, new XRect(Margin, _y, body, fit * lineHeight + 4));
                    lines = lines.Skip(fit).ToList();
                    NewPage();
                }
            }
            var issued = TimeZones.ToManila(f.IssuedAt);
            Room(30 + 60);
            tf = new XTextFormatter(G) { Alignment = XParagraphAlignment.Left };
            tf.DrawString(fil ? $"Ginawa ngayong ika-{issued.Day} ng {Buwan[issued.Month - 1]} {issued.Year} sa {f.BarangayName}, {f.Locality}." : $"Done this {Ordinal(issued.Day)} day of {issued.ToString("MMMM yyyy", Ph)} at {f.BarangayName}, {f.Locality}.", normal, ink, new XRect(Margin, _y, width - 2 * Margin, 30));
            _y += 60;

            var columns = Math.Min(2, Math.Max(1, f.Signatures.Count));
            var colWidth = (width - 2 * Margin) / columns;
            for (var i = 0; i < f.Signatures.Count; i += columns)
            {
                Room(40);
                for (var j = i; j < Math.Min(i + columns, f.Signatures.Count); j++)
                {
                    var (who, role) = f.Signatures[j];
                    var x = Margin + (j % columns) * colWidth;
                    G.DrawString(who.ToUpper(Ph), Fitted(bold, who.ToUpper(Ph), colWidth - 24), ink, new XRect(x, _y, colWidth - 20, 16), center);
                    G.DrawLine(XPens.Black, x + 10, _y + 17, x + colWidth - 30, _y + 17);
                    G.DrawString(role, Fitted(normal, role, colWidth - 24), ink, new XRect(x, _y + 20, colWidth - 20, 16), center);
                }
                _y += 60;
            }
            _g?.Dispose();
        }
    }

    /// <summary>Lines back into text for the formatter: a wrapped line joins the next with a space, a hard break stays one.</summary>
    private static string Joined(IReadOnlyList<(string Text, bool Hard)> lines) =>
        string.Concat(lines.Select((l, i) => l.Text + (i == lines.Count - 1 ? "" : l.Hard ? "\n" : " ")));

    /// <summary>
    /// The lines <paramref name="text"/> wraps into at <paramref name="width"/>, measured word by word as <see cref="Height"/>
    /// measures them; a line ending a paragraph of the text (a line break) ends with a hard break.
    /// </summary>
    private static List<(string Text, bool Hard)> Lines(XGraphics g, string text, XFont font, double width)
    {
        var lines = new List<(string, bool)>();
        var space = g.MeasureString(" ", font).Width;
        foreach (var paragraph in text.Split('\n'))
        {
            var line = new List<string>();
            var used = 0.0;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var w = g.MeasureString(word, font).Width;
                if (line.Count > 0 && used + space + w > width)
                {
                    lines.Add((string.Join(' ', line), false));
                    line = [];
                    used = 0;
                }
                used = line.Count == 0 ? w : used + space + w;
                line.Add(word);
            }
            lines.Add((string.Join(' ', line), true));
        }
        return lines;
    }
}
