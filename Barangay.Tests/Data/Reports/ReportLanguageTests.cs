using Barangay.Data.Complaints;
using Barangay.Data.Documents;
using Barangay.Data.Households;
using Barangay.Data.Localization;
using Barangay.Data.Reports;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Barangay.Tests.Data.Complaints;
using Barangay.Tests.Data.Documents;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Data.Reports;

/// <summary>
/// Issue 26, item 4: the hall's printed reports stay English unless the barangay chooses Filipino
/// (<c>reports.language</c>). Read back with poppler's pdftotext, as a reader of the page sees it. With PRINTS_DIR set
/// the PDFs are written there too, to be rendered with <c>pdftoppm -r 60 -png</c> and looked at.
/// </summary>
public class ReportLanguageTests(DemoDatabase database)
    : ReportLanguageTestBase<ComplaintsTestHost>(() => NewHost(database), h => h.Services), IClassFixture<DemoDatabase>
{
    /// <summary>A fixed print time: 6:00 PM on Friday, December 4, 2026 in Manila.</summary>
    private static readonly DateTime PrintedUtc = new(2026, 12, 4, 10, 0, 0, DateTimeKind.Utc);

    private static readonly string[] FilipinoMonths =
        ["Enero", "Pebrero", "Marso", "Abril", "Mayo", "Hunyo", "Hulyo", "Agosto", "Setyembre", "Oktubre", "Nobyembre", "Disyembre"];

    private static ComplaintsTestHost NewHost(DemoDatabase database) =>
        new(database.AppConnectionString, more: s =>
        {
            s.AddScoped<HouseholdService>();
            s.AddSingleton(new CertificateCodes(new Barangay.Data.Files.FileStorageOptions { DataRoot = Path.GetTempPath() }));
            s.AddScoped<DocumentRequestService>();
        });

    /// <summary>The four printed reports of the hall, as the endpoints build them, in the barangay's current report language.</summary>
    private async Task<Dictionary<string, byte[]>> PrintAllAsync(string suffix)
    {
        await Host.Services.SignInAsAsync("secretary", OfficialPositions.Secretary);
        var today = TestClock.ManilaToday;
        var formC = await Host.Services.Get<ReportService>().DownloadAsync(new ReportRequest(ReportKinds.FormC, ReportFormats.Pdf, Quarter.Of(today)));
        formC.Ok.Should().BeTrue(formC.Message);
        var book = (await Host.Complaints.BlotterAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)))!;
        await using var db = await Host.Services.DbAsync();
        var household = await db.Residents.AsNoTracking().Where(r => r.FirstName == "Juan" && r.LastName == "Dela Cruz" && r.HouseholdId != null)
            .Select(r => r.HouseholdId!.Value).FirstAsync();
        var record = (await Host.Services.Get<HouseholdService>().RecordAsync(household))!;
        await Host.Services.SignInAsAsync("treasurer", OfficialPositions.Treasurer);
        var collections = (await Host.Services.Get<DocumentRequestService>().CollectionsAsync(new DateOnly(2026, 12, 5)))!;
        var prints = new Dictionary<string, byte[]>
        {
            ["formc"] = formC.Value!.Content,
            ["blotter"] = BlotterPdf.Render(book, PrintedUtc),
            ["household"] = HouseholdRecordPdf.Render(record, PrintedUtc),
            ["collections"] = CollectionReportPdf.Render(collections, PrintedUtc),
        };
        if (Environment.GetEnvironmentVariable("PRINTS_DIR") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            foreach (var (name, pdf) in prints) await File.WriteAllBytesAsync(Path.Combine(dir, $"{name}-{suffix}.pdf"), pdf);
        }
        return prints;
    }

    private static async Task<string> TextAsync(byte[] pdf) => await CertificateSigningTests.PdfTextAsync(pdf);

    [Fact]
    public async Task Reports_AreEnglish_UntilTheBarangayChoosesFilipino_ThenHeaderFooterTitlesAndDatesAreFilipino()
    {
        var english = await PrintAllAsync("en");
        foreach (var (name, pdf) in english)
        {
            var text = await TextAsync(pdf);
            text.Should().Contain("Republic of the Philippines", name).And.Contain("Page 1 of", name).And.Contain("Certified correct:", name)
                .And.NotContain("Republika ng Pilipinas", name).And.NotContain("Pahina 1 ng", name);
            System.Text.Encoding.Latin1.GetString(pdf).Should().MatchRegex(@"/Lang\s*\(en-PH\)", name);
        }
        (await TextAsync(english["blotter"])).Should().Contain("BARANGAY BLOTTER").And.Contain("November 1, 2026 to November 30, 2026")
            .And.Contain("Printed December 4, 2026 6:00 PM");
        (await TextAsync(english["formc"])).Should().Contain("RBI MONITORING REPORT (FORM C)").And.MatchRegex(@"(1st|2nd|3rd|4th) quarter \d{4} \(as of");

        await SetReportLanguageAsync(AppLanguages.Filipino);
        var filipino = await PrintAllAsync("fil");
        foreach (var (name, pdf) in filipino)
        {
            var text = await TextAsync(pdf);
            text.Should().Contain("Republika ng Pilipinas", name).And.Contain("Pahina 1 ng", name).And.Contain("Inilimbag noong", name)
                .And.Contain("Pinatutunayang tama:", name)
                .And.NotContain("Republic of the Philippines", name).And.NotContain("Page 1 of", name).And.NotContain("Printed ", name)
                .And.NotContain("Certified correct", name);
            System.Text.Encoding.Latin1.GetString(pdf).Should().MatchRegex(@"/Lang\s*\(fil-PH\)", "a screen reader reads the {0} in Filipino", name);
        }

        var blotter = await TextAsync(filipino["blotter"]);
        blotter.Should().Contain("BLOTTER NG BARANGAY").And.Contain("Nobyembre 1, 2026 hanggang Nobyembre 30, 2026")
            .And.Contain("Inilimbag noong Disyembre 4, 2026 6:00 PM").And.Contain("Maysumbong").And.Contain("Salaysay");
        var formC = await TextAsync(filipino["formc"]);
        formC.Should().Contain("ULAT SA PAGSUBAYBAY NG RBI (FORM C)")
            .And.MatchRegex($@"(Unang|Ikalawang|Ikatlong|Ikaapat na) quarter ng \d{{4}} \(hanggang ({string.Join('|', FilipinoMonths)}) \d+, \d{{4}}\)")
            .And.MatchRegex($@"Inilimbag noong ({string.Join('|', FilipinoMonths)}) \d+, \d{{4}}");
        var household = await TextAsync(filipino["household"]);
        household.Should().Contain("TALAAN NG MGA NANINIRAHAN SA BARANGAY AYON SA SAMBAHAYAN").And.Contain("Pinatotohanan ni:")
            .And.Contain("Apelyido").And.Contain("Petsa ng paghahanda:");
        (await TextAsync(filipino["collections"])).Should().Contain("PANG-ARAW-ARAW NA ULAT NG KOLEKSIYON").And.Contain("Sabado, Disyembre 5, 2026")
            .And.Contain("Kabuuang nakolekta:");
    }

    [Fact]
    public async Task ReportLanguage_SavedOnTheSettingsPage_IsWhatTheProfileGives_AndAudited_AndTheWorkbookFollowsIt()
    {
        await using (var db = await Host.Services.DbAsync())
        {
            var admin = await db.Users.AsNoTracking().SingleAsync(x => x.UserName == Barangay.Data.Seed.DemoAccounts.AdminUser);
            Host.Services.Caller.Current = TestCaller.As(admin.Id, admin.UserName!, admin.Roles, null);
        }
        var settings = Host.Services.Get<SettingsService>();
        // The other test in this class sets the row directly (audited too): count from here.
        async Task<int> AuditedAsync()
        {
            await using var db = await Host.Services.DbAsync();
            return await db.AuditLogs.AsNoTracking().CountAsync(a => a.TargetId == SettingKeys.ReportLanguage);
        }
        var before = await AuditedAsync();
        var edit = (await settings.GetAsync())!;
        edit.ReportLanguage.Should().Be(AppLanguages.English, "never set means English");
        (await settings.UpdateAsync(edit)).Succeeded.Should().BeTrue();
        (await AuditedAsync()).Should().Be(before, "saving English when nothing was stored is no change");

        edit.ReportLanguage = "de-DE";
        (await settings.UpdateAsync(edit)).Errors.Should().ContainKey(nameof(SettingsEdit.ReportLanguage)).WhoseValue.Should().Contain("English or Filipino");

        edit = (await settings.GetAsync())!;
        edit.ReportLanguage = AppLanguages.Filipino;
        var saved = await settings.UpdateAsync(edit);
        saved.Succeeded.Should().BeTrue(string.Join("; ", saved.AllMessages));
        (await settings.GetAsync())!.ReportLanguage.Should().Be(AppLanguages.Filipino);
        (await Host.Services.Get<BarangayProfileService>().GetAsync()).ReportLanguage.Should().Be(AppLanguages.Filipino);
        (await AuditedAsync()).Should().Be(before + 1);

        await Host.Services.SignInAsAsync("secretary", OfficialPositions.Secretary);
        var file = await Host.Services.Get<ReportService>().DownloadAsync(new ReportRequest(ReportKinds.Complaints, ReportFormats.Xlsx,
            From: new DateOnly(2026, 11, 1), To: new DateOnly(2026, 11, 30)));
        file.Ok.Should().BeTrue(file.Message);
        using var package = new OfficeOpenXml.ExcelPackage(new MemoryStream(file.Value!.Content));
        var sheet = package.Workbook.Worksheets.First();
        var cells = sheet.Cells.Select(c => c.Text).ToList();
        cells.Should().Contain("Republika ng Pilipinas").And.Contain("Ulat sa mga Reklamo at KP").And.Contain("Nobyembre 1, 2026 hanggang Nobyembre 30, 2026");
        cells.Should().Contain(c => c.StartsWith("Inihanda noong ", StringComparison.Ordinal));
    }
}
