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

    /// <param name="verifyUrl">The short link printed for typing (the HMAC code's <c>/verify/{code}</c>).</param>
    /// <param name="scanUrl">What the QR code carries: <c>/verify#&lt;signed payload&gt;</c>, checked in the phone's
    /// browser even offline; <paramref name="verifyUrl"/> when null (certificates from before signing).</param>
    /// <param name="municipalSeal">The municipality's seal, printed at the right of the header.</param>
    /// <param name="signature">The approving official's signature image (only ever theirs: the caller loads it by <see cref="CertificateSignatory.UserId"/>).</param>
    public static byte[] Render(CertificateData c, string verifyUrl, byte[]? seal = null, string? paper = null, string? scanUrl = null,
        byte[]? municipalSeal = null, byte[]? signature = null)
    {
        CertificateFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = $"{c.TypeLabel} {c.ControlNumber}";
        document.Info.Author = c.BarangayName;
        var page = document.AddPage();
        page.Size = Paper(paper);
        scanUrl ??= verifyUrl;
        using (var g = XGraphics.FromPdfPage(page)) Draw(g, page.Width.Point, page.Height.Point, c, verifyUrl, scanUrl, seal, municipalSeal, signature);
        // The QR code is also a link: a tap in a PDF viewer opens the check, as a scan does.
        var qrTop = page.Height.Point - QrBottomMargin - QrSize;
        page.AddWebLink(new PdfRectangle(new XPoint(Margin, page.Height.Point - qrTop - QrSize), new XPoint(Margin + QrSize, page.Height.Point - qrTop)), scanUrl);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private const double Margin = 56;
    private const double QrSize = 108;
    private const double QrBottomMargin = Margin + 16;

    private static void Draw(XGraphics g, double width, double height, CertificateData c, string verifyUrl, string scanUrl, byte[]? seal,
        byte[]? municipalSeal, byte[]? signature)
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

        DrawImage(g, seal, margin, margin - 8, 72, 72);
        DrawImage(g, municipalSeal, width - margin - 72, margin - 8, 72, 72);
        var y = margin - 6;
        foreach (var line in HeaderLines(c))
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

        // Signature block, right: whoever approved it (CertificateSignatory), "For the Punong Barangay:" when delegated.
        var sigX = width - margin - 220;
        var signer = c.Signatory ?? new CertificateSignatory(null, c.PunongBarangay, "Punong Barangay", false);
        if (signer.ForPunongBarangay)
        {
            g.DrawString("For the Punong Barangay:", normal, ink, new XRect(sigX, y - 34, 220, 16), XStringFormats.TopLeft);
        }
        DrawImage(g, signature, sigX + 60, y - 30, 100, 44);
        g.DrawString(signer.Name.ToUpper(Ph), bold, ink, new XRect(sigX, y, 220, 16), center);
        g.DrawLine(XPens.Black, sigX + 10, y + 17, sigX + 210, y + 17);
        g.DrawString(signer.Position, normal, ink, new XRect(sigX, y + 20, 220, 16), center);

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
        DrawQr(g, scanUrl, margin, qrY, qrSize);
        var signedNote = c.SignedPayload is null
            ? "Scan to check that this certificate is genuine:\n" + verifyUrl
            : "Scan with any phone camera to check that this certificate is genuine (works offline), or open:\n" + verifyUrl;
        tf.DrawString(signedNote, small, ink, new XRect(margin + qrSize + 12, qrY + 24, width - 2 * margin - qrSize - 12, 40));
        if (c.KeyFingerprint is { } fingerprint)
        {
            // Small, for whoever checks by hand: the key's fingerprint as the public keys page lists it.
            var tiny = new XFont(f, 6);
            tf.DrawString("Signed with the barangay's key, SHA-256 fingerprint:\n" + fingerprint, tiny, XBrushes.DimGray,
                new XRect(margin + qrSize + 12, qrY + 62, width - 2 * margin - qrSize - 12, 20));
        }
        if (c.DrySealLine is { } dry)
            g.DrawString(dry, bold, ink, new XRect(0, height - margin - 12, width, 14), center);
        g.DrawString("Not valid with erasures or alterations. Purpose: " + Clip(c.Purpose, 80), small, XBrushes.DimGray,
            new XRect(0, height - margin + 2, width, 12), center);
    }

    /// <summary>
    /// "Republic of the Philippines / Province of … / Municipality (or City) of …" above the barangay's name. A
    /// municipality setting that already says "City" ("City of Malolos", "Malolos City") is printed as it is.
    /// Certificates frozen before these were kept print their old "Region / Municipality/City of" lines.
    /// </summary>
    internal static IEnumerable<string> HeaderLines(CertificateData c)
    {
        yield return "Republic of the Philippines";
        if (c.Province is null && c.Municipality is null)
        {
            if (c.Region.Length > 0) yield return c.Region;
            if (c.Locality.Length > 0) yield return "Municipality/City of " + c.Locality;
            yield break;
        }
        if (!string.IsNullOrWhiteSpace(c.Province)) yield return "Province of " + c.Province.Trim();
        if (!string.IsNullOrWhiteSpace(c.Municipality))
        {
            var m = c.Municipality.Trim();
            yield return m.Contains("City", StringComparison.OrdinalIgnoreCase) ? m : "Municipality of " + m;
        }
    }

    /// <summary>An uploaded picture; one PDFsharp cannot read is left out rather than failing the certificate.</summary>
    private static void DrawImage(XGraphics g, byte[]? bytes, double x, double y, double w, double h)
    {
        if (bytes is not { Length: > 0 }) return;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var image = XImage.FromStream(stream);
            // Keep the picture's proportions inside the box.
            var scale = Math.Min(w / image.PointWidth, h / image.PointHeight);
            var (iw, ih) = (image.PointWidth * scale, image.PointHeight * scale);
            g.DrawImage(image, x + (w - iw) / 2, y + (h - ih) / 2, iw, ih);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException or IOException)
        {
        }
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
        // A signed payload is long; its signature already detects damage, so the lowest error correction keeps the
        // modules large enough for a cheap phone camera. Short links keep M.
        using var data = generator.CreateQrCode(text, text.Length > 120 ? QRCodeGenerator.ECCLevel.L : QRCodeGenerator.ECCLevel.M);
        return [.. data.ModuleMatrix];
    }

    private static string Ordinal(int day) => day + (day % 100 is 11 or 12 or 13 ? "th" : (day % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
