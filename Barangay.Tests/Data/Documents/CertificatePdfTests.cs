using System.Diagnostics;
using System.Text;
using Barangay.Data.Documents;
using OfficeOpenXml;

namespace Barangay.Tests.Data.Documents;

/// <summary>The certificate and report files: real PDFs and workbooks, on every paper size, fast enough.</summary>
public class CertificatePdfTests
{
    internal static CertificateData Sample(string type = "Barangay Clearance") => new(
        "SAN-ISIDRO-REQ-2026-000123", "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_", type, "JUAN P. DELA CRUZ", "Blk 5 Lot 7, Calle Señor Santo Niño, Purok 1 - Sampaguita",
        "This is to certify that JUAN P. DELA CRUZ, 42 years old, married, a resident of Blk 5 Lot 7, Calle Señor Santo Niño, Barangay San Isidro, Santa Maria, Bulacan, "
        + "is known to be of good standing in this community and has no derogatory record filed in this office as of this date. This clearance is issued upon request for Employment.",
        "Employment", new DateTime(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc), new DateOnly(2027, 5, 24), "Barangay San Isidro", "Santa Maria, Bulacan",
        "Region III (Central Luzon)", "Hon. Ricardo M. Dela Cruz", null, "OR-1001", 100, null);

    [Theory]
    [InlineData("A4", 595, 842)]
    [InlineData("Letter", 612, 792)]
    [InlineData("Legal", 612, 1008)]
    public void Render_EachPaperSize_OnePagePdfOfThatSizeWithFontsEmbedded(string paper, int width, int height)
    {
        var pdf = CertificatePdf.Render(Sample(), "https://hall.example/verify/abc", null, paper);

        var text = Encoding.Latin1.GetString(pdf);
        text.Should().StartWith("%PDF-");
        text.Should().Contain($"/MediaBox[0 0 {width} {height}]");
        text.Should().Contain("+DejaVu", "the shipped font is embedded, not looked up on the machine");
        System.Text.RegularExpressions.Regex.Matches(text, @"/Type\s*/Page(?!s)").Count.Should().Be(1);
        text.Should().Contain("/URI(https://hall.example/verify/abc)", "the QR code is also a link to the check");
    }

