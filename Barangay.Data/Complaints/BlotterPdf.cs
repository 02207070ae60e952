using System.Globalization;
using Barangay.Data.Common;
using Barangay.Data.Documents;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Barangay.Data.Complaints;

/// <summary>The blotter book as a landscape PDF, one line per entry, page after page, with the date range on each page.</summary>
public static class BlotterPdf
{
    private static readonly CultureInfo Ph = CultureInfo.GetCultureInfo("en-PH");

    public static byte[] Render(BlotterBook book)
    {
        CertificateFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = $"Blotter {book.From:yyyy-MM-dd} to {book.To:yyyy-MM-dd}";
        var f = CertificateFonts.Family;
        var small = new XFont(f, 8.5);
        var bold = new XFont(f, 8.5, XFontStyleEx.Bold);
        var title = new XFont(f, 14, XFontStyleEx.Bold);
        double[] cols = [40, 140, 200, 300, 480, 720, 790];
        string[] headers = ["Date and time", "Entry", "Number", "Parties", "Matter", "Purok", "Status"];
        PdfPage? page = null;
        XGraphics? g = null;
        double y = 0;
        var pages = 0;
        void NewPage()
        {
            g?.Dispose();
            page = document.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = PageOrientation.Landscape;
            g = XGraphics.FromPdfPage(page);
            pages++;
            g.DrawString($"{book.BarangayName}{(book.Locality.Length > 0 ? ", " + book.Locality : "")}: blotter book", title, XBrushes.Black, 40, 46);
            g.DrawString($"{book.From.ToString("MMMM d, yyyy", Ph)} to {book.To.ToString("MMMM d, yyyy", Ph)}   ·   page {pages}", small, XBrushes.Black, 40, 62);
            y = 84;
            for (var i = 0; i < headers.Length; i++) g.DrawString(headers[i], bold, XBrushes.Black, cols[i], y);
            y += 6;
            g.DrawLine(XPens.Black, 40, y, page.Width.Point - 40, y);
            y += 14;
        }
        NewPage();
        if (book.Entries.Count == 0) g!.DrawString("No complaints or KP cases in this period.", small, XBrushes.Black, 40, y);
        foreach (var e in book.Entries)
        {
            if (y > page!.Height.Point - 50) NewPage();
            string[] cells =
            [
                TimeZones.ToManila(e.At).ToString("MMM d, yyyy h:mm tt", Ph), e.Kind, e.Number, Clip(e.Parties, 40), Clip(e.Matter, 52),
                Clip(e.Purok ?? "", 14), e.Status,
            ];
            for (var i = 0; i < cells.Length; i++) g!.DrawString(cells[i], small, XBrushes.Black, cols[i], y);
            y += 14;
        }
        y += 10;
        g!.DrawLine(XPens.Black, 40, y - 8, page!.Width.Point - 40, y - 8);
        g.DrawString($"Entries: {book.Entries.Count}", bold, XBrushes.Black, 40, y + 6);
        g.DrawString("Certified correct: ______________________________   Barangay Secretary", small, XBrushes.Black, 40, y + 44);
        g.Dispose();
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
