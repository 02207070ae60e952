using System.Text;
using Barangay.Data.Files;
using Barangay.Data.Localization;
using Barangay.Tests.Data.Files;

namespace Barangay.Tests.Data.Localization;

/// <summary>
/// Issue 26: what an upload says to a resident (the kinds it takes, why a file is refused) is in the reader's language.
/// The kinds' names and the content descriptions are keys chosen at run time, which the catalogue's literal scan
/// (<c>TextsCompletenessTests</c>) cannot see, so they are checked here one by one.
/// </summary>
public class UploadTextsInFilipinoTests
{
    private static readonly byte[][] Contents =
    [
        [], SampleFiles.WindowsProgram, [0x7F, 0x45, 0x4C, 0x46, 1, 1], SampleFiles.Pdf, SampleFiles.Png, SampleFiles.Jpeg, Encoding.ASCII.GetBytes("GIF89a...."),
        SampleFiles.Xlsx, SampleFiles.Docx, SampleFiles.PlainZip, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1], Encoding.ASCII.GetBytes("#!/bin/sh\necho hi"),
        Encoding.ASCII.GetBytes("<html><body>hi</body></html>"), SampleFiles.CsvWithBomAndEnye, [0x00, 0xFF, 0x13, 0x88, 0x01, 0x9C, 0xFE],
    ];

    private static T InFilipino<T>(Func<T> read)
    {
        using var _ = LanguageScope.Use(AppLanguages.Filipino);
        return read();
    }

    [Fact]
    public void EveryKindName_AndEveryContentDescription_HasItsFilipino()
    {
        var descriptions = Contents.Select(c => FileContentCheck.Describe(c)).Distinct().ToList();
        descriptions.Should().HaveCount(Contents.Length, "each sample shows a different description");
        var keys = FileKindInfo.All.Select(k => k.Name).Concat(descriptions).ToList();
        keys.Where(k => Texts.Find(k, AppLanguages.FilipinoCulture) is not { } f || f == k).Should().BeEmpty();
    }

    [Fact]
    public void KindsList_AndRefusals_FollowTheReadersLanguage()
    {
        FileKindInfo.List(FileKinds.Documents).Should().Be("PDF, JPEG or PNG", "tests and jobs read English");
        InFilipino(() => FileKindInfo.List(FileKinds.Documents)).Should().Be("PDF, JPEG o PNG");
        InFilipino(() => FileKindInfo.List(FileKinds.Pdf)).Should().Be("PDF");
        InFilipino(() => FileContentCheck.Check("larawan.png", SampleFiles.Jpeg, FileKinds.Images).Refusal)
            .Should().Be("Hindi PNG na larawan ang file na ito: mukhang JPEG na larawan ang laman nito.");
        InFilipino(() => FileContentCheck.Check("walang-extension", SampleFiles.Pdf, FileKinds.Documents).Refusal)
            .Should().Be("PDF, JPEG o PNG na file lang ang puwedeng i-upload dito. Walang extension ang pangalan ng file na ito.");
        InFilipino(() => FileContentCheck.Check("blangko.pdf", [], FileKinds.Documents).Refusal).Should().Be("Walang laman ang file na ito.");
        InFilipino(() => FileService.TooLarge(10L * 1024 * 1024)).Should().Be("Lampas sa 10 MB ang file na ito, ang pinakamalaking puwedeng i-upload.");
        FileService.TooLarge(10L * 1024 * 1024).Should().Be("This file is larger than 10 MB, the most that can be uploaded.");
    }
}
