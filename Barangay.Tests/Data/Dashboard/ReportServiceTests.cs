using Barangay.Data.Accounts;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Complaints.Kp;
using Barangay.Data.Reports;
using Barangay.Data.Security;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OfficeOpenXml;

namespace Barangay.Tests.Data.Dashboard;

public class ReportServiceTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static readonly Dictionary<string, HallFixture.Ids> Fixtures = [];
    private static readonly Quarter Q1 = new(2026, 1);
    private DashboardHost _host = null!;
    private HallFixture.Ids _ids = null!;

    public async Task InitializeAsync()
    {
        _host = new DashboardHost(database.AppConnectionString, new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc));
        await Seeded.WaitAsync();
        try
        {
            if (!Fixtures.TryGetValue(database.Name, out var ids))
            {
                await using var db = await _host.Services.DbAsync();
                Fixtures[database.Name] = ids = await HallFixture.SeedAsync(db);
                await IssuanceFixture.SeedAsync(db, ids.Juan);
                await KpFixture.SeedAsync(db, ids.Juan);
            }
            _ids = ids;
        }
        finally
        {
            Seeded.Release();
        }
        _host.SignIn(_ids.Secretary, "fx-secretary", AppRoles.Official, OfficialPositions.Secretary);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private ReportService Reports => _host.Get<ReportService>();

    private static SexCount Line(string label, int m, int f, int t) => new(label, m, f, t);

    [Fact]
    public async Task FormC_FirstQuarter_WholeBarangayMatchesTheHandCount()
    {
        var report = (await Reports.FormCAsync(Q1))!;

        report.Areas.Select(a => a.Label).Should().Equal("Whole barangay", "Purok A", "Purok B");
        var all = report.Areas[0];
        all.Inhabitants.Should().Be(8, "R1–R7 and R9 (deleted only in June); not R8 (archived), R10 (pending), R11 (registered in May)");
        all.Households.Should().Be(2, "H3 was deleted in February and H4 came in May");
        all.Families.Should().Be(4, "two occupied households and two married children's families in H1; the boarder is no family (RBI)");
        all.AgeBrackets.Should().HaveCount(18);
        all.AgeBrackets.Where(b => b.Total > 0).Should().Equal(
            Line("Under 1", 1, 0, 1), Line("1–4", 0, 1, 1), Line("15–19", 0, 0, 1), Line("25–29", 1, 0, 1), Line("30–34", 0, 1, 1),
            Line("35–39", 1, 0, 1), Line("65–69", 0, 1, 1), Line("80 and over", 0, 1, 1));
        all.Sectors.Should().Equal(
            Line("Senior citizens (60 and over)", 0, 2, 2), Line("Persons with disability (PWD)", 1, 0, 1), Line("Solo parents", 0, 1, 1),
            Line("4Ps members", 1, 0, 1), Line("Indigenous peoples (IP)", 0, 0, 1), Line("Out-of-school youth (OSY)", 0, 0, 1),
            Line("Overseas Filipino workers (OFW)", 1, 0, 1), Line("Registered voters", 2, 1, 3));
        all.CivilStatus.Should().Equal(Line("Single", 1, 0, 1), Line("Married", 1, 0, 1), Line("Widowed", 0, 2, 2), Line("Not recorded", 1, 2, 4));
        all.Citizenship.Should().Equal(Line("Filipino", 3, 3, 7), Line("American", 0, 1, 1));
    }

    [Fact]
    public async Task FormC_FirstQuarter_EachPurokMatchesTheHandCount()
    {
        var report = (await Reports.FormCAsync(Q1))!;
        var (a, b) = (report.Areas[1], report.Areas[2]);
        (a.Inhabitants, a.Households, a.Families).Should().Be((5, 1, 3));
        (b.Inhabitants, b.Households, b.Families).Should().Be((3, 1, 1));
        b.Sectors.Single(s => s.Label == "Senior citizens (60 and over)").Should().Be(Line("Senior citizens (60 and over)", 0, 1, 1));

        var only = (await Reports.FormCAsync(Q1, HallFixture.PurokA))!;
        only.Areas.Should().ContainSingle().Which.Should().BeEquivalentTo(a);
    }

    [Fact]
    public async Task FormC_SecondQuarter_CountsWhoWasThereAtItsEnd()
    {
        var all = (await Reports.FormCAsync(new Quarter(2026, 2)))!.Areas[0];
        all.Inhabitants.Should().Be(8, "R11 came in May and R9 was deleted in June");
        all.Households.Should().Be(3);
    }

    [Fact]
    public async Task Issuance_April_MatchesTheHandCount()
    {
        var report = (await Reports.IssuanceAsync(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30)))!;

        report.Lines.Select(l => l.Type).Should().Equal("Barangay Clearance", "Certificate of Residency");
        var c = report.Lines[0];
        (c.Filed, c.Approved, c.Released, c.RejectedOrCancelled, c.Receipts, c.Waived, c.FeesCollected).Should().Be((4, 3, 1, 1, 2, 1, 100m));
        c.AverageWorkingDays.Should().Be(3.0, "(2 + 5 + 2) / 3");
        c.WithinLimit.Should().Be(2);
        c.ShareWithinLimit.Value.Should().BeApproximately(2.0 / 3, 1e-9);
        var r = report.Lines[1];
        (r.Filed, r.Approved, r.Released, r.FeesCollected, r.AverageWorkingDays, r.WithinLimit).Should().Be((1, 1, 1, 0m, 0.0, 1));
        var t = report.Total;
        (t.Filed, t.Approved, t.Released, t.RejectedOrCancelled, t.Receipts, t.Waived, t.FeesCollected, t.WithinLimit).Should().Be((5, 4, 2, 1, 2, 1, 100m, 3));
        t.AverageWorkingDays.Should().Be(2.25);
    }

    [Fact]
    public async Task Complaints_FebruaryToMarch_MatchesTheHandCount()
    {
        var report = (await Reports.ComplaintsAsync(new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 31)))!;

        report.Lines.Select(l => (l.Category, l.Filed, l.Open, l.Resolved, l.Closed, l.Rejected)).Should().Equal(
            ("Noise", 2, 2, 0, 0, 0), ("Road", 2, 1, 1, 0, 0));
        report.Lines[0].AverageDaysToResolve.Should().Be(double.NaN);
        report.Lines[1].AverageDaysToResolve.Should().BeApproximately(3.0, 1e-9);
        (report.Total.Filed, report.Total.Open, report.Total.Resolved).Should().Be((4, 3, 1));
    }

    [Fact]
    public async Task Complaints_SecondQuarter_KpCasesMatchTheHandCount()
    {
        var kp = (await Reports.ComplaintsAsync(new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30)))!.Kp;

        kp.Lines.Select(l => (l.Outcome, l.Cases)).Should().Equal(
            (KpReportLines.SettledInMediation, 2), (KpReportLines.SettledInConciliation, 1), (KpReportLines.ArbitrationAward, 1),
            (KpReportLines.CertificateIssued, 2), (KpReportLines.Repudiated, 1), (KpReportLines.Failed, 1),
            (KpReportLines.PendingMediation, 2), (KpReportLines.PendingConciliation, 2), (KpReportLines.PendingArbitration, 0), (KpReportLines.Dismissed, 1));
        kp.Lines.Select(l => l.AverageDaysFromFiling).Take(3).Should().Equal([7.75, 30.0, 7.0], "K1 10 and K2 5.5 days; K3 30; K4 7");
        kp.Lines.Skip(3).Should().OnlyContain(l => double.IsNaN(l.AverageDaysFromFiling), "only settlements and awards are timed");
        kp.Total.Should().Be(13, "K13 was filed in January");
        kp.Settled.Should().Be(3);
        kp.AverageDaysToSettlement.Should().BeApproximately(45.5 / 3, 1e-9, "(10 + 5.5 + 30) / 3: the award is not an amicable settlement");
        kp.PastDeadline.Should().Be(2, "K9's summons and K11's conciliation are overdue; K12 is overdue too but dismissed");
    }

    [Fact]
    public async Task Complaints_KpByNatureAndOutcome_EachFigureEqualsTheCaseBookFilteredAlike()
    {
        var q2 = (await Reports.ComplaintsAsync(new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30)))!.Kp;
        q2.ByNature.Single(l => l.Outcome == KpReportLines.SettledInMediation).Should().Be(new KpNatureLine(KpReportLines.SettledInMediation, 1, 1, 0), "K1 criminal, K2 civil");
        q2.ByNature.Single(l => l.Outcome == KpReportLines.Dismissed).Should().Be(new KpNatureLine(KpReportLines.Dismissed, 1, 0, 0), "K12");
        q2.ByNature[^1].Should().Be(new KpNatureLine("Total", 4, 4, 5), "the hand count of KpFixture");
        // The case book's service over the same database and caller (the dashboard host does not wire it).
        var kp = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<KpService>(_host.Services.Scope.ServiceProvider);

        // Month by month, as the Lupon reports: every figure is the case book filtered by the same nature, outcome and month.
        foreach (var month in new[] { 4, 5, 6 })
        {
            var (from, to) = (new DateOnly(2026, month, 1), new DateOnly(2026, month, 1).AddMonths(1).AddDays(-1));
            var report = (await Reports.ComplaintsAsync(from, to))!.Kp;
            foreach (var line in report.ByNature.Where(l => l.Outcome != "Total"))
            foreach (var (nature, figure) in new[] { (KpNatures.Criminal, line.Criminal), (KpNatures.Civil, line.Civil), (KpNatures.Others, line.Others) })
            {
                var list = await kp.PageAsync(new KpCaseFilter(Nature: nature, Outcome: line.Outcome, FiledFrom: from, FiledTo: to), 0, 100);
                list.Total.Should().Be(figure, $"{from:MMMM}: {line.Outcome}, {nature}");
                list.Items.Should().HaveCount(figure);
            }
            (await kp.PageAsync(new KpCaseFilter(FiledFrom: from, FiledTo: to), 0, 100)).Total.Should().Be(report.Total, $"all of {from:MMMM}");
        }
    }

    [Fact]
    public async Task Download_ComplaintsWithKp_XlsxHasTheKpSheetAndPdfItsPage()
    {
        var request = new ReportRequest(ReportKinds.Complaints, ReportFormats.Xlsx, From: new DateOnly(2026, 4, 1), To: new DateOnly(2026, 6, 30));
        var xlsx = await Reports.DownloadAsync(request);

        using var package = new ExcelPackage(new MemoryStream(xlsx.Value!.Content));
        package.Workbook.Worksheets.Select(w => w.Name).Should().Equal("Complaints", "Katarungang Pambarangay");
        var ws = package.Workbook.Worksheets["Katarungang Pambarangay"];
        Value(ws, KpReportLines.SettledInMediation).Should().Be(2);
        Value(ws, KpReportLines.CertificateIssued).Should().Be(2);
        Value(ws, KpReportLines.Dismissed).Should().Be(1);
        (Value(ws, KpReportLines.SettledInMediation, 5), Value(ws, KpReportLines.SettledInMediation, 6), Value(ws, KpReportLines.SettledInMediation, 7))
            .Should().Be((1, 1, 0), "by nature: K1 criminal, K2 civil");
        (Value(ws, "Total", 5), Value(ws, "Total", 6), Value(ws, "Total", 7)).Should().Be((4, 4, 5));
        Value(ws, "Total").Should().Be(13);
        Value(ws, "Amicably settled (mediation or conciliation)").Should().Be(3);
        Convert.ToDouble(Cell(ws, "Amicably settled (mediation or conciliation)", 3), System.Globalization.CultureInfo.InvariantCulture).Should().Be(15.17);
        Value(ws, "Pending and past a deadline now").Should().Be(2);

        var pdf = await Reports.DownloadAsync(request with { Format = ReportFormats.Pdf });
        await File.WriteAllBytesAsync(Path.Combine(Screenshots.Directory, "report-complaints-kp.pdf"), pdf.Value!.Content);
        using var read = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf.Value.Content), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        read.PageCount.Should().Be(2, "the complaints on one page, the KP cases on the next");
    }

    [Fact]
    public async Task Download_FormCAsXlsx_HasTheNumbersUnderTheHeaderAndIsAudited()
    {
        var before = await FormCDownloadsAsync();
        var result = await Reports.DownloadAsync(new ReportRequest(ReportKinds.FormC, ReportFormats.Xlsx, Q1));

        result.Ok.Should().BeTrue();
        result.Value!.FileName.Should().Be("rbi-form-c-2026-q1.xlsx");
        using var package = new ExcelPackage(new MemoryStream(result.Value.Content));
        package.Workbook.Worksheets.Select(w => w.Name).Should().Equal("Whole barangay", "Purok A", "Purok B");
        var ws = package.Workbook.Worksheets["Whole barangay"];
        ws.Cells[1, 1].Text.Should().Be("Republic of the Philippines");
        ws.Cells[4, 1].Text.Should().Be("RBI Monitoring Report (Form C)");
        Value(ws, "Inhabitants").Should().Be(8);
        Value(ws, "Families").Should().Be(4);
        Value(ws, "Registered voters", column: 4).Should().Be(3);

        (await FormCDownloadsAsync()).Should().Be(before + 1, "each download writes one audit row");
    }

    private async Task<int> FormCDownloadsAsync()
    {
        await using var db = await _host.Services.DbAsync();
        return await db.AuditLogs.CountAsync(a => a.ActionType == AuditActions.Download && a.TargetType == "Report" && a.TargetId == ReportKinds.FormC && a.ActorUserId == _ids.Secretary);
    }

    [Fact]
    public async Task Download_IssuanceAndComplaintsAsPdf_ArePdfFiles()
    {
        foreach (var kind in new[] { ReportKinds.Issuance, ReportKinds.Complaints })
        {
            var result = await Reports.DownloadAsync(new ReportRequest(kind, ReportFormats.Pdf, From: new DateOnly(2026, 4, 1), To: new DateOnly(2026, 4, 30)));
            result.Ok.Should().BeTrue();
            System.Text.Encoding.ASCII.GetString(result.Value!.Content, 0, 5).Should().Be("%PDF-");
            result.Value.ContentType.Should().Be("application/pdf");
        }
        var formC = await Reports.DownloadAsync(new ReportRequest(ReportKinds.FormC, ReportFormats.Pdf, Q1));
        await File.WriteAllBytesAsync(Path.Combine(Screenshots.Directory, "report-form-c.pdf"), formC.Value!.Content);
        using var pdf = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(formC.Value!.Content), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        pdf.PageCount.Should().Be(3, "one page per area: the whole barangay, Purok A, Purok B");
    }

    [Theory]
    [InlineData(ReportKinds.Issuance, "2026-04-30", "2026-04-01", "Period", "The last day is before the first day.")]
    [InlineData(ReportKinds.Issuance, "2025-01-01", "2026-04-01", "Period", "The period is longer than 366 days; report on a year at most.")]
    [InlineData("payroll", "2026-04-01", "2026-04-30", "Kind", "Unknown report: choose the RBI monitoring report, document issuance or complaints.")]
    public async Task Download_BadInput_SaysWhatIsWrong(string kind, string from, string to, string field, string message)
    {
        var result = await Reports.DownloadAsync(new ReportRequest(kind, ReportFormats.Pdf, From: DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            To: DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)));
        result.Kind.Should().Be(ResultKind.Invalid);
        result.Errors.Should().ContainKey(field).WhoseValue.Should().Be(message);
    }

    [Fact]
    public async Task Reports_Resident_GetsNotFoundAndNothingIsAudited()
    {
        _host.SignIn(_ids.JuanUser, "fx-juan", AppRoles.Resident);
        (await Reports.DownloadAsync(new ReportRequest(ReportKinds.FormC, ReportFormats.Pdf, Q1))).Kind.Should().Be(ResultKind.NotFound);
        (await Reports.FormCAsync(Q1)).Should().BeNull();
        (await Reports.IssuanceAsync(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30))).Should().BeNull();
        await using var db = await _host.Services.DbAsync();
        (await db.AuditLogs.CountAsync(a => a.ActorUserId == _ids.JuanUser && a.TargetType == "Report")).Should().Be(0);
    }

    /// <summary>The number in <paramref name="column"/> of the first row labelled <paramref name="label"/>.</summary>
    private static int Value(ExcelWorksheet ws, string label, int column = 2) =>
        Convert.ToInt32(Cell(ws, label, column), System.Globalization.CultureInfo.InvariantCulture);

    private static object? Cell(ExcelWorksheet ws, string label, int column)
    {
        for (var row = 1; row <= ws.Dimension.End.Row; row++)
            if (ws.Cells[row, 1].Text == label) return ws.Cells[row, column].Value;
        throw new InvalidOperationException($"No row labelled {label}.");
    }
}
