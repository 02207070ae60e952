using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;
using QRCoder;
using Barangay.Data.Common;

namespace Barangay.Data.Documents;

/// <summary>
/// Renders a frozen certificate as a PDF: both seals and the header, the title, the certificate's wording (flowing
/// onto a second page rather than being clipped), the window details, the approving official's signature block, the
/// holder's signature and thumbmark boxes and a QR code of the signed verification payload.
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
    /// <param name="photo">The holder's photo, printed when the type asks for one (<see cref="CertificateData.PhotoBox"/>).</param>
    public static byte[] Render(CertificateData c, string verifyUrl, byte[]? seal = null, string? paper = null, string? scanUrl = null,
        byte[]? municipalSeal = null, byte[]? signature = null, byte[]? photo = null)
    {
        CertificateFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = $"{c.TypeLabel} {c.ControlNumber}";
        document.Info.Author = c.BarangayName;
        // Issue 25: a screen reader announces the title and reads in the right language. PDFsharp 6 sets /Lang and
        // DisplayDocTitle; full structure tags (PDF/UA) would mean drawing every line through PdfSharp.UniversalAccessibility.
        document.Language = c.Language ?? "en-PH";
        document.ViewerPreferences.DisplayDocTitle = true;
        scanUrl ??= verifyUrl;
        var size = Paper(paper);
        var f = CertificateFonts.Family;
        var fonts = new Fonts(new XFont(f, 9), new XFont(f, 11.5), new XFont(f, 11.5, XFontStyleEx.Bold), new XFont(f, 10.5),
            new XFont(f, 14, XFontStyleEx.Bold), new XFont(f, 20, XFontStyleEx.Bold), new XFont(f, 6));

        var page = document.AddPage();
        page.Size = size;
        var (width, height) = (page.Width.Point, page.Height.Point);
        var g = XGraphics.FromPdfPage(page);
        try
        {
            var y = DrawHeader(g, width, c, seal, municipalSeal, fonts);
            // The body flows onto further pages instead of being clipped; the closing block (date, signatory, window
            // details, boxes) and the QR code stay together on the last page.
            var lineHeight = fonts.Normal.GetHeight() * 1.2;
            var textWidth = width - 2 * Margin;
            var lines = Wrap(g, "\u2003\u2003" + c.Body, fonts.Normal, textWidth);
            var pageBottom = height - Margin - 24;
            for (var i = 0; i < lines.Count; i++)
            {
                if (y + lineHeight > pageBottom)
                {
                    g.Dispose();
                    (page, g) = NewPage(document, size);
                    g.DrawString(T(c, "{0} {1} (continued)", c.TypeLabel, c.ControlNumber), fonts.Small, XBrushes.DimGray, new XRect(Margin, Margin - 24, textWidth, 12), XStringFormats.TopLeft);
                    y = Margin;
                }
                DrawLine(g, lines[i], fonts.Normal, Margin, y, textWidth, justify: i < lines.Count - 1);
                y += lineHeight;
            }
            var tailTop = height - QrBottomMargin - QrSize - 12 - ClosingHeight - (c.PhotoBox ? PhotoRaise : 0);
            if (y + 10 > tailTop)
            {
                g.Dispose();
                (page, g) = NewPage(document, size);
                y = Margin;
            }
            DrawClosing(g, width, Math.Max(y + 10, Margin), c, signature, photo, fonts);
            DrawFooter(g, width, height, c, verifyUrl, scanUrl, fonts);
        }
        finally
        {
            g.Dispose();
        }
        // The QR code is also a link: a tap in a PDF viewer opens the check, as a scan does.
        var qrTop = height - QrBottomMargin - QrSize;
        page.AddWebLink(new PdfRectangle(new XPoint(Margin, height - qrTop - QrSize), new XPoint(Margin + QrSize, height - qrTop)), scanUrl);
        if (c.OathPage) CertificateOathPage.Add(document, size, c);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private sealed record Fonts(XFont Small, XFont Normal, XFont Bold, XFont Header, XFont Name, XFont Title, XFont Tiny);

    private const double Margin = 56;
    private const double QrSize = 108;
    private const double QrBottomMargin = Margin + 16;
    /// <summary>What the closing block needs below the body: the "issued" line, the signatory, the window details and the holder's boxes.</summary>
    private const double ClosingHeight = 272;
    private static readonly XSolidBrush Navy = new(XColor.FromArgb(0x1a, 0x3a, 0x6b));

    private static (PdfPage, XGraphics) NewPage(PdfDocument document, PageSize size)
    {
        var page = document.AddPage();
        page.Size = size;
        return (page, XGraphics.FromPdfPage(page));
    }

    private static double DrawHeader(XGraphics g, double width, CertificateData c, byte[]? seal, byte[]? municipalSeal, Fonts fonts)
    {
        var center = XStringFormats.TopCenter;
        DrawImage(g, seal, Margin, Margin - 8, 72, 72);
        DrawImage(g, municipalSeal, width - Margin - 72, Margin - 8, 72, 72);
        var y = Margin - 6;
        foreach (var line in HeaderLines(c))
        {
            g.DrawString(line, fonts.Header, XBrushes.Black, new XRect(0, y, width, 14), center);
            y += 14;
        }
        g.DrawString(c.BarangayName.ToUpper(Ph), fonts.Name, Navy, new XRect(0, y + 2, width, 18), center);
        y += 22;
        g.DrawString(T(c, "OFFICE OF THE PUNONG BARANGAY"), fonts.Bold, XBrushes.Black, new XRect(0, y, width, 16), center);
        y += 26;
        g.DrawLine(new XPen(XColor.FromArgb(0x1a, 0x3a, 0x6b), 1.5), Margin, y, width - Margin, y);
        y += 26;
        g.DrawString(c.TypeLabel.ToUpper(Ph), fonts.Title, Navy, new XRect(0, y, width, 26), center);
        y += 48;
        g.DrawString(T(c, "TO WHOM IT MAY CONCERN:"), fonts.Bold, XBrushes.Black, new XRect(Margin, y, width - 2 * Margin, 16), XStringFormats.TopLeft);
        return y + 30;
    }

    /// <summary>The date and place of issue, the signatory (right), the window details (left) and the holder's signature and thumbmark boxes.</summary>
    private static void DrawClosing(XGraphics g, double width, double y, CertificateData c, byte[]? signature, byte[]? photo, Fonts fonts)
    {
        var ink = XBrushes.Black;
        var issued = TimeZones.ToManila(c.IssuedAt);
        var tf = new XTextFormatter(g) { Alignment = XParagraphAlignment.Left };
        // Filipino writes the day as "ika-5", English as "5th".
        var day = IsFilipino(c) ? issued.Day.ToString(CultureInfo.InvariantCulture) : Ordinal(issued.Day);
        tf.DrawString("\u2003\u2003" + T(c, "Issued this {0} day of {1} at {2}, {3}.", day, issued.ToString("MMMM yyyy", CultureOf(c)), c.BarangayName, c.Locality),
            fonts.Normal, ink, new XRect(Margin, y, width - 2 * Margin, 32));
        // Room for a two-line "issued" sentence, then "For the Punong Barangay:" and the signature above the name.
        y += 92;

        // Signatory, right: whoever approved it (CertificateSignatory), "For the Punong Barangay:" when delegated.
        var sigX = width - Margin - 220;
        var signer = c.Signatory ?? new CertificateSignatory(null, c.PunongBarangay, "Punong Barangay", false);
        if (signer.ForPunongBarangay) g.DrawString(T(c, "For the Punong Barangay:"), fonts.Normal, ink, new XRect(sigX, y - 54, 220, 16), XStringFormats.TopLeft);
        // The signature sits on the line above the printed name, as signed by hand.
        DrawImage(g, signature, sigX + 60, y - 36, 100, 36);
        g.DrawString(signer.Name.ToUpper(Ph), fonts.Bold, ink, new XRect(sigX, y, 220, 16), XStringFormats.TopCenter);
        g.DrawLine(XPens.Black, sigX + 10, y + 17, sigX + 210, y + 17);
        g.DrawString(signer.Position, fonts.Normal, ink, new XRect(sigX, y + 20, 220, 16), XStringFormats.TopCenter);

        // Window details, left: what the clearance carries at the window.
        var dy = y;
        foreach (var (label, value) in WindowDetails(c, issued))
        {
            g.DrawString(label + ":", fonts.Small, ink, new XRect(Margin, dy, 78, 12), XStringFormats.TopLeft);
            tf.DrawString(value, fonts.Small, ink, new XRect(Margin + 80, dy, sigX - Margin - 88, 24));
            dy += value.Length > 44 ? 24 : 12.5;
        }

        // The holder signs and presses their right thumb at the window.
        var boxY = Math.Max(dy + 8 + (c.PhotoBox ? PhotoRaise : 0), y + 60);
        var pen = new XPen(XColors.Black, 0.6);
        // An ID-like type: the holder's photo left of the boxes, its bottom on theirs.
        if (c.PhotoBox) DrawPhotoBox(g, photo, sigX - PhotoSize, boxY + 50 - PhotoSize, pen, fonts);
        g.DrawRectangle(pen, sigX + 10, boxY, 130, 50);
        g.DrawString(T(c, "Signature of holder"), fonts.Small, ink, new XRect(sigX + 10, boxY + 52, 130, 12), XStringFormats.TopCenter);
        g.DrawRectangle(pen, sigX + 150, boxY - 10, 60, 60);
        g.DrawString(T(c, "Right thumbmark"), fonts.Small, ink, new XRect(sigX + 140, boxY + 52, 80, 12), XStringFormats.TopCenter);
    }

    /// <summary>1×1 inch, the ID picture paper clearances ask for.</summary>
    private const double PhotoSize = 72;
    /// <summary>How much higher than the 60-point thumbmark box the photo reaches (plus a hairline of air below the window details).</summary>
    private const double PhotoRaise = PhotoSize - 60 + 2;

    /// <summary>
    /// The holder's photo filling its box; with none on record (or one that is not a picture), the box stays empty and
    /// says so, to paste a photo in and sign across it at the window, as on the paper form.
    /// </summary>
    private static void DrawPhotoBox(XGraphics g, byte[]? photo, double x, double y, XPen pen, Fonts fonts)
    {
        var drawn = CertificateArt.Draw(g, photo, x, y, PhotoSize, PhotoSize, keep: false, cover: true);
        if (!drawn)
        {
            var tf = new XTextFormatter(g) { Alignment = XParagraphAlignment.Center };
            tf.DrawString("No photo on record.\nAffix a 1×1 photo here; the holder signs across it.", fonts.Tiny, XBrushes.DimGray,
                new XRect(x + 4, y + 20, PhotoSize - 8, PhotoSize - 24));
        }
        g.DrawRectangle(pen, x, y, PhotoSize, PhotoSize);
        g.DrawString("Photo of holder", fonts.Small, XBrushes.Black, new XRect(x - 10, y + PhotoSize + 2, PhotoSize + 20, 12), XStringFormats.TopCenter);
    }

    /// <summary>Control number, dates, validity, the official receipt (number, amount, date) or waiver, and the CTC (cedula) when the type asks for it.</summary>
    internal static List<(string Label, string Value)> WindowDetails(CertificateData c, DateTime issued)
    {
        var on = CultureOf(c);
        var details = new List<(string, string)>
        {
            (T(c, "Control No."), c.ControlNumber),
            (T(c, "Date issued"), issued.ToString("MMMM d, yyyy", on)),
            (T(c, "Valid until"), c.ValidUntil.ToString("MMMM d, yyyy", on)),
        };
        if (c.Waiver is not null) details.Add((T(c, "Fee"), T(c, "Waived: {0}", c.Waiver)));
        else if (c.OrNumber is not null)
        {
            details.Add((T(c, "O.R. No."), c.OrNumber));
            details.Add((T(c, "Amount paid"), "₱" + c.Fee.ToString("N2", Ph)));
            if (c.OrDate is { } paid) details.Add((T(c, "O.R. date"), paid.ToString("MMMM d, yyyy", on)));
        }
        else details.Add((T(c, "Fee"), T(c, "None")));
        if (c.Ctc is { } ctc)
        {
            // Blank lines when the window has not filled them: written in by hand, never left out.
            details.Add((T(c, "CTC No."), Blank(ctc.Number)));
            details.Add((T(c, "CTC issued on"), Blank(ctc.IssuedOn)));
            details.Add((T(c, "CTC issued at"), Blank(ctc.IssuedAt)));
        }
        return details;
    }

    private static string Blank(string? s) => string.IsNullOrWhiteSpace(s) ? "____________________" : s;

    private static void DrawFooter(XGraphics g, double width, double height, CertificateData c, string verifyUrl, string scanUrl, Fonts fonts)
    {
        var tf = new XTextFormatter(g) { Alignment = XParagraphAlignment.Left };
        var qrY = height - QrBottomMargin - QrSize;
        DrawQr(g, scanUrl, Margin, qrY, QrSize);
        var signedNote = c.SignedPayload is null
            ? T(c, "Scan to check that this certificate is genuine:") + "\n" + verifyUrl
            : T(c, "Scan with any phone camera to check that this certificate is genuine (works offline), or open:") + "\n" + verifyUrl;
        tf.DrawString(signedNote, fonts.Small, XBrushes.Black, new XRect(Margin + QrSize + 12, qrY + 24, width - 2 * Margin - QrSize - 12, 40));
        if (c.KeyFingerprint is { } fingerprint)
        {
            // Small, for whoever checks by hand: the key's fingerprint as the public keys page lists it.
            tf.DrawString(T(c, "Signed with the barangay's key, SHA-256 fingerprint:") + "\n" + fingerprint, fonts.Tiny, XBrushes.DimGray,
                new XRect(Margin + QrSize + 12, qrY + 62, width - 2 * Margin - QrSize - 12, 20));
        }
        if (c.DrySealLine is { } dry)
            g.DrawString(dry, fonts.Bold, XBrushes.Black, new XRect(0, height - Margin - 12, width, 14), XStringFormats.TopCenter);
        g.DrawString(T(c, "Not valid with erasures or alterations. Purpose: {0}", Clip(c.Purpose, 80)), fonts.Small, XBrushes.DimGray,
            new XRect(0, height - Margin + 2, width, 12), XStringFormats.TopCenter);
    }

    /// <summary>Words wrapped to <paramref name="width"/>, measured with the font that draws them; paragraph breaks kept.</summary>
    internal static List<string> Wrap(XGraphics g, string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
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
        }
        return lines;
    }

    /// <summary>One line, its words spread to the full width when <paramref name="justify"/> (all but a paragraph's last).</summary>
    internal static void DrawLine(XGraphics g, string line, XFont font, double x, double y, double width, bool justify)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!justify || words.Length < 2)
        {
            g.DrawString(line, font, XBrushes.Black, new XRect(x, y, width, font.GetHeight()), XStringFormats.TopLeft);
            return;
        }
        var widths = words.Select(w => g.MeasureString(w, font).Width).ToArray();
        var gap = (width - widths.Sum()) / (words.Length - 1);
        if (gap > font.Size * 1.5) gap = g.MeasureString(" ", font).Width; // a short last line of a paragraph stays ragged
        for (var i = 0; i < words.Length; i++)
        {
            g.DrawString(words[i], font, XBrushes.Black, new XRect(x, y, widths[i] + 1, font.GetHeight()), XStringFormats.TopLeft);
            x += widths[i] + gap;
        }
    }

    /// <summary>
    /// "Republic of the Philippines / Province of … / Municipality (or City) of …" above the barangay's name. A
    /// municipality setting that already says "City" ("City of Malolos", "Malolos City") is printed as it is.
    /// Certificates frozen before these were kept print their old "Region / Municipality/City of" lines.
    /// </summary>
    internal static IEnumerable<string> HeaderLines(CertificateData c)
    {
        yield return T(c, "Republic of the Philippines");
        if (c.Province is null && c.Municipality is null)
        {
            if (c.Region.Length > 0) yield return c.Region;
            if (c.Locality.Length > 0) yield return T(c, "Municipality/City of {0}", c.Locality);
            yield break;
        }
        if (!string.IsNullOrWhiteSpace(c.Province)) yield return T(c, "Province of {0}", c.Province.Trim());
        if (!string.IsNullOrWhiteSpace(c.Municipality))
        {
            var m = c.Municipality.Trim();
            yield return m.Contains("City", StringComparison.OrdinalIgnoreCase) ? m : T(c, "Municipality of {0}", m);
        }
    }

    /// <summary>An uploaded picture, drawn from <see cref="CertificateArt"/>'s prepared page (decoded once per picture, not per certificate).</summary>
    private static void DrawImage(XGraphics g, byte[]? bytes, double x, double y, double w, double h) => CertificateArt.Draw(g, bytes, x, y, w, h);

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

    /// <summary>
    /// The certificate's own fixed words in its language (<see cref="CertificateData.Language"/>, chosen per document,
    /// issue 26 item 4); a certificate frozen without one is English, as it always printed.
    /// </summary>
    private static string T(CertificateData c, string key, params object?[] args) => Localization.Texts.Format(key, CultureOf(c), args);

    private static bool IsFilipino(CertificateData c) => Localization.AppLanguages.Match(c.Language) == Localization.AppLanguages.Filipino;

    private static CultureInfo CultureOf(CertificateData c) => IsFilipino(c) ? Localization.AppLanguages.FilipinoCulture : Ph;

    private static string Ordinal(int day) => day + (day % 100 is 11 or 12 or 13 ? "th" : (day % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