    [Fact]
    public async Task Render_LongBody_GrowsToASecondPageWithNothingClipped()
    {
        const string sentence = "The holder is further certified to have attended the barangay's seminars on disaster preparedness and solid waste management.";
        var c = Sample() with { Body = string.Join(" ", Enumerable.Repeat(sentence, 30)) + " ENDOFTHEBODY.", Ctc = new CertificateCtc("CCI2026-0012345", null, "San Isidro") };

        var pdf = CertificatePdf.Render(c, "https://hall.example/verify/abc");

        System.Text.RegularExpressions.Regex.Matches(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page(?!s)").Count.Should().Be(2);
        var text = await CertificateSigningTests.PdfTextAsync(pdf);
        text.Should().Contain("ENDOFTHEBODY.", "the end of the body is printed, not clipped");
        var lastPage = text[(text.LastIndexOf('\f', text.Length - 2) + 1)..];
        lastPage.Should().Contain("Signature of holder").And.Contain("Right thumbmark").And.Contain("CCI2026-0012345").And.Contain("O.R. No.");
        lastPage.Should().Contain("CTC issued on").And.Contain("____", "a CTC date not entered is a line to write on");
    }

    [Theory]
    [InlineData("A4")]
    [InlineData("Letter")]
    public async Task Render_FirstTimeJobseeker_OathOfUndertakingIsItsOwnPageWithTheIrrFormsWording(string paper)
    {
        var c = Sample("First Time Jobseeker Certification") with { OathPage = true, HolderAge = 21, ResidentFor = "2 years and 3 months", Municipality = "Santa Maria" };

        var pdf = CertificatePdf.Render(c, "https://hall.example/verify/abc", paper: paper);

        await CertificateArtTests.PngAsync(pdf, Path.Combine(Barangay.Tests.Infrastructure.Screenshots.Directory, "certificate-first-time-jobseeker-" + paper));
        var text = await CertificateSigningTests.PdfTextAsync(pdf);
        var pages = text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Where(p => p.Trim().Length > 0).ToList();
        pages.Should().HaveCount(2);
        pages[0].Should().Contain("FIRST TIME JOBSEEKER CERTIFICATION").And.NotContain("OATH OF UNDERTAKING");
        var oath = System.Text.RegularExpressions.Regex.Replace(pages[1], @"\s+", " ");
        oath.Should().Contain("OATH OF UNDERTAKING").And.Contain("I, JUAN P. DELA CRUZ, 21 years of age, resident of")
            .And.Contain("for 2 years and 3 months, availing the benefits of Republic Act No. 11261")
            .And.Contain("do hereby declare, agree and undertake to abide and be bound by the following:");
        // The IRR form's undertakings, each in its place.
        oath.Should().Contain("1. That this is the first time that I will actively look for a job")
            .And.Contain("2. That I am aware that the benefits and privileges under the said law shall be valid only for one (1) year")
            .And.Contain("3. That I can avail the benefits of the law only once;")
            .And.Contain("4. That I understand that my personal information shall be included in the Roster/List of First Time Jobseekers")
            .And.Contain("5. That I will inform and/or report to the Barangay personally")
            .And.Contain("6. That I am not a beneficiary of the JobStart Program under R.A. No. 10869")
            .And.Contain("7. That if issued the requested Certification, I will not use the same in any fraud")
            .And.Contain("8. That this undertaking is made solely for the purpose of obtaining a Barangay Certification")
            .And.Contain("9. That I consent to the use of my personal information pursuant to the Data Privacy Act");
        oath.Should().Contain("Signed this ____ day of November 2026 in the City/Municipality of Santa Maria.")
            .And.Contain("First Time Jobseeker (signature over printed name)").And.Contain("Witnessed by:")
            .And.Contain("Barangay Official / Designation / Position").And.Contain("Date:");
    }

    [Fact]
    public async Task Render_FirstTimeJobseekerWithoutResidenceOnRecord_OathLeavesLinesToWriteOn()
    {
        var c = Sample("First Time Jobseeker Certification") with { OathPage = true };

        var oath = System.Text.RegularExpressions.Regex.Replace((await CertificateSigningTests.PdfTextAsync(CertificatePdf.Render(c, "https://hall.example/verify/abc"))).Split('\f')[1], @"\s+", " ");

        oath.Should().Contain("____ years of age").And.Contain("for __________, availing");
    }

    [Theory]
    [InlineData("2026-06-04", "2026-12-04", "6 months")]
    [InlineData("2026-06-05", "2026-12-04", "5 months")]
    [InlineData("2025-12-04", "2026-12-04", "1 year")]
    [InlineData("2024-09-01", "2026-12-04", "2 years and 3 months")]
    [InlineData("2025-11-04", "2026-12-04", "1 year and 1 month")]
    public void Duration_FromResidentSince_InYearsAndMonths(string since, string on, string expected) =>
        CertificateOathPage.Duration(DateOnly.Parse(since, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(expected);

    [Fact]
    public void Render_OneCertificate_Under150Milliseconds()
    {
        CertificatePdf.Render(Sample(), "https://hall.example/verify/warm-up");
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++) CertificatePdf.Render(Sample(), $"https://hall.example/verify/{i}");
        (sw.ElapsedMilliseconds / 10.0).Should().BeLessThan(150);
    }

    [Fact]
    public void CollectionReport_XlsxAndPdf_HoldEveryLineAndTheTotal()
    {
        var at = new DateTime(2026, 11, 25, 1, 30, 0, DateTimeKind.Utc);
        var report = new CollectionReport(new DateOnly(2026, 11, 25), "Barangay San Isidro",
        [
            new("REQ-2026-000001", "Dela Cruz, Juan", "Barangay Clearance", "OR-1", 100, at, "Corazon D. Ibañez", null),
            new("REQ-2026-000002", "Santos, Ana", "Business Clearance", "OR-2", 500, at.AddHours(1), "Corazon D. Ibañez", null),
            new("REQ-2026-000003", "Reyes, Lito", "Barangay Clearance", null, 0, at.AddHours(2), "Corazon D. Ibañez", "Indigent"),
        ]);

        using var package = new ExcelPackage(new MemoryStream(CollectionReportXlsx.Render(report)));
        var ws = package.Workbook.Worksheets["Collections"];
        ws.Cells[5, 2].Value.Should().Be("OR-1");
        ws.Cells[6, 4].Value.Should().Be("Santos, Ana");
        ws.Cells[7, 8].Value.Should().Be("Indigent");
        Convert.ToDecimal(ws.Cells[9, 6].Value).Should().Be(600m);
        report.Total.Should().Be(600m);
        Encoding.Latin1.GetString(CollectionReportPdf.Render(report, DateTime.UnixEpoch)).Should().StartWith("%PDF-");
    }
}
