using System.Text;
using Barangay.Data.Documents;

namespace Barangay.Tests.Data.Documents;

/// <summary>
/// The holder's photo goes into the certificate from the PNG's own compressed rows (<see cref="PicturePage"/>), not
/// decoded and compressed again; a PNG the PDF cannot take as it is goes through PDFsharp as before. That the same
/// pixels print is checked by <see cref="CertificatePhotoTests"/> and <see cref="CertificateArtTests"/> (by pixels).
/// </summary>
public class PicturePageTests
{
    private static byte[] IdatOf(byte[] png)
    {
        var at = 8;
        while (true)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            if (Encoding.ASCII.GetString(png, at + 4, 4) == "IDAT") return png.AsSpan(at + 8, length).ToArray();
            at += 12 + length;
        }
    }

    [Fact]
    public void Build_RgbPng_APageCarryingThePngsOwnRows()
    {
        var png = CertificateArtTests.Picture(30, 20, (200, 20, 20));

        var page = PicturePage.Build(png);

        page.Should().NotBeNull();
        var text = Encoding.Latin1.GetString(page!);
        text.Should().StartWith("%PDF-").And.Contain("/Width 30/Height 20").And.Contain("/Predictor 15/Colors 3").And.EndWith("%%EOF\n");
        text.Should().Contain(Encoding.Latin1.GetString(IdatOf(png)), "the rows go in as they are, not decoded and compressed again");
    }

    [Fact]
    public void Build_DamagedOrTransparentPng_LeftToPdfSharp()
    {
        var png = CertificateArtTests.Picture(30, 20, (200, 20, 20));
        var damaged = png.ToArray();
        var idat = Encoding.Latin1.GetString(damaged).IndexOf("IDAT", StringComparison.Ordinal);
        damaged[idat + 8 + 4] ^= 0xFF;
        var rgba = png.ToArray();
        rgba[8 + 8 + 9] = 6; // IHDR colour type: RGB with alpha

        PicturePage.Build(damaged).Should().BeNull("a damaged picture must not print as a broken one");
        PicturePage.Build(rgba).Should().BeNull();
        PicturePage.Build(Barangay.Tests.Data.Files.SampleFiles.Jpeg).Should().BeNull();
    }
}
