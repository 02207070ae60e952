using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;
using QRCoder;
using Barangay.Data.Common;

namespace Barangay.Data.Documents;

/// <summary>
/// Renders a frozen certificate as a one-page PDF: the barangay's seal and header, the title, the certificate's
/// wording, control number, dates, payment, the Punong Barangay's signature block and a QR code of the verification link.
/// </summary>
public static class CertificatePdf
{
    public static readonly IReadOnlyList<string> PaperSizes = ["A4", "Letter", "Legal"];
    private static readonly CultureInfo Ph = CultureInfo.GetCultureInfo("en-PH");

    public static PageSize Paper(string? name) => name?.ToLowerInvariant() switch
    {
        "letter" => PageSize.Letter,
        "legal" => PageSize.Legal,
        _ => PageSize.A4,
    };

    public static byte[] Render(CertificateData c, string verifyUrl, byte[]? seal = null, string? paper = null)
    {
        CertificateFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = $"{c.TypeLabel} {c.ControlNumber}";
        document.Info.Author = c.BarangayName;
        // Issue 25: a screen reader announces the title and reads in the right language. PDFsharp 6 sets /Lang and
        // DisplayDocTitle; full structure tags (PDF/UA) would mean drawing every line through PdfSharp.UniversalAccessibility.
        document.Language = "en-PH";
        document.ViewerPreferences.DisplayDocTitle = true;
        var page = document.AddPage();
        page.Size = Paper(paper);
        using (var g = XGraphics.FromPdfPage(page)) Draw(g, page.Width.Point, page.Height.Point, c, verifyUrl, seal);
        // The QR code is also a link: a tap in a PDF viewer opens the check, as a scan does.
        var qrTop = page.Height.Point - QrBottomMargin - QrSize;
        page.AddWebLink(new PdfRectangle(new XPoint(Margin, page.Height.Point - qrTop - QrSize), new XPoint(Margin + QrSize, page.Height.Point - qrTop)), verifyUrl);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private const double Margin = 56;
    private const double QrSize = 96;
    private const double QrBottomMargin = Margin + 16;

    private static void Draw(XGraphics g, double width, double height, CertificateData c, string verifyUrl, byte[]? seal)
    {
        const double margin = Margin;
        var f = CertificateFonts.Family;
        var small = new XFont(f, 9);
        var normal = new XFont(f, 11.5);
        var bold = new XFont(f, 11.5, XFontStyleEx.Bold);
        var header = new XFont(f, 10.5);
        var name = new XFont(f, 14, XFontStyleEx.Bold);
        var title = new XFont(f, 20, XFontStyleEx.Bold);
        var center = XStringFormats.TopCenter;
        var ink = XBrushes.Black;
        var navy = new XSolidBrush(XColor.FromArgb(0x1a, 0x3a, 0x6b));

        if (seal is { Length: > 0 })
        {
            try
            {
                using var stream = new MemoryStream(seal, writable: false);
                var image = XImage.FromStream(stream);
                g.DrawImage(image, margin, margin - 8, 72, 72);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException or IOException)
            {
                // A seal PDFsharp cannot read leaves the header without it rather than failing the certificate.
            }
        }
        var y = margin - 6;
        foreach (var line in new[] { "Republic of the Philippines", c.Region, c.Locality.Length > 0 ? "Municipality/City of " + c.Locality : "" }.Where(l => l.Length > 0))
        {
            g.DrawString(line, header, ink, new XRect(0, y, width, 14), center);
            y += 14;
        }
        g.DrawString(c.BarangayName.ToUpper(Ph), name, navy, new XRect(0, y + 2, width, 18), center);
        y += 22;
        g.DrawString("OFFICE OF THE PUNONG BARANGAY", bold, ink, new XRect(0, y, width, 16), center);
        y += 26;
        g.DrawLine(new XPen(XColor.FromArgb(0x1a, 0x3a, 0x6b), 1.5), margin, y, width - margin, y);
        y += 26;
        g.DrawString(c.TypeLabel.ToUpper(Ph), title, navy, new XRect(0, y, width, 26), center);
        y += 48;
        g.DrawString("TO WHOM IT MAY CONCERN:", bold, ink, new XRect(margin, y, width - 2 * margin, 16), XStringFormats.TopLeft);
        y += 30;

        var tf = new XTextFormatter(g) { Alignment = XParagraphAlignment.Justify };
        var bodyHeight = 150;
        tf.DrawString("        " + c.Body, normal, ink, new XRect(margin, y, width - 2 * margin, bodyHeight));
        y += bodyHeight + 10;
        var issued = TimeZones.ToManila(c.IssuedAt);
        tf.Alignment = XParagraphAlignment.Left;
        tf.DrawString($"        Issued this {Ordinal(issued.Day)} day of {issued.ToString("MMMM yyyy", Ph)} at {c.BarangayName}, {c.Locality}.",
            normal, ink, new XRect(margin, y, width - 2 * margin, 40));
        y += 70;

        // Signature block, right.
        var sigX = width - margin - 220;
        g.DrawString(c.PunongBarangay.ToUpper(Ph), bold, ink, new XRect(sigX, y, 220, 16), center);
        g.DrawLine(XPens.Black, sigX + 10, y + 17, sigX + 210, y + 17);
        g.DrawString("Punong Barangay", normal, ink, new XRect(sigX, y + 20, 220, 16), center);

        // Details, left.
        var details = new List<(string, string)>
        {
            ("Control No.", c.ControlNumber),
            ("Date issued", issued.ToString("MMMM d, yyyy", Ph)),
            ("Valid until", c.ValidUntil.ToString("MMMM d, yyyy", Ph)),
        };
        if (c.Waiver is not null) details.Add(("Fee", "Waived: " + c.Waiver));
        else if (c.OrNumber is not null) details.Add(("O.R. No.", $"{c.OrNumber} (₱{c.Fee.ToString("N2", Ph)})"));
        else details.Add(("Fee", "None"));
        var dy = y;
        foreach (var (label, value) in details)
        {
            g.DrawString(label + ":", small, ink, new XRect(margin, dy, 70, 12), XStringFormats.TopLeft);
            tf.DrawString(value, small, ink, new XRect(margin + 72, dy, sigX - margin - 80, 24));
            dy += value.Length > 40 ? 24 : 13;
        }

        // QR code, bottom left, with the link written out for those who cannot scan.
        const double qrSize = QrSize;
        var qrY = height - QrBottomMargin - qrSize;
        DrawQr(g, verifyUrl, margin, qrY, qrSize);
        tf.DrawString("Scan to check that this certificate is genuine:\n" + verifyUrl, small, ink,
            new XRect(margin + qrSize + 12, qrY + 28, width - 2 * margin - qrSize - 12, 40));
        g.DrawString("Not valid with erasures or alterations. Purpose: " + Clip(c.Purpose, 80), small, XBrushes.DimGray,
            new XRect(0, height - margin + 2, width, 12), center);
    }

    /// <summary>The QR code drawn as vector squares: sharp at any zoom or printer, and no image decoding.</summary>
    private static void DrawQr(XGraphics g, string text, double x, double y, double size)
    {
        var matrix = QrModules(text);
        var n = matrix.Count;
        var cell = size / n;
        for (var row = 0; row < n; row++)
        {
            var bits = matrix[row];
            for (var col = 0; col < n; col++)
            {
                if (!bits[col]) continue;
                // Join runs of dark modules into one rectangle (fewer PDF operators, no hairline gaps).
                var start = col;
                while (col + 1 < n && bits[col + 1]) col++;
                g.DrawRectangle(XBrushes.Black, x + start * cell, y + row * cell, (col - start + 1) * cell + 0.01, cell + 0.01);
            }
        }
    }

    /// <summary>The QR code's modules (quiet zone included), row by row: what is drawn.</summary>
    internal static List<System.Collections.BitArray> QrModules(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return [.. data.ModuleMatrix];
    }

    private static string Ordinal(int day) => day + (day % 100 is 11 or 12 or 13 ? "th" : (day % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
