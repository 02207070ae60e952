using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Barangay.Data.Documents;

/// <summary>The daily collection report as a PDF the treasurer signs and files.</summary>
public static class CollectionReportPdf
{
    private static readonly CultureInfo Ph = CultureInfo.GetCultureInfo("en-PH");

    public static byte[] Render(CollectionReport report)
    {
        CertificateFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = $"Collection report {report.Day:yyyy-MM-dd}";
        var f = CertificateFonts.Family;
        var small = new XFont(f, 8.5);
        var bold = new XFont(f, 8.5, XFontStyleEx.Bold);
        var title = new XFont(f, 14, XFontStyleEx.Bold);
        double[] cols = [40, 95, 160, 255, 380, 470, 540];
        string[] headers = ["Time", "OR number", "Request", "Resident", "Document", "Amount", "Collected by / waiver"];
        PdfPage? page = null;
        XGraphics? g = null;
        double y = 0;
        void NewPage()
        {
            g?.Dispose();
            page = document.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = PageOrientation.Landscape;
            g = XGraphics.FromPdfPage(page);
            g.DrawString($"{report.BarangayName}: daily collection report, {report.Day.ToString("MMMM d, yyyy", Ph)}", title, XBrushes.Black, 40, 50);
            y = 80;
            for (var i = 0; i < headers.Length; i++) g.DrawString(headers[i], bold, XBrushes.Black, cols[i], y);
            y += 6;
            g.DrawLine(XPens.Black, 40, y, page.Width.Point - 40, y);
            y += 14;
        }
        NewPage();
        foreach (var l in report.Lines)
        {
            if (y > page!.Height.Point - 60) NewPage();
            string[] cells =
            [
                Common.TimeZones.ToManila(l.At).ToString("h:mm tt", CultureInfo.InvariantCulture), l.OrNumber ?? "—", l.RequestId, Clip(l.ResidentName, 24),
                Clip(l.TypeLabel, 22), l.WaiverReason is null ? "₱" + l.Amount.ToString("N2", Ph) : "waived", Clip(l.WaiverReason ?? l.CollectedBy, 40),
            ];
            for (var i = 0; i < cells.Length; i++) g!.DrawString(cells[i], small, XBrushes.Black, cols[i], y);
            y += 14;
        }
        y += 10;
        g!.DrawLine(XPens.Black, 40, y - 8, page!.Width.Point - 40, y - 8);
        g.DrawString($"Total collected: ₱{report.Total.ToString("N2", Ph)}   ·   Receipts: {report.Lines.Count - report.Waived}   ·   Waived: {report.Waived}", bold, XBrushes.Black, 40, y + 6);
        g.DrawString("Certified correct: ______________________________   Barangay Treasurer", small, XBrushes.Black, 40, y + 50);
        g.Dispose();
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
