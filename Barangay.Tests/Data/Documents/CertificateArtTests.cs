using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Barangay.Data.Documents;

namespace Barangay.Tests.Data.Documents;

/// <summary>
/// The pictures on a certificate come from <see cref="CertificateArt"/>'s cache (a picture is prepared once, not per
/// certificate): the printed page shows the seal it was given — a changed seal prints the new one at once — and a
/// picture that is not one is left out without failing the certificate.
/// </summary>
public class CertificateArtTests
{
    [Fact]
    public async Task Render_SealChangedBetweenTwoCertificates_EachPrintsTheSealItWasGiven()
    {
        var red = Square(64, (200, 20, 20));
        var blue = Square(64, (20, 40, 200));

        var first = await PixelAtSealAsync(CertificatePdf.Render(CertificatePdfTests.Sample(), "https://hall.example/verify/a", red));
        var again = await PixelAtSealAsync(CertificatePdf.Render(CertificatePdfTests.Sample(), "https://hall.example/verify/b", red));
        var changed = await PixelAtSealAsync(CertificatePdf.Render(CertificatePdfTests.Sample(), "https://hall.example/verify/c", blue));

        first.Should().Be((200, 20, 20), "the seal is drawn where the header puts it");
        again.Should().Be(first, "the second certificate prints the same seal from the cache");
        changed.Should().Be((20, 40, 200), "a new seal is another picture: the cache cannot print the old one");
    }

    [Fact]
    public async Task Render_SealThatIsNotAPicture_LeftOutAndTheCertificateStillPrints()
    {
        var pdf = CertificatePdf.Render(CertificatePdfTests.Sample(), "https://hall.example/verify/x", Encoding.ASCII.GetBytes("not a picture at all"));

        (await PixelAtSealAsync(pdf)).Should().Be((255, 255, 255));
        (await CertificateSigningTests.PdfTextAsync(pdf)).Should().Contain("BARANGAY CLEARANCE");
    }

    [Fact]
    public void Render_ManyDistinctPictures_CacheStaysBounded()
    {
        for (var i = 0; i < CertificateArt.MaxEntries + 5; i++)
            CertificatePdf.Render(CertificatePdfTests.Sample(), "https://hall.example/verify/n", Square(8, ((byte)i, 0, 0)));

        CertificateArt.Count.Should().BeLessThanOrEqualTo(CertificateArt.MaxEntries);
    }

    /// <summary>The colour at the middle of the barangay's seal (72×72 pt at the header's top left).</summary>
    private static Task<(int R, int G, int B)> PixelAtSealAsync(byte[] pdf) => PixelAtAsync(pdf, 56 + 36, 56 - 8 + 36);

    /// <summary>The colour at (<paramref name="x"/>, <paramref name="y"/>) points from the top left of the first page, as poppler renders it at 72 dpi.</summary>
    internal static async Task<(int R, int G, int B)> PixelAtAsync(byte[] pdf, int x, int y) => (await FirstPageAsync(pdf)).At(x, y);

    /// <summary>The first page as poppler renders it at 72 dpi: one pixel per point.</summary>
    internal static async Task<Raster> FirstPageAsync(byte[] pdf)
    {
        var dir = Directory.CreateTempSubdirectory("cert-art-");
        try
        {
            var path = Path.Combine(dir.FullName, "c.pdf");
            await File.WriteAllBytesAsync(path, pdf);
            await RunAsync("pdftoppm", "-r", "72", "-f", "1", "-l", "1", path, Path.Combine(dir.FullName, "page"));
            var ppm = await File.ReadAllBytesAsync(Directory.GetFiles(dir.FullName, "page*.ppm").Single());
            // "P6\n<w> <h>\n255\n" then RGB rows.
            var header = Encoding.ASCII.GetString(ppm, 0, 32).Split('\n');
            var size = header[1].Split(' ');
            var offset = header[0].Length + header[1].Length + header[2].Length + 3;
            return new Raster(int.Parse(size[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(size[1], System.Globalization.CultureInfo.InvariantCulture), ppm[offset..]);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>RGB pixels, row by row.</summary>
    internal sealed record Raster(int Width, int Height, byte[] Rgb)
    {
        public (int R, int G, int B) At(int x, int y)
        {
            var i = (y * Width + x) * 3;
            return (Rgb[i], Rgb[i + 1], Rgb[i + 2]);
        }

        /// <summary>The smallest rectangle holding every pixel of <paramref name="colour"/> (give or take 8 per channel); null when there is none.</summary>
        public (int Left, int Top, int Right, int Bottom)? BoundsOf((int R, int G, int B) colour)
        {
            (int L, int T, int R, int B)? box = null;
            for (var y = 0; y < Height; y++)
            for (var x = 0; x < Width; x++)
            {
                var (r, g, b) = At(x, y);
                if (Math.Abs(r - colour.R) > 8 || Math.Abs(g - colour.G) > 8 || Math.Abs(b - colour.B) > 8) continue;
                box = box is { } k ? (Math.Min(k.L, x), Math.Min(k.T, y), Math.Max(k.R, x), Math.Max(k.B, y)) : (x, y, x, y);
            }
            return box;
        }
    }

    /// <summary>The PDF's pages as PNGs (<c>pdftoppm -r 60 -png</c>), <paramref name="prefix"/>-1.png and on, to be looked at.</summary>
    internal static async Task PngAsync(byte[] pdf, string prefix)
    {
        var path = prefix + ".pdf";
        await File.WriteAllBytesAsync(path, pdf);
        await RunAsync("pdftoppm", "-r", "60", "-png", path, prefix);
    }

    private static async Task RunAsync(string tool, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardError = true })!;
        var error = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        p.ExitCode.Should().Be(0, error);
    }

    /// <summary>A square PNG of one colour.</summary>
    internal static byte[] Square(int size, (byte R, byte G, byte B) colour) => Picture(size, size, colour);

    /// <summary>A PNG of one colour, <paramref name="width"/> by <paramref name="height"/> pixels.</summary>
    internal static byte[] Picture(int width, int height, (byte R, byte G, byte B) colour)
    {
        var raw = new byte[height * (width * 3 + 1)];
        for (var row = 0; row < height; row++)
        for (var col = 0; col < width; col++)
        {
            var i = row * (width * 3 + 1) + 1 + col * 3;
            (raw[i], raw[i + 1], raw[i + 2]) = colour;
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        Chunk(png, "IHDR", header);
        using (var z = new MemoryStream())
        {
            using (var zlib = new ZLibStream(z, CompressionLevel.Fastest, leaveOpen: true)) zlib.Write(raw);
            Chunk(png, "IDAT", z.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        s.Write(typed);
        var crc = 0xFFFFFFFFu;
        foreach (var b in typed)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        BinaryPrimitives.WriteUInt32BigEndian(len, ~crc);
        s.Write(len);
    }
}
