using Barangay.Data.Documents;
using Barangay.Data.Localization;
using Barangay.Data.Reports;
using Barangay.Data.Security;
using Barangay.Tests.Data.Documents;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Data.Reports;

/// <summary>
/// Issue 26: what the hall prints beyond the shared header and footer. The monitoring reports' tables (titles, row
/// labels, column headings, notes) and the Citizen's Charter poster follow the barangay's report language; the
/// acknowledgement receipt is in the request's language, else the resident's account's. Read back with pdftotext and
/// from the workbook's cells; with PRINTS_DIR set the PDFs are written there to be rendered and looked at.
/// </summary>
public class PrintBodiesLanguageTests(DemoDatabase database)
    : ReportLanguageTestBase<DocumentsTestHost>(() => NewHost(database), h => h.Services), IClassFixture<DemoDatabase>
{
    private static DocumentsTestHost NewHost(DemoDatabase database) =>
        new(database.AppConnectionString, more: s => s.AddSingleton<CitizensCharterService>());

    private static async Task<string> TextAsync(byte[] pdf, string name)
    {
        if (Environment.GetEnvironmentVariable("PRINTS_DIR") is { Length: > 0 } dir)
            await File.WriteAllBytesAsync(Path.Combine(Directory.CreateDirectory(dir).FullName, name + ".pdf"), pdf);
        return await CertificateSigningTests.PdfTextAsync(pdf);
    }

    private async Task<byte[]> ReportAsync(string kind, string format)
    {
        await Host.SignInAsync("secretary", OfficialPositions.Secretary);
        var file = await Host.Services.Get<ReportService>().DownloadAsync(kind == ReportKinds.FormC
            ? new ReportRequest(kind, format, Quarter.Of(TestClock.ManilaToday))
            : new ReportRequest(kind, format, From: new DateOnly(2026, 1, 1), To: new DateOnly(2026, 12, 31)));
        file.Ok.Should().BeTrue(file.Message);
        return file.Value!.Content;
    }

    [Fact]
    public async Task ReportTables_AreEnglishByDefault_AndFilipinoWhenTheBarangayChoosesIt_InThePdfAndTheWorkbook()
    {
        var formC = await TextAsync(await ReportAsync(ReportKinds.FormC, ReportFormats.Pdf), "body-formc-en");
        formC.Should().Contain("Inhabitants by age bracket and sex").And.Contain("Whole barangay").And.Contain("Under 1").And.Contain("Single");
        var complaints = await TextAsync(await ReportAsync(ReportKinds.Complaints, ReportFormats.Pdf), "body-complaints-en");
        complaints.Should().Contain("By category").And.Contain("Settlement and deadlines").And.Contain("Settled in mediation (Punong Barangay)");
        var issuance = await TextAsync(await ReportAsync(ReportKinds.Issuance, ReportFormats.Pdf), "body-issuance-en");
        issuance.Should().Contain("By document type").And.Contain("Documents issued");

        await SetReportLanguageAsync(AppLanguages.Filipino);
        formC = await TextAsync(await ReportAsync(ReportKinds.FormC, ReportFormats.Pdf), "body-formc-fil");
        formC.Should().Contain("Mga naninirahan ayon sa edad at kasarian").And.Contain("Buong barangay").And.Contain("Wala pang 1").And.Contain("80 pataas")
            .And.Contain("Walang asawa").And.Contain("Mga naninirahan ayon sa sektor").And.Contain("Senior citizen (60 pataas)").And.Contain("Mga kabuuan")
            .And.NotContain("Inhabitants by").And.NotContain("Whole barangay").And.NotContain("Under 1").And.NotContain("Totals");
        complaints = await TextAsync(await ReportAsync(ReportKinds.Complaints, ReportFormats.Pdf), "body-complaints-fil");
        complaints.Should().Contain("Ayon sa kategorya").And.Contain("Ayon sa kinalabasan").And.Contain("Pag-aayos at mga takdang araw")
            .And.Contain("Naayos sa pamamagitan (Punong Barangay)").And.Contain("Bukas pa (bago o inaasikaso)").And.Contain("Mga reklamong iniulat sa panahong ito")
            .And.NotContain("By category").And.NotContain("Settlement and deadlines").And.NotContain("Open (new or in progress)");
        issuance = await TextAsync(await ReportAsync(ReportKinds.Issuance, ReportFormats.Pdf), "body-issuance-fil");
        issuance.Should().Contain("Ayon sa uri ng dokumento").And.Contain("Mga dokumentong inilabas").And.Contain("Nakolektang bayad:")
            .And.NotContain("By document type").And.NotContain("Fees collected");

        using var book = new OfficeOpenXml.ExcelPackage(new MemoryStream(await ReportAsync(ReportKinds.Complaints, ReportFormats.Xlsx)));
        book.Workbook.Worksheets.Select(w => w.Name).Should().Equal("Mga reklamo", "Katarungang Pambarangay");
        var cells = book.Workbook.Worksheets.SelectMany(w => w.Cells.Select(c => c.Text)).ToList();
        cells.Should().Contain("Ayon sa kategorya").And.Contain("Kategorya").And.Contain("Bukas pa").And.Contain("Karaniwang araw bago naresolba")
            .And.Contain("Yugto / kinalabasan").And.Contain("Kriminal").And.Contain("Naayos sa pamamagitan (Punong Barangay)")
            .And.NotContain("Category").And.NotContain("Stage / outcome").And.NotContain("Criminal");
    }

    [Fact]
    public async Task CharterPoster_FollowsTheReportLanguage_WhileTheCharterPageStaysEnglish()
    {
        var charter = Host.Services.Get<CitizensCharterService>();
        var english = await TextAsync(CharterPdf.Render(await charter.PosterAsync(), TestClock.UtcNow), "charter-en");
        english.Should().Contain("CITIZEN'S CHARTER").And.Contain("Who may avail:").And.Contain("Checklist of requirements").And.Contain("Page 1 of");

        await SetReportLanguageAsync(AppLanguages.Filipino);
        var poster = await charter.PosterAsync();
        poster.Services.Single(s => s.Code == "barangay-clearance").Steps.Should().Contain(s => s.Step.StartsWith("Bayaran ang fee na ₱100.00"));
        var filipino = await TextAsync(CharterPdf.Render(poster, TestClock.UtcNow), "charter-fil");
        filipino.Should().Contain("Republika ng Pilipinas").And.Contain("Sino ang puwedeng kumuha:").And.Contain("Listahan ng mga requirement")
            .And.Contain("Mga hakbang").And.Contain("Oras ng opisina:").And.Contain("Pahina 1 ng").And.Contain("Barangay Clearance", "the document's name stays")
            .And.NotContain("Who may avail").And.NotContain("Checklist of requirements").And.NotContain("Office hours");
        (await charter.GetAsync()).Services.Should().Contain(s => s.WhoMayAvail.StartsWith("Residents of the barangay"), "the /charter page is not a print");
    }

    [Fact]
    public async Task AcknowledgementReceipt_IsInTheRequestsLanguage_ElseTheAccountsLanguage()
    {
        var juan = await Host.AsJuanAsync();
        var clearance = DocumentRequestServiceTests.Clearance();
        clearance.Language = AppLanguages.Filipino;
        var filipino = (await Host.Requests.CreateAsync(clearance)).Value!;
        var english = (await Host.Requests.CreateAsync(new NewDocumentRequest { TypeCode = "certificate-of-indigency", Purpose = "Medical assistance", Language = AppLanguages.English })).Value!;

        var fil = await TextAsync(AcknowledgementPdf.Render((await Host.Requests.AcknowledgementAsync(filipino.Id))!, TestClock.UtcNow, null, "A4"), "receipt-fil");
        fil.Should().Contain("KATIBAYAN NG PAGTANGGAP").And.Contain("Republika ng Pilipinas").And.Contain("Natanggap").And.Contain("isinumite online")
            .And.Contain("Takdang araw").And.Contain("babayaran sa window ng Treasurer").And.Contain("Itago ang resibong ito").And.Contain("Pahina 1 ng 1")
            .And.NotContain("ACKNOWLEDGEMENT RECEIPT").And.NotContain("Keep this receipt").And.NotContain("payable");
        var en = await TextAsync(AcknowledgementPdf.Render((await Host.Requests.AcknowledgementAsync(english.Id))!, TestClock.UtcNow, null, "A4"), "receipt-en");
        en.Should().Contain("ACKNOWLEDGEMENT RECEIPT").And.Contain("None. This document is free of charge").And.NotContain("Natanggap");

        // No language kept with the request (filed before requests kept one): the resident's account decides.
        await using (var db = await Host.Services.DbAsync())
        {
            var row = await db.DocumentRequests.SingleAsync(r => r.Id == english.Id);
            var meta = System.Text.Json.Nodes.JsonNode.Parse(row.Metadata!)!.AsObject();
            meta.Remove("language");
            row.Metadata = meta.ToJsonString();
            await db.Users.Where(u => u.Id == juan).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, AppLanguages.Filipino));
            await db.SaveChangesAsync();
        }
        try
        {
            var a = (await Host.Requests.AcknowledgementAsync(english.Id))!;
            a.Language.Should().Be(AppLanguages.Filipino);
            (await TextAsync(AcknowledgementPdf.Render(a, TestClock.UtcNow, null, "A4"), "receipt-account-fil")).Should().Contain("Wala. Libre ang dokumentong ito");
        }
        finally
        {
            await using var db = await Host.Services.DbAsync();
            await db.Users.Where(u => u.Id == juan).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, (string?)null));
        }
    }
}
