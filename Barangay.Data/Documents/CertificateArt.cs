using System.Collections.Concurrent;
using System.Security.Cryptography;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Barangay.Data.Documents;

/// <summary>
/// The pictures a certificate prints (the seals, the signature, the holder's photo), as PDFsharp draws them. Drawn
/// straight from a PNG, PDFsharp decodes the picture and compresses its pixels again for every certificate: about
/// 2 ms per picture, more than half of a certificate's rendering (issue 22, <c>certificate_pdf_ms</c>). Here a picture
/// becomes a one-page PDF once, and each certificate imports that page with its image already compressed (about
/// 0.1 ms). The cache is keyed by the SHA-256 of the picture's bytes, so a changed seal or signature is simply another
/// key: nothing to invalidate, and no certificate can print a picture other than the bytes it was given. Entries are
/// immutable byte arrays (safe from any thread); the cache is cleared when it grows past <see cref="MaxEntries"/>.
/// </summary>
internal static class CertificateArt
{
    /// <summary>Two seals and the signatures of a council's officials, with room to spare.</summary>
    internal const int MaxEntries = 64;

    private static readonly ConcurrentDictionary<string, byte[]> Pages = new(StringComparer.Ordinal);

    /// <summary>How many pictures are kept (for tests).</summary>
    internal static int Count => Pages.Count;

    /// <summary>
    /// Draws <paramref name="bytes"/> centred in the box, keeping its proportions; false when there is nothing to draw.
    /// A picture PDFsharp cannot read is left out rather than failing the certificate. <paramref name="keep"/> false (a
    /// holder's photo, printed once or twice) converts without keeping it. <paramref name="cover"/> fills the box and
    /// trims what overflows (a photo in an ID box) instead of fitting the whole picture inside it (a seal, a signature).
    /// </summary>
    public static bool Draw(XGraphics g, byte[]? bytes, double x, double y, double w, double h, bool keep = true, bool cover = false)
    {
        if (bytes is not { Length: > 0 }) return false;
        var pdf = keep ? Cached(bytes) : AsPage(bytes);
        if (pdf.Length == 0) return false;
        using var stream = new MemoryStream(pdf, writable: false);
        using var page = XPdfForm.FromStream(stream);
        var (sw, sh) = (w / page.PointWidth, h / page.PointHeight);
        var scale = cover ? Math.Max(sw, sh) : Math.Min(sw, sh);
        var (iw, ih) = (page.PointWidth * scale, page.PointHeight * scale);
        var state = g.Save();
        if (cover) g.IntersectClip(new XRect(x, y, w, h));
        g.DrawImage(page, x + (w - iw) / 2, y + (h - ih) / 2, iw, ih);
        g.Restore(state);
        return true;
    }

    private static byte[] Cached(byte[] bytes)
    {
        var key = Convert.ToHexString(SHA256.HashData(bytes));
        if (Pages.TryGetValue(key, out var pdf)) return pdf;
        pdf = AsPage(bytes);
        if (Pages.Count >= MaxEntries) Pages.Clear();
        return Pages.GetOrAdd(key, pdf);
    }

    /// <summary>The picture alone on a page of its own size; empty when it is not a picture PDFsharp reads.</summary>
    private static byte[] AsPage(byte[] bytes)
    {
        // A PNG or JPEG a PDF reads as it is goes in without decoding (the holder's photo, new for every certificate).
        if (PicturePage.Build(bytes) is { } direct) return direct;
        CertificateFonts.Install();
        try
        {
            using var input = new MemoryStream(bytes, writable: false);
            using var image = XImage.FromStream(input);
            using var document = new PdfDocument();
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(image.PointWidth);
            page.Height = XUnit.FromPoint(image.PointHeight);
            using (var g = XGraphics.FromPdfPage(page)) g.DrawImage(image, 0, 0, image.PointWidth, image.PointHeight);
            using var output = new MemoryStream();
            document.Save(output, closeStream: false);
            return output.ToArray();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException or IOException)
        {
            return [];
        }
    }
}
