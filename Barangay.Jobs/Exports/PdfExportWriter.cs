using Barangay.Data.Documents;
using Barangay.Data.Exports;
using Barangay.Data.Reports;
using Barangay.Data.Settings;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Barangay.Jobs.Exports;

/// <summary>
/// A dataset as a landscape A4 table under the barangay's header (<see cref="ReportHeader"/>, as on the monitoring
/// reports), the column heads repeated on every page, each cell cut to its column with "…". A PDF is for reading and
/// printing, so it stops at <see cref="MaxRows"/>: a bigger export is refused in words, pointing to XLSX or CSV.
/// </summary>
public static class PdfExportWriter
{
    public const int MaxRows = 5_000;
    private const double Margin = 28, RowHeight = 10, FontSize = 6.5;

    public static async Task<int> WriteAsync(ExportTable table, Stream output, ExportProgress progress, ExportPdfHeading heading, CancellationToken ct)
    {
        CertificateFonts.Install();
        var profile = heading.Profile ?? BarangayProfile.Default;
        var l = heading.Language;
        using var document = new PdfDocument();
        document.Info.Title = heading.Title;
        document.Language = l.Code;
        var headers = table.Headers.Select(l.Term).ToList();
        var family = CertificateFonts.Family;
        var normal = new XFont(family, FontSize);
        var bold = new XFont(family, FontSize, XFontStyleEx.Bold);
        await using var rows = table.Rows.GetAsyncEnumerator(ct);
        // The first rows decide the column widths, so the table can still be streamed page by page after them.
        var sample = new List<object?[]>(SampleRows);
        while (sample.Count < SampleRows && await rows.MoveNextAsync()) sample.Add(rows.Current);
        XGraphics? g = null;
        PdfPage? page = null;
        double[] x = [];
        double y = 0;
        var pageNo = 0;
        var w = ColumnWidths(headers, sample, normal, bold, PageSize.A4);

        void NewPage()
        {
            g?.Dispose();
            page = document.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = PageOrientation.Landscape;
            g = XGraphics.FromPdfPage(page);
            var width = page.Width.Point;
            y = ReportHeader.Draw(g, width, 22, profile.Province, profile.Municipality, profile.Name, heading.Title.ToUpper(l.Culture), family, l);
            g.DrawString(ReportHeader.Prepared(heading.PreparedUtc, l), normal, XBrushes.Black, new XRect(0, y - 6, width, 10), XStringFormats.TopCenter);
            g.DrawString(l.Say("Page {0}", ++pageNo), normal, XBrushes.Gray, new XRect(0, page.Height.Point - 20, width - Margin, 10), XStringFormats.TopRight);
            y += 10;
            x = new double[w.Length];
            x[0] = Margin;
            for (var i = 1; i < w.Length; i++) x[i] = x[i - 1] + w[i - 1];
            for (var i = 0; i < headers.Count; i++) Cell(g, headers[i], bold, x[i], y, w[i]);
            y += RowHeight;
            g.DrawLine(XPens.Black, Margin, y - 2, width - Margin, y - 2);
        }

        NewPage();
        var count = 0;
        async IAsyncEnumerable<object?[]> All()
        {
            foreach (var r in sample) yield return r;
            while (await rows.MoveNextAsync()) yield return rows.Current;
        }
        await foreach (var row in All().WithCancellation(ct))
        {
            if (++count > MaxRows)
                throw new ExportRefusedException($"A PDF export holds at most {MaxRows:N0} rows and this one has more. Choose XLSX or CSV, or narrow the filters.");
            if (y > page!.Height.Point - 34) NewPage();
            for (var i = 0; i < row.Length && i < x.Length; i++) Cell(g!, ExportWriters.Text(row[i]), normal, x[i], y, w[i]);
            y += RowHeight;
            g!.DrawLine(XPens.LightGray, Margin, y - 2, page!.Width.Point - Margin, y - 2);
            await progress.RowWrittenAsync(count);
        }
        if (count == 0) g!.DrawString(l.Say("No records match the filters."), normal, XBrushes.Black, Margin, y + 8);
        g!.Dispose();
        document.Save(output, closeStream: false);
        return count;
    }

    private const int SampleRows = 100;
    /// <summary>Columns this narrow (IDs, dates, codes) keep their full width; the rest share what is left.</summary>
    private const double Narrow = 75, MaxNatural = 220, Padding = 4;

    /// <summary>
    /// Each column's natural width is its widest sampled cell (its heading counts up to <see cref="Narrow"/>). Narrow columns
    /// get theirs, so IDs and dates are never cut; the wide ones share the rest in proportion. If even the narrow ones do
    /// not fit, everything shrinks in proportion.
    /// </summary>
    private static double[] ColumnWidths(IReadOnlyList<string> headers, List<object?[]> sample, XFont normal, XFont bold, PageSize size)
    {
        using var measure = XGraphics.CreateMeasureContext(new XSize(2000, 100), XGraphicsUnit.Point, XPageDirection.Downwards);
        var natural = new double[headers.Count];
        for (var i = 0; i < headers.Count; i++)
        {
            var widest = Math.Min(measure.MeasureString(headers[i], bold).Width, Narrow - Padding);
            foreach (var row in sample)
            {
                if (i < row.Length) widest = Math.Max(widest, measure.MeasureString(ExportWriters.Text(row[i]).ReplaceLineEndings(" "), normal).Width);
            }
            natural[i] = Math.Min(widest, MaxNatural) + Padding;
        }
        var available = PageSizeConverter.ToSize(size).Height - 2 * Margin; // landscape: the page's long side
        var narrowSum = natural.Where(n => n <= Narrow).Sum();
        var wideSum = natural.Where(n => n > Narrow).Sum();
        if (narrowSum + wideSum <= available || narrowSum >= available)
        {
            var scale = available / (narrowSum + wideSum);
            return natural.Select(n => n * scale).ToArray();
        }
        var wideScale = (available - narrowSum) / wideSum;
        return natural.Select(n => n <= Narrow ? n : n * wideScale).ToArray();
    }

    /// <summary>The text cut to the column's width (with "…") so neighbouring cells never overlap.</summary>
    private static void Cell(XGraphics g, string text, XFont font, double x, double y, double width)
    {
        text = text.ReplaceLineEndings(" ");
        var room = width - 3;
        if (text.Length > 0 && g.MeasureString(text, font).Width > room)
        {
            var lo = 0;
            var hi = text.Length;
            while (lo < hi)
            {
                var mid = (lo + hi + 1) / 2;
                if (g.MeasureString(string.Concat(text.AsSpan(0, mid), "…"), font).Width <= room) lo = mid;
                else hi = mid - 1;
            }
            text = string.Concat(text.AsSpan(0, lo), "…");
        }
        g.DrawString(text, font, XBrushes.Black, new XRect(x + 1, y, width - 2, RowHeight), XStringFormats.TopLeft);
    }
}
