using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Barangay.Data.Reports;

/// <summary>One column of a printed table: its heading, its share of the width and whether it is right-aligned (numbers).</summary>
public sealed record PrintColumn(string Title, double Weight, bool Right = false);

/// <summary>
/// Lays out a printed report page after page under <see cref="PrintFrame"/>'s header: tables whose every cell wraps
/// inside its column (nothing overprints its neighbour or is cut with "…"), headings repeated on each new page,
/// wrapped paragraphs, and room kept for the footer. Call <see cref="Finish"/> to add the footers and get the bytes.
/// </summary>
public sealed class PrintWriter : IDisposable
{
    private readonly double _line;
    private double LineHeight => _line;
    private readonly PdfDocument _document = new();
    private readonly string? _paper;
    private readonly bool _landscape;
    private readonly Func<XGraphics, PdfPage, double> _header;

    public PrintWriter(string title, string? paper, bool landscape, Func<XGraphics, PdfPage, double> header, double fontSize = 8, PrintLanguage? language = null)
    {
        Documents.CertificateFonts.Install();
        Language = language ?? PrintLanguage.English;
        _document.Info.Title = title;
        // A screen reader reads the report in its own language; the viewer shows the title, not the file name.
        _document.Language = Language.Code;
        _document.ViewerPreferences.DisplayDocTitle = true;
        _paper = paper;
        _landscape = landscape;
        _header = header;
        var f = Documents.CertificateFonts.Family;
        Normal = new XFont(f, fontSize);
        Bold = new XFont(f, fontSize, XFontStyleEx.Bold);
        Heading = new XFont(f, fontSize + 2, XFontStyleEx.Bold);
        _line = fontSize * 1.2;
        NewPage();
    }

    /// <summary>The language of the fixed words (header, footer, titles, signature labels).</summary>
    public PrintLanguage Language { get; }

    public XFont Normal { get; }
    public XFont Bold { get; }
    public XFont Heading { get; }
    public PdfPage Page { get; private set; } = null!;
    public XGraphics G { get; private set; } = null!;
    public double Y { get; set; }
    public double Left => PrintFrame.Margin;
    public double Width => Page.Width.Point - 2 * PrintFrame.Margin;
    public double Bottom => Page.Height.Point - PrintFrame.Margin - PrintFrame.FooterSpace;
    public int Pages => _document.PageCount;

    public void NewPage()
    {
        G?.Dispose();
        Page = PrintFrame.AddPage(_document, _paper, _landscape);
        G = XGraphics.FromPdfPage(Page);
        Y = _header(G, Page);
    }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one; true when it started one.</summary>
    public bool Ensure(double height)
    {
        if (Y + height <= Bottom) return false;
        NewPage();
        return true;
    }

    public void Text(string text, XFont? font = null, double gapAfter = 2)
    {
        font ??= Normal;
        foreach (var line in PrintFrame.Wrap(G, text, font, Width))
        {
            Ensure(LineHeight + 1);
            G.DrawString(line, font, XBrushes.Black, new XRect(Left, Y, Width, LineHeight), XStringFormats.TopLeft);
            Y += LineHeight + 1;
        }
        Y += gapAfter;
    }

    /// <summary>A table: each row's height is its tallest wrapped cell; bold rows get a rule above (totals).</summary>
    public void Table(string? title, IReadOnlyList<PrintColumn> columns, IEnumerable<(IReadOnlyList<string> Cells, bool Bold)> rows, string? continued = null)
    {
        var total = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => Width * c.Weight / total).ToArray();
        var xs = new double[columns.Count];
        for (var i = 1; i < xs.Length; i++) xs[i] = xs[i - 1] + widths[i - 1];

