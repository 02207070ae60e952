using System.Text;
using Barangay.Data.Imports;
using Barangay.Data.Residents;

namespace Barangay.Tests.Data.Imports;

/// <summary>Reading the files people actually have: BOMs, Windows-1252, semicolons, line breaks in quotes, dates written every way.</summary>
public class ImportFileTests
{
    static ImportFileTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static List<string[]> Rows(string fileName, byte[] bytes)
    {
        var (sheet, refusal) = ImportFile.Open(fileName, bytes);
        refusal.Should().BeNull();
        return sheet!.Rows.ToList();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Open_Utf8WithOrWithoutBom_ReadsTheEnye(bool bom)
    {
        var text = "Apelyido,Pangalan\r\nPeña,Niño\r\n";
        var bytes = bom ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text);
        var (sheet, _) = ImportFile.Open("people.csv", bytes);
        sheet!.Headers.Should().Equal("Apelyido", "Pangalan");
        sheet.Rows.Single().Should().Equal("Peña", "Niño");
    }

    [Fact]
    public void Open_Windows1252WithSemicolons_ReadsTheEnyeAndSplitsOnSemicolons()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes("Apelyido;Pangalan;Tirahan\r\nMuñoz;José;Lot 1, Blk 2\r\n");
        Rows("people.csv", bytes).Single().Should().Equal("Muñoz", "José", "Lot 1, Blk 2");
    }

    [Fact]
    public void Open_QuotedFieldsWithLineBreaksAndQuotes_KeepsThemInOneField()
    {
        var bytes = Encoding.UTF8.GetBytes("Last name,First name,Address\n\"Dela Cruz\",Juan,\"Lot 1\nBlk 2, \"\"Looban\"\"\"\nReyes,Ana,Here\n");
        var rows = Rows("people.csv", bytes);
        rows.Should().HaveCount(2);
        rows[0][2].Should().Be("Lot 1\nBlk 2, \"Looban\"");
        rows[1].Should().Equal("Reyes", "Ana", "Here");
    }

    [Fact]
    public void Refusal_EmptyFile_SaysItIsEmpty() =>
        ImportFile.Refusal("people.csv", []).Should().Contain("empty");

    [Fact]
    public void Refusal_PdfRenamedCsv_SaysWhatItIs() =>
        ImportFile.Refusal("people.csv", Encoding.ASCII.GetBytes("%PDF-1.7\n\u0001\u0002binary")).Should().Contain("not a CSV file").And.Contain("PDF");

    [Fact]
    public void Refusal_WordDocument_OnlyCsvOrXlsx() =>
        ImportFile.Refusal("people.docx", [0x50, 0x4B, 0x03, 0x04]).Should().Contain("Only CSV or XLSX");

    [Fact]
    public void Refusal_TextRenamedXlsx_IsNotAWorkbook() =>
        ImportFile.Refusal("people.xlsx", Encoding.UTF8.GetBytes("a,b\n1,2")).Should().Contain("not an Excel workbook");

    [Theory]
    [InlineData("1990-03-15", 1990, 3, 15)]
    [InlineData("03/15/1990", 1990, 3, 15)]
    [InlineData("15/03/1990", 1990, 3, 15)]
    [InlineData("15 Mar 1990", 1990, 3, 15)]
    [InlineData("March 15, 1990", 1990, 3, 15)]
    [InlineData("15 Marso 1990", 1990, 3, 15)]
    [InlineData("04/04/1990", 1990, 4, 4)]
    public void ParseDate_AcceptedForms_ReadTheSameDay(string text, int y, int m, int d) =>
        ImportDates.Parse(text).Value.Should().Be(new DateOnly(y, m, d));

    [Fact]
    public void ParseDate_MonthAndDayBothUnder13_IsFlaggedAmbiguousNotGuessed()
    {
        var date = ImportDates.Parse("03/04/1990");
        date.Value.Should().BeNull();
        date.Kind.Should().Be(ImportErrorKinds.AmbiguousDate);
        date.Problem.Should().Contain("4 March 1990").And.Contain("3 April 1990");
    }

    [Fact]
    public void ParseDate_AmbiguousWithTheUsersChosenOrder_ReadsThatOrder()
    {
        ImportDates.Parse("03/04/1990", DateOrders.DayFirst).Value.Should().Be(new DateOnly(1990, 4, 3));
        ImportDates.Parse("03/04/1990", DateOrders.MonthFirst).Value.Should().Be(new DateOnly(1990, 3, 4));
    }

    [Theory]
    [InlineData("02/30/1990", ImportErrorKinds.ImpossibleDate)]
    [InlineData("1990-13-01", ImportErrorKinds.ImpossibleDate)]
    [InlineData("31 Feb 1990", ImportErrorKinds.ImpossibleDate)]
    [InlineData("next tuesday", ImportErrorKinds.BadDate)]
    [InlineData("03/15/90", ImportErrorKinds.BadDate)]
    [InlineData("", ImportErrorKinds.Missing)]
    public void ParseDate_BadOrImpossible_NamesTheKind(string text, string kind) =>
        ImportDates.Parse(text).Kind.Should().Be(kind);

    [Fact]
    public void Guess_FilipinoHeaders_MapsEveryField()
    {
        var headers = new[] { "Apelyido", "Pangalan", "Gitnang pangalan", "Kaarawan", "Kasarian", "Purok", "Tirahan", "Katayuang sibil" };
        var map = ImportFields.Guess(ImportTargets.Residents, headers);
        map.Should().BeEquivalentTo(new Dictionary<string, int>
        {
            [nameof(ResidentEdit.LastName)] = 0, [nameof(ResidentEdit.FirstName)] = 1, [nameof(ResidentEdit.MiddleName)] = 2, [nameof(ResidentEdit.Dob)] = 3,
            [nameof(ResidentEdit.Sex)] = 4, [nameof(ResidentEdit.Purok)] = 5, [nameof(ResidentEdit.Address)] = 6, [nameof(ResidentEdit.MaritalStatus)] = 7,
        });
    }

    [Theory]
    [InlineData("Kapanganakan")]
    [InlineData("Petsa ng Pagsilang")]
    [InlineData("Bday")]
    [InlineData("Date born")]
    public void Guess_BirthDateSynonym_IsTheBirthDate(string header)
    {
        var map = ImportFields.Guess(ImportTargets.Residents, ["Apelyido", "Pangalan", header, "Lugar ng Kapanganakan", "Purok"]);

        map[nameof(ResidentEdit.Dob)].Should().Be(2);
        map[nameof(ResidentEdit.PlaceOfBirth)].Should().Be(3, "the place of birth is not taken for the birth date");
    }

    [Fact]
    public void Guess_EnglishHeaders_MapsEveryField()
    {
        var map = ImportFields.Guess(ImportTargets.Residents, ["Surname", "Given name", "Middle Name", "Date of Birth", "Gender", "Purok/Sitio", "Civil Status", "Mobile Number"]);
        map[nameof(ResidentEdit.LastName)].Should().Be(0);
        map[nameof(ResidentEdit.FirstName)].Should().Be(1);
        map[nameof(ResidentEdit.MiddleName)].Should().Be(2);
        map[nameof(ResidentEdit.Dob)].Should().Be(3);
        map[nameof(ResidentEdit.Sex)].Should().Be(4);
        map[nameof(ResidentEdit.Purok)].Should().Be(5);
        map[nameof(ResidentEdit.MaritalStatus)].Should().Be(6);
        map[nameof(ResidentEdit.ContactNumber)].Should().Be(7);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"x\")", true)]
    [InlineData("@SUM(A1)", true)]
    [InlineData("+cmd|' /C calc'!A0", true)]
    [InlineData("- none -", false)]
    [InlineData("+63 917 123 4567", false)]
    [InlineData("Dela Cruz", false)]
    public void LooksLikeFormula_FormulaStarts_AreCaught(string cell, bool formula) =>
        ImportCells.LooksLikeFormula(cell).Should().Be(formula);
}
