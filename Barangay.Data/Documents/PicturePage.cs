using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Barangay.Data.Documents;

/// <summary>
/// A PNG alone on a one-page PDF, written without decoding it (issue 22, <c>certificate_pdf_ms</c>). The holder's
/// photo differs per certificate, so <see cref="CertificateArt"/>'s cache cannot spare its conversion, and PDFsharp
/// decodes a PNG pixel by pixel and compresses the pixels again (about 80–110 ms for a 300×300 photo under load). A PDF
/// reads a PNG's compressed rows as they are (Flate with PNG predictors, ISO 32000-1 §7.4.4.4), so the same pixels
/// print from the file's own bytes. Null for anything else (a JPEG, a palette, transparency, 16-bit, interlaced or
/// damaged PNG): the caller then goes through PDFsharp as before (which passes a JPEG through without decoding).
/// </summary>
internal static class PicturePage
{
    internal static byte[]? Build(byte[] bytes) => Png(bytes);

    private static byte[]? Png(byte[] bytes)
    {
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (bytes.Length < 8 + 25 || !bytes.AsSpan(0, 8).SequenceEqual(signature)) return null;
        int width = 0, height = 0, colors = 0;
        using var rows = new MemoryStream();
        var at = 8;
        while (at + 12 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            if (length < 0 || at + 12L + length > bytes.Length) return null;
            var type = bytes.AsSpan(at + 4, 4);
            var data = bytes.AsSpan(at + 8, length);
            if (type.SequenceEqual("IHDR"u8))
            {
                if (length != 13) return null;
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                // 8 bits per sample; grey (0) or RGB (2); deflate, adaptive filtering, not interlaced.
                if (data[8] != 8 || data[10] != 0 || data[11] != 0 || data[12] != 0) return null;
                colors = data[9] switch { 0 => 1, 2 => 3, _ => 0 };
                if (colors == 0) return null;
            }
            else if (type.SequenceEqual("tRNS"u8)) return null;
            // Pixels that are not square would change the picture's proportions: PDFsharp's way.
            else if (type.SequenceEqual("pHYs"u8) && (length != 9 || !data[..4].SequenceEqual(data.Slice(4, 4)))) return null;
            else if (type.SequenceEqual("IDAT"u8)) rows.Write(data);
            else if (type.SequenceEqual("IEND"u8)) break;
            at += 12 + length;
        }
        if (width <= 0 || height <= 0 || colors == 0 || rows.Length == 0 || !Whole(rows.ToArray(), width, height, colors)) return null;
        var dictionary = string.Create(CultureInfo.InvariantCulture,
            $"/Type/XObject/Subtype/Image/Width {width}/Height {height}/ColorSpace/{(colors == 3 ? "DeviceRGB" : "DeviceGray")}/BitsPerComponent 8/Filter/FlateDecode/DecodeParms<</Predictor 15/Colors {colors}/BitsPerComponent 8/Columns {width}>>");
        return Page(width, height, dictionary, rows.ToArray());
    }

    /// <summary>
    /// The rows inflate to exactly the picture, each behind a valid filter byte: a damaged PNG is left to PDFsharp,
    /// which refuses it (and the box says there is no photo) rather than printing a broken picture.
    /// </summary>
    private static bool Whole(byte[] compressed, int width, int height, int colors)
    {
        var stride = 1L + (long)width * colors;
        if (stride * height > 64L * 1024 * 1024) return false;
        var raw = new byte[stride * height];
        try
        {
            using var zlib = new System.IO.Compression.ZLibStream(new MemoryStream(compressed, writable: false), System.IO.Compression.CompressionMode.Decompress);
            var read = 0;
            while (read < raw.Length && zlib.Read(raw, read, raw.Length - read) is var n && n > 0) read += n;
            if (read != raw.Length || zlib.ReadByte() != -1) return false;
        }
        catch (InvalidDataException)
        {
            return false;
        }
        for (long row = 0; row < height; row++)
            if (raw[row * stride] > 4) return false;
        return true;
    }

    /// <summary>The PDF: a page of the picture's size (one point a pixel; only the proportions count) showing it whole.</summary>
    private static byte[] Page(int width, int height, string imageDictionary, byte[] imageData)
    {
        using var pdf = new MemoryStream(imageData.Length + 1024);
        var offsets = new List<long>();
        void Text(string s) => pdf.Write(Encoding.ASCII.GetBytes(s));
        void Object(string body)
        {
            offsets.Add(pdf.Position);
            Text(string.Create(CultureInfo.InvariantCulture, $"{offsets.Count} 0 obj\n{body}\nendobj\n"));
        }
        Text("%PDF-1.4\n");
        Object("<</Type/Catalog/Pages 2 0 R>>");
        Object("<</Type/Pages/Kids[3 0 R]/Count 1>>");
        Object(string.Create(CultureInfo.InvariantCulture, $"<</Type/Page/Parent 2 0 R/MediaBox[0 0 {width} {height}]/Resources<</XObject<</Im0 4 0 R>>>>/Contents 5 0 R>>"));
        offsets.Add(pdf.Position);
        Text(string.Create(CultureInfo.InvariantCulture, $"4 0 obj\n<<{imageDictionary}/Length {imageData.Length}>>\nstream\n"));
        pdf.Write(imageData);
        Text("\nendstream\nendobj\n");
        var content = string.Create(CultureInfo.InvariantCulture, $"q {width} 0 0 {height} 0 0 cm /Im0 Do Q");
        Object(string.Create(CultureInfo.InvariantCulture, $"<</Length {content.Length}>>\nstream\n{content}\nendstream"));
        var xref = pdf.Position;
        var table = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n"));
        foreach (var offset in offsets) table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        table.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {offsets.Count + 1}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n");
        Text(table.ToString());
        return pdf.ToArray();
    }
}
