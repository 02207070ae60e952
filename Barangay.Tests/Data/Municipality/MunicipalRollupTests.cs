using Barangay.Data.Accounts;
using Barangay.Data.Municipality;
using Barangay.Data.Municipality.Rollups;
using Barangay.Data.Reports;
using Barangay.Data.Security;
using Barangay.Tests.Data.Dashboard;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OfficeOpenXml;

namespace Barangay.Tests.Data.Municipality;

/// <summary>
/// Roll-ups over real barangay databases: two barangays holding the hand-counted hall fixture, the demo barangay, and
/// one whose database is down. Each barangay's figures must equal what its own report page shows, and the
/// municipality's the sum of them.
/// </summary>
public sealed class MunicipalRollupTests(MunicipalityFixture muni) : IClassFixture<MunicipalityFixture>, IAsyncLifetime
{
    private static readonly Quarter Q1 = new(2026, 1);
    private static readonly DateOnly April1 = new(2026, 4, 1), June30 = new(2026, 6, 30);
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly Dictionary<string, List<CatalogueEntry>> Seeded = [];
    private List<CatalogueEntry> _barangays = null!;

    public async Task InitializeAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (!Seeded.TryGetValue(muni.Name, out var list))
            {
                list =
                [
                    await muni.AddClonedAsync("San Roque", "san-roque", TestEnvironment.AppTemplate),
                    await muni.AddClonedAsync("Pulong Buhangin", "pulong-buhangin", TestEnvironment.AppTemplate),
                    await muni.AddClonedAsync("San Isidro", "san-isidro", TestEnvironment.DemoTemplate),
                ];
                foreach (var b in list.Take(2))
                {
                    await using var host = new DashboardHost(muni.AppConnectionString(b));
                    await using var db = await host.Services.DbAsync();
                    var ids = await HallFixture.SeedAsync(db);
                    await IssuanceFixture.SeedAsync(db, ids.Juan);
                    await KpFixture.SeedAsync(db, ids.Juan);
                }
                await muni.AddMissingAsync("Caysio", "caysio");
                Seeded[muni.Name] = list;
            }
            _barangays = list;
        }
        finally
        {
            Once.Release();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>What the barangay's own report page shows its secretary.</summary>
    private async Task<T> OwnAsync<T>(CatalogueEntry b, Func<ReportService, Task<T?>> read)
    {
        await using var host = new DashboardHost(muni.AppConnectionString(b));
        host.SignIn(Guid.NewGuid(), "secretary", AppRoles.Official, OfficialPositions.Secretary);
        return (await read(host.Get<ReportService>()))!;
    }

    [Fact]
    public async Task FormC_ThreeBarangaysAndOneDown_TotalIsTheSumAndTheDownOneIsNamed()
    {
        // This quarter: the demo barangay's inhabitants were registered when the test templates were seeded.
        var quarter = Quarter.Of(TestClock.ManilaToday);
        var report = await muni.Get<MunicipalRollupService>().FormCAsync(quarter);

        report.Barangays.Select(b => b.Name).Should().BeEquivalentTo("San Roque", "Pulong Buhangin", "San Isidro");
        report.Missing.Should().ContainSingle().Which.Name.Should().Be("Caysio");
        foreach (var b in _barangays)
        {
            var own = (await OwnAsync(b, r => r.FormCAsync(quarter))).Areas[0];
            var rolled = report.Barangays.Single(x => x.Slug == b.Slug).Figures;
            rolled.Should().BeEquivalentTo(own, $"{b.Name}'s line is what its own Form C says");
        }
        report.Barangays.Single(b => b.Slug == "san-isidro").Figures.Inhabitants.Should().BeGreaterThan(100);
        report.Total.Inhabitants.Should().Be(report.Barangays.Sum(b => b.Figures.Inhabitants));
        report.Total.Households.Should().Be(report.Barangays.Sum(b => b.Figures.Households));
        report.Total.Families.Should().Be(report.Barangays.Sum(b => b.Figures.Families));
        report.Total.AgeBrackets.Sum(a => a.Total).Should().Be(report.Total.Inhabitants);
        report.Total.AgeBrackets.Select(a => a.Male).Should().Equal(
            report.Total.AgeBrackets.Select((a, i) => report.Barangays.Sum(b => b.Figures.AgeBrackets[i].Male)));
    }

    [Fact]
    public async Task FormC_FirstQuarter_HallFixtureBarangaysMatchTheHandCount()
    {
        var report = await muni.Get<MunicipalRollupService>().FormCAsync(Q1);

        report.Barangays.Where(b => b.Slug != "san-isidro").Select(b => b.Figures.Inhabitants).Should().Equal(8, 8);
        report.Total.Inhabitants.Should().Be(16, "the demo barangay had no one on its register yet in 2026's first quarter");
        report.Total.Families.Should().Be(8, "four families in each hall fixture barangay");
    }

    [Fact]
    public async Task Activity_SecondQuarter_KpOutcomesAndIssuanceAddUpPerBarangay()
    {
        var report = await muni.Get<MunicipalRollupService>().ActivityAsync(April1, June30);

        report.Missing.Select(m => m.Name).Should().Equal("Caysio");
        var roque = report.Kp.Single(b => b.Slug == "san-roque").Figures;
        roque.Lines.Single(l => l.Outcome == KpReportLines.SettledInMediation).Cases.Should().Be(2, "the KP fixture's hand count");
        roque.Lines.Single(l => l.Outcome == KpReportLines.CertificateIssued).Cases.Should().Be(2);
        foreach (var b in _barangays)
        {
            var own = await OwnAsync(b, r => r.IssuanceAsync(April1, June30));
            var rolled = report.Issuance.Single(x => x.Slug == b.Slug).Figures;
            (rolled.Filed, rolled.Approved, rolled.WithinLimit).Should().Be((own.Total.Filed, own.Total.Approved, own.Total.WithinLimit), b.Name);
        }
        report.Issuance.Single(b => b.Slug == "san-roque").Figures.Approved.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Download_FormCXlsx_MunicipalityLineIsTheSumAndTheMissingBarangayIsNoted()
    {
        var rollups = muni.Get<MunicipalRollupService>();
        var file = await rollups.DownloadAsync(new MunicipalReportRequest(MunicipalReportKinds.FormC, ReportFormats.Xlsx, Q1), "mlgoo", null);

        file.Ok.Should().BeTrue(file.Message);
        file.Value!.FileName.Should().Be("municipal-rbi-form-c-2026-q1.xlsx");
        using var package = new ExcelPackage(new MemoryStream(file.Value.Content));
        var sheet = package.Workbook.Worksheets["Barangays"];
        var cells = sheet.Cells.Where(c => c.Value is not null).ToList();
        int Count(string label) => Convert.ToInt32(cells.Single(c => Equals(c.Value, label)).Offset(0, 1).Value, System.Globalization.CultureInfo.InvariantCulture);
        Count("Whole municipality").Should().Be(Count("San Roque") + Count("Pulong Buhangin") + Count("San Isidro"));
        cells.Should().Contain(c => c.Text.Contains("Caysio (its database could not be reached)"));
        await using var db = await muni.MunicipalityAsync();
        (await db.Audit.CountAsync(a => a.Action == "Download" && a.Actor == "mlgoo")).Should().BeGreaterThan(0);
    }

    [Theory]
    [InlineData(MunicipalReportKinds.FormC)]
    [InlineData(MunicipalReportKinds.Population)]
    [InlineData(MunicipalReportKinds.Activity)]
    public async Task Download_EachRollupAsPdf_IsAPdf(string kind)
    {
        var file = await muni.Get<MunicipalRollupService>().DownloadAsync(
            new MunicipalReportRequest(kind, ReportFormats.Pdf, Q1, April1, June30), "mlgoo", null);

        file.Ok.Should().BeTrue(file.Message);
        file.Value!.Content.AsSpan(0, 5).ToArray().Should().Equal("%PDF-"u8.ToArray());
    }

    [Fact]
    public async Task Population_AgeBandsAndSectors_AddUpToTheFormCTotals()
    {
        var report = await muni.Get<MunicipalRollupService>().FormCAsync(Q1);
        var doc = MunicipalDocuments.Population(report);

        var ages = doc.Parts[0].Tables[0];
        var whole = ages.Rows[0].Cells;
        whole[0].Should().Be("Whole municipality");
        whole.Skip(1).Take(MunicipalDocuments.AgeBands.Count).Cast<int>().Sum().Should().Be(report.Total.Inhabitants, "every age falls in one band");
        ages.Rows.Skip(1).Select(r => r.Cells[0]).Should().BeEquivalentTo(new[] { "San Roque", "Pulong Buhangin", "San Isidro" });
    }
}
