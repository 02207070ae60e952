using Barangay.Data.Files;

namespace Barangay.Tests.Data.Files;

public class FileContentCheckTests
{
    [Theory]
    [InlineData("clearance.pdf", "pdf")]
    [InlineData("ID front.PNG", "png")]
    [InlineData("selfie.jpg", "jpeg")]
    [InlineData("selfie.jpeg", "jpeg")]
    public void Check_RealHeaders_Accepted(string name, string kind)
    {
        var content = kind switch { "pdf" => SampleFiles.Pdf, "png" => SampleFiles.Png, _ => SampleFiles.Jpeg };

        var result = FileContentCheck.Check(name, content, FileKinds.Documents);

        result.Accepted.Should().BeTrue(result.Refusal);
        result.Kind!.ShortName.Should().BeEquivalentTo(kind);
    }

    [Fact]
    public void Check_WindowsProgramRenamedPdf_RefusedSayingWhy()
    {
        var result = FileContentCheck.Check("resibo.pdf", SampleFiles.WindowsProgram, FileKinds.Documents);

        result.Accepted.Should().BeFalse();
        result.Refusal.Should().Be("This file is not a PDF: its content looks like a Windows program.");
    }

    [Fact]
    public void Check_PngNamedJpg_RefusedAsNotJpeg()
    {
        FileContentCheck.Check("photo.jpg", SampleFiles.Png, FileKinds.Images).Refusal
            .Should().Be("This file is not a JPEG image: its content looks like a PNG image.");
    }

    [Fact]
    public void Check_CsvWithBomAndEnye_Accepted()
    {
        var result = FileContentCheck.Check("residents.csv", SampleFiles.CsvWithBomAndEnye, FileKinds.Spreadsheets);

        result.Accepted.Should().BeTrue(result.Refusal);
        result.Kind!.Kind.Should().Be(FileKinds.Csv);
    }

    [Fact]
    public void Check_CsvInLatin1_RefusedAsNotUtf8Text()
    {
        var latin1 = System.Text.Encoding.Latin1.GetBytes("last_name\nPeñaflor\n");

        FileContentCheck.Check("residents.csv", latin1, FileKinds.Csv).Refusal
            .Should().Be("This file is not a CSV file: its content looks like data of an unknown kind.");
    }

    [Fact]
    public void Check_Xlsx_AcceptedOnlyWhenTheZipIsAWorkbook()
    {
        FileContentCheck.Check("residents.xlsx", SampleFiles.Xlsx, FileKinds.Spreadsheets).Accepted.Should().BeTrue();
        FileContentCheck.Check("residents.xlsx", SampleFiles.Docx, FileKinds.Spreadsheets).Refusal
            .Should().Be("This file is not an Excel workbook (XLSX): its content looks like a Word document.");
        FileContentCheck.Check("residents.xlsx", SampleFiles.PlainZip, FileKinds.Spreadsheets).Refusal
            .Should().Be("This file is not an Excel workbook (XLSX): its content looks like a ZIP archive.");
    }

    [Fact]
    public void Check_ExtensionNotTaken_RefusedNamingWhatIs()
    {
        FileContentCheck.Check("setup.exe", SampleFiles.WindowsProgram, FileKinds.Documents).Refusal
            .Should().Be("Only PDF, JPEG or PNG files can be uploaded here. This file's name ends in .exe.");
        FileContentCheck.Check("clearance.pdf", SampleFiles.Pdf, FileKinds.Spreadsheets).Refusal
            .Should().Be("Only XLSX or CSV files can be uploaded here. This file's name ends in .pdf.");
    }

    [Fact]
    public void Check_EmptyFile_Refused()
    {
        FileContentCheck.Check("blank.pdf", [], FileKinds.Pdf).Refusal.Should().Be("This file is empty.");
    }
}
