using Barangay.Data.Complaints;
using Barangay.Data.Documents;
using Barangay.Data.Households;
using Barangay.Data.Reports;
using Barangay.Data.Security;
using Barangay.Tests.Data.Complaints;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Data.Reports;

/// <summary>
/// Every printed report from the demo barangay: it renders, on the paper asked for. With PRINTS_DIR set, the PDFs are
/// written there too, to be rendered to PNG (<c>pdftoppm -r 60 -png</c>) and looked at.
/// </summary>
public class PrintedReportsTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private ComplaintsTestHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new ComplaintsTestHost(database.AppConnectionString, more: s =>
        {
            s.AddScoped<HouseholdService>();
            s.AddSingleton(new CertificateCodes(new Barangay.Data.Files.FileStorageOptions { DataRoot = Path.GetTempPath() }));
            s.AddScoped<DocumentRequestService>();
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static void Save(string name, byte[] pdf)
    {
        if (Environment.GetEnvironmentVariable("PRINTS_DIR") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, name + ".pdf"), pdf);
        }
    }

    private static string Text(byte[] pdf) => System.Text.Encoding.Latin1.GetString(pdf);

    [Fact]
    public async Task EveryReport_Renders_OnA4AndLegal()
    {
        await _host.Services.SignInAsAsync("secretary", OfficialPositions.Secretary);
        var reports = _host.Services.Get<ReportService>();
        var today = TestClock.ManilaToday;
        foreach (var paper in new[] { "A4", "Legal" })
        {
            var issuance = await reports.DownloadAsync(new ReportRequest(ReportKinds.Issuance, ReportFormats.Pdf, From: today.AddDays(-60), To: today) { Paper = paper });
            issuance.Ok.Should().BeTrue(issuance.Message);
            Save($"issuance-{paper}", issuance.Value!.Content);
            var q = new Quarter(today.Year, (today.Month - 1) / 3 + 1);
            var formC = await reports.DownloadAsync(new ReportRequest(ReportKinds.FormC, ReportFormats.Pdf, q) { Paper = paper });
            formC.Ok.Should().BeTrue(formC.Message);
            Save($"formc-{paper}", formC.Value!.Content);

            var book = (await _host.Complaints.BlotterAsync(today.AddDays(-60), today))!;
            Save($"blotter-{paper}", BlotterPdf.Render(book, TestClock.UtcNow, paper));

            await using var db = await _host.Services.DbAsync();
            var juanHousehold = await db.Residents.AsNoTracking().Where(r => r.FirstName == "Juan" && r.LastName == "Dela Cruz" && r.HouseholdId != null).Select(r => r.HouseholdId!.Value).FirstAsync();
            var record = (await _host.Services.Get<HouseholdService>().RecordAsync(juanHousehold))!;
            Save($"household-{paper}", HouseholdRecordPdf.Render(record, TestClock.UtcNow, paper));

            await _host.Services.SignInAsAsync("treasurer", OfficialPositions.Treasurer);
            var collections = (await _host.Services.Get<DocumentRequestService>().CollectionsAsync(today))!;
            Save($"collections-{paper}", CollectionReportPdf.Render(collections, TestClock.UtcNow, paper));
            await _host.Services.SignInAsAsync("secretary", OfficialPositions.Secretary);
            Text(formC.Value.Content).Should().MatchRegex(paper == "A4" ? @"/MediaBox\s*\[0 0 595(\.\d+)? 842" : @"/MediaBox\s*\[0 0 612(\.\d+)? 1008");
            Text(issuance.Value.Content).Should().MatchRegex(paper == "A4" ? @"/MediaBox\s*\[0 0 842(\.\d+)? 595" : @"/MediaBox\s*\[0 0 1008(\.\d+)? 612",
                "the issuance table has ten columns: landscape, so its numbers do not run into each other");
        }
    }

    [Fact]
    public async Task Blotter_NamesComplainantNarrativeActionAndWhoRecorded_UnderTheSharedHeader()
    {
        await _host.Services.SignInAsAsync("secretary", OfficialPositions.Secretary);
        var today = TestClock.ManilaToday;
        var book = (await _host.Complaints.BlotterAsync(today.AddDays(-60), today))!;
        book.Entries.Should().NotBeEmpty();
        book.Entries.Should().OnlyContain(e => !string.IsNullOrWhiteSpace(e.Complainant) && !string.IsNullOrWhiteSpace(e.Narrative) && !string.IsNullOrWhiteSpace(e.RecordedBy));
        (book.SecretaryName, book.Region).Should().Be(("Liza R. Manalo", "Region III (Central Luzon)"));
    }

    [Fact]
    public async Task HouseholdRecord_HeaderHasTheRegion_EveryMemberHasAPlaceOfBirth()
    {
        await _host.Services.SignInAsAsync("secretary", OfficialPositions.Secretary);
        await using var db = await _host.Services.DbAsync();
        var household = await db.Residents.AsNoTracking().Where(r => r.FirstName == "Juan" && r.LastName == "Dela Cruz" && r.UserId != null).Select(r => r.HouseholdId!.Value).FirstAsync();
        var record = (await _host.Services.Get<HouseholdService>().RecordAsync(household))!;
        record.Region.Should().Be("Region III (Central Luzon)");
        record.Members.Should().OnlyContain(m => !string.IsNullOrWhiteSpace(m.PlaceOfBirth));
    }

    [Fact]
    public async Task CollectionReport_CountsWaiversGrantedAtFiling()
    {
        var requests = _host.Services.Get<DocumentRequestService>();
        await _host.Services.SignInAsAsync("juan");
        (await requests.CreateAsync(new NewDocumentRequest { TypeCode = "certificate-of-indigency", Purpose = "Hospital bill assistance" })).Ok.Should().BeTrue();
        await _host.Services.SignInAsAsync("secretary", OfficialPositions.Secretary);
        await using (var db = await _host.Services.DbAsync())
        {
            var other = await db.Residents.AsNoTracking().Where(r => r.UserId == null && r.Dob < new DateOnly(2000, 1, 1)).OrderBy(r => r.ResidentId).Select(r => r.Id).FirstAsync();
            (await requests.CreateAsync(new NewDocumentRequest { TypeCode = "certificate-of-indigency", Purpose = "Scholarship", ResidentId = other })).Ok.Should().BeTrue();
        }
        await _host.Services.SignInAsAsync("treasurer", OfficialPositions.Treasurer);
        var report = (await requests.CollectionsAsync(TestClock.ManilaToday))!;
        report.Waived.Should().BeGreaterThanOrEqualTo(2, "two indigency certificates were waived at filing today");
        report.TreasurerName.Should().Be("Corazon D. Ibañez");
    }
}