        void Heads()
        {
            if (title is not null)
            {
                G.DrawString(title, Bold, XBrushes.Black, new XRect(Left, Y, Width, LineHeight), XStringFormats.TopLeft);
                Y += LineHeight + 2;
            }
            var fonts = columns.Select((c, i) => HeadingFont(c.Title, widths[i] - 4)).ToList();
            var heads = columns.Select((c, i) => PrintFrame.Wrap(G, c.Title, fonts[i], widths[i] - 4)).ToList();
            var h = heads.Max(x => x.Count) * LineHeight;
            for (var i = 0; i < heads.Count; i++)
                for (var k = 0; k < heads[i].Count; k++)
                    G.DrawString(heads[i][k], fonts[i], XBrushes.Black, new XRect(Left + xs[i] + 2, Y + k * LineHeight, widths[i] - 4, LineHeight),
                        columns[i].Right ? XStringFormats.TopRight : XStringFormats.TopLeft);
            Y += h + 1;
            G.DrawLine(XPens.Black, Left, Y, Left + Width, Y);
            Y += 2;
        }

        Ensure(LineHeight * 4);
        Heads();
        foreach (var (cells, bold) in rows)
        {
            var font = bold ? Bold : Normal;
            var wrapped = cells.Select((c, i) => i < widths.Length ? PrintFrame.Wrap(G, c ?? "", font, widths[i] - 4) : []).ToList();
            var height = Math.Max(1, wrapped.Max(w => w.Count)) * LineHeight + 1.5;
            if (Ensure(height))
            {
                if (continued is not null) title = continued;
                Heads();
            }
            if (bold) G.DrawLine(XPens.Black, Left, Y - 2, Left + Width, Y - 2);
            for (var i = 0; i < wrapped.Count; i++)
                for (var k = 0; k < wrapped[i].Count; k++)
                    G.DrawString(wrapped[i][k], font, XBrushes.Black, new XRect(Left + xs[i] + 2, Y + k * LineHeight, widths[i] - 4, LineHeight),
                        columns[i].Right ? XStringFormats.TopRight : XStringFormats.TopLeft);
            Y += height;
            G.DrawLine(XPens.LightGray, Left, Y - 1, Left + Width, Y - 1);
        }
        Y += 5;
    }

    /// <summary>
    /// The bold font for a column heading, a little smaller when one of its words is wider than the column (Filipino
    /// headings run longer: "Pagkamamamayan" in a narrow column), so a word is never cut in two.
    /// </summary>
    private XFont HeadingFont(string title, double width)
    {
        var font = Bold;
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        while (font.Size > 5 && words.Any(w => G.MeasureString(w, font).Width > width))
            font = new XFont(font.FontFamily.Name, font.Size - 0.5, XFontStyleEx.Bold);
        return font;
    }

    /// <summary>A signature line at the right with the printed name and the designation under it.</summary>
    public void Signature(string label, string? name, string designation, bool right = true)
    {
        Ensure(60);
        Y += 14;
        var w = Math.Min(240, Width / 2 - 10);
        var x = right ? Left + Width - w : Left;
        G.DrawString(label, Normal, XBrushes.Black, new XRect(x, Y, w, LineHeight), XStringFormats.TopLeft);
        Y += 28;
        if (!string.IsNullOrWhiteSpace(name))
            G.DrawString(name, Bold, XBrushes.Black, new XRect(x, Y - 12, w, LineHeight), XStringFormats.TopCenter);
        G.DrawLine(XPens.Black, x, Y, x + w, Y);
        G.DrawString(designation, Normal, XBrushes.Black, new XRect(x, Y + 2, w, LineHeight), XStringFormats.TopCenter);
        Y += 16;
    }

    public byte[] Finish(DateTime printedUtc, string? footerNote = null)
    {
        G.Dispose();
        PrintFrame.Footers(_document, printedUtc, footerNote, Language);
        using var output = new MemoryStream();
        _document.Save(output, closeStream: false);
        return output.ToArray();
    }

    public void Dispose()
    {
        G?.Dispose();
        _document.Dispose();
    }
}
