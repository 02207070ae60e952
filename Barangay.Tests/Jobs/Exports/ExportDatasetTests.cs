using System.Text.Json;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Complaints;
using Barangay.Data.Exports;
using Barangay.Data.Exports.Datasets;
using Barangay.Data.Files;
using Barangay.Data.Residents;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Data.Settings;
using Barangay.Jobs.Exports;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OfficeOpenXml;

namespace Barangay.Tests.Jobs.Exports;

/// <summary>
/// The datasets beyond residents and households, and the PDF format: each holds what its requester sees on screen,
/// and nothing more (confidential complaints, the audit log).
/// </summary>
public class ExportDatasetTests(DemoDatabase database) : ExportJobTestBase(database)
{
    [Fact]
    public async Task DocumentRequests_Csv_ListsEveryRequestWithItsResident()
    {
        int expected;
        string firstId;
        await using (var db = await Services.DbAsync())
        {
            expected = await db.DocumentRequests.CountAsync();
            firstId = await db.DocumentRequests.OrderBy(d => d.SubmittedAt).ThenBy(d => d.RequestId).Select(d => d.RequestId).FirstAsync();
        }

        var row = await ExportAndWaitAsync(new ExportRequest(ExportDatasets.DocumentRequests, ExportFormats.Csv));

        row.Status.Should().Be(ExportStatuses.Ready, row.FailureReason);
        expected.Should().BeGreaterThan(0, "the demo barangay has requests");
        row.RecordsCount.Should().Be(expected);
        var lines = CsvLines(await DownloadAsync(row));
        lines[0].Should().Be(string.Join(",", DocumentRequestExportRows.Headers.Select(h => h.Contains(',') ? $"\"{h}\"" : h)));
        lines.Should().HaveCount(expected + 1);
        lines[1].Should().StartWith(firstId + ",");
        lines[1].Should().MatchRegex(@",RES-\d{4}-\d{6},", "each request names its resident");
    }

    [Fact]
    public async Task Complaints_Json_ConfidentialOnlyForTheAssignedOfficialAndAdmins()
    {
        Guid secretary;
        await using (var db = await Services.DbAsync())
        {
            secretary = await db.Users.Where(u => u.UserName == DemoAccounts.OfficialUser).Select(u => u.Id).SingleAsync();
            db.Complaints.AddRange(
                new Complaint { ComplaintId = "CMP-XP-SECRET", Category = "other", Description = "Abuse at home", Confidential = true, ComplainantName = "Anonymous", ReportedAt = TestClock.UtcNow },
                new Complaint { ComplaintId = "CMP-XP-MINE", Category = "other", Description = "Assigned to the secretary", Confidential = true, AssignedTo = secretary, ComplainantName = "Maria", ReportedAt = TestClock.UtcNow },
                new Complaint { ComplaintId = "CMP-XP-OPEN", Category = "other", Description = "=cmd|' /C calc'!A0", ComplainantName = "Pedro", ReportedAt = TestClock.UtcNow });
            await db.SaveChangesAsync();
        }

        var plain = await ComplaintIdsAsync();
        plain.Should().Contain(["CMP-XP-MINE", "CMP-XP-OPEN"]).And.NotContain("CMP-XP-SECRET", "a plain official does not see a confidential complaint assigned to someone else");

        await Services.SignInAsAsync(DemoAccounts.AdminUser);
        var admin = await ComplaintIdsAsync();
        admin.Should().Contain(["CMP-XP-SECRET", "CMP-XP-MINE", "CMP-XP-OPEN"]);
        await using var check = await Services.DbAsync();
        admin.Should().HaveCount(await check.Complaints.CountAsync());
    }

    private async Task<List<string>> ComplaintIdsAsync()
    {
        var row = await ExportAndWaitAsync(new ExportRequest(ExportDatasets.Complaints, ExportFormats.Json));
        row.Status.Should().Be(ExportStatuses.Ready, row.FailureReason);
        using var json = JsonDocument.Parse(await DownloadAsync(row));
        var items = json.RootElement.EnumerateArray().ToList();
        items.Should().HaveCount(row.RecordsCount!.Value);
        items.SelectMany(i => i.EnumerateObject().Select(p => p.Name)).Distinct().Should().BeEquivalentTo(ComplaintExportRows.Headers.Select(ExportWriters.KeyOf), "internal notes and the history never leave the app");
        return items.Select(i => i.GetProperty("complaint_id").GetString()!).ToList();
    }

    [Fact]
    public async Task Events_Xlsx_OneRowPerRegistrationAndOneForAnEventWithout()
    {
        int expected;
        await using (var db = await Services.DbAsync())
        {
            var registrations = await db.EventRegistrations.CountAsync();
            var without = await db.Events.CountAsync(e => !db.EventRegistrations.Any(r => r.EventId == e.Id));
            expected = registrations + without;
            registrations.Should().BeGreaterThan(0, "the demo barangay has registrations");
        }

        var row = await ExportAndWaitAsync(new ExportRequest(ExportDatasets.Events, ExportFormats.Xlsx));

        row.Status.Should().Be(ExportStatuses.Ready, row.FailureReason);
        row.RecordsCount.Should().Be(expected);
        using var package = new ExcelPackage(new MemoryStream(await DownloadAsync(row)));
        var sheet = package.Workbook.Worksheets["Export"];
        sheet.Cells[1, 1].Text.Should().Be("Event ID");
        sheet.Cells[1, 11].Text.Should().Be("Registrant");
        (sheet.Dimension.End.Row - 1).Should().Be(expected);
        Enumerable.Range(2, expected).Select(r => sheet.Cells[r, 10].Text).Should().Contain(t => t.StartsWith("RES-"));
    }

    [Fact]
    public async Task Residents_Json_AgesAndSectorsComputedInSqlMatchTheRecordsRules()
    {
        var today = TestClock.ManilaToday;
        Dictionary<string, (int Age, string Sectors)> expected;
        await using (var db = await Services.DbAsync())
        {
            // The demo's residents are in one sector at most; this one is in four, in the order the rule lists them.
            db.Residents.Add(new Resident
            {
                ResidentId = "RES-XP-0002", FirstName = "Lourdes", LastName = "Bautista", Dob = new DateOnly(1950, 7, 1), Purok = "purok-1", Sex = "Female",
                IsPwd = true, DisabilityType = "Visual", IsSoloParent = true, IsRegisteredVoter = true,
            });
            await db.SaveChangesAsync();
            var residents = await db.Residents.AsNoTracking().ToListAsync();
            expected = residents.ToDictionary(r => r.ResidentId, r =>
            {
                var age = Ages.On(r.Dob, today);
                return (age, ResidentSectors.Describe(age, r.IsPwd, r.DisabilityType, r.IsSoloParent, r.IsFourPs, r.IsIndigenous, r.IsOutOfSchoolYouth,
                    r.IsOfw, r.IsRegisteredVoter, r.IsEmployed, separator: "; "));
            });
        }

        var row = await ExportAndWaitAsync(new ExportRequest(ExportDatasets.Residents, ExportFormats.Json));

        row.Status.Should().Be(ExportStatuses.Ready, row.FailureReason);
        using var json = JsonDocument.Parse(await DownloadAsync(row));
        var items = json.RootElement.EnumerateArray().ToList();
        items.Should().HaveCount(expected.Count);
        expected["RES-XP-0002"].Sectors.Should().Be("Senior citizen; PWD (Visual); Solo parent; Registered voter");
        foreach (var i in items)
        {
            var (age, sectors) = expected[i.GetProperty("resident_id").GetString()!];
            (i.GetProperty("age").GetInt32(), i.GetProperty("sectors").GetString()).Should().Be((age, sectors), i.GetProperty("resident_id").GetString());
        }
    }

    [Fact]
    public async Task Settings_RetentionFromTheSettingsPage_SetsRetentionUntil_BadValuesNamed()
    {
        await Services.SignInAsAsync(DemoAccounts.AdminUser);
        var settings = Services.Get<SettingsService>();
        var edit = (await settings.GetAsync())!;
        edit.ExportRetentionDays.Should().Be(7, "the default when never set");
        edit.ExportUnusualResidents.Should().Be(1_000);
        edit.ExportRetentionDays = 0;
        edit.ExportUnusualResidents = 0;
        var refused = await settings.UpdateAsync(edit);
        refused.Errors[nameof(SettingsEdit.ExportRetentionDays)].Should().Be("Export retention must be between 1 and 365 days (it is 0).");
        refused.Errors[nameof(SettingsEdit.ExportUnusualResidents)].Should().StartWith("Unusual export must be between 1 and");
        edit.ExportRetentionDays = 3;
        edit.ExportUnusualResidents = 5_000;
        (await settings.UpdateAsync(edit)).Succeeded.Should().BeTrue();

        await Services.SignInAsAsync(DemoAccounts.OfficialUser, OfficialPositions.Secretary);
        var row = await ExportAndWaitAsync(new ExportRequest(ExportDatasets.Households, ExportFormats.Csv));
        row.RetentionUntil.Should().BeCloseTo(TestClock.UtcNow.AddDays(3), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Datasets_OfferedAsEachAccountMayExportThem()
    {
        (await Exports.DatasetsAsync()).Should().Equal(ExportDatasets.Residents, ExportDatasets.Households, ExportDatasets.DocumentRequests,
            ExportDatasets.Complaints, ExportDatasets.Events, ExportDatasets.Custom);
        await Services.SignInAsAsync(DemoAccounts.AdminUser);
        (await Exports.DatasetsAsync()).Should().Contain(ExportDatasets.FullAudit).And.NotContain(ExportDatasets.DocumentRequests);
        await Services.SignInAsAsync(DemoAccounts.ResidentUser);
        (await Exports.DatasetsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task FullAudit_RefusedForAnOfficial_AdminsGetTheTrailIncludingThisExport()
    {
        var refused = await Exports.RequestAsync(new ExportRequest(ExportDatasets.FullAudit, ExportFormats.Csv));
        refused.Ok.Should().BeFalse();
        refused.Errors[nameof(ExportRequest.Dataset)].Should().Contain("cannot export");

        await Services.SignInAsAsync(DemoAccounts.AdminUser);
        var today = TestClock.ManilaToday;
        var row = await ExportAndWaitAsync(new ExportRequest(ExportDatasets.FullAudit, ExportFormats.Csv) { From = today, To = today });

        row.Status.Should().Be(ExportStatuses.Ready, row.FailureReason);
        var lines = CsvLines(await DownloadAsync(row));
        lines[0].Should().StartWith("Time (Manila),Actor,Action,Target type,Target ID");
        lines.Should().Contain(l => l.Contains($",{AuditActions.Export},{ExportService.TargetType},{row.Id},"));
        lines.Skip(1).Should().OnlyContain(l => l.StartsWith(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Custom_ChosenColumnsSexAndAges_OnlyThoseColumnsAndThoseResidents()
    {
        var today = TestClock.ManilaToday;
        int expected;
        await using (var db = await Services.DbAsync())
        {
            var bornBy = today.AddYears(-60);
            expected = await db.Residents.CountAsync(r => r.Sex == "Female" && r.Dob <= bornBy);
        }
        var request = new ExportRequest(ExportDatasets.Custom, ExportFormats.Csv)
        {
            Sex = "Female", MinAge = 60, Columns = ["resident id", "Age", "Last name"],
        };

        var row = await ExportAndWaitAsync(request);

        row.Status.Should().Be(ExportStatuses.Ready, row.FailureReason);
        expected.Should().BeGreaterThan(0);
        row.RecordsCount.Should().Be(expected);
        var lines = CsvLines(await DownloadAsync(row));
        lines[0].Should().Be("Resident ID,Age,Last name");
        lines.Skip(1).Select(l => int.Parse(l.Split(',')[1])).Should().OnlyContain(age => age >= 60);
    }

    [Fact]
    public async Task Custom_UnknownColumnOrBadAges_RefusedNamingTheField()
    {
        var unknown = await Exports.RequestAsync(new ExportRequest(ExportDatasets.Custom, ExportFormats.Csv) { Columns = ["Password hash"] });
        unknown.Errors[nameof(ExportRequest.Columns)].Should().StartWith("Unknown column(s): Password hash.");
        var ages = await Exports.RequestAsync(new ExportRequest(ExportDatasets.Custom, ExportFormats.Csv) { Columns = ["Age"], MinAge = 70, MaxAge = 20 });
        ages.Errors[nameof(ExportRequest.MaxAge)].Should().Be("Maximum age (20) is below the minimum age (70).");
    }

    [Fact]
    public async Task Pdf_DocumentRequests_IsAPdfHoldingTheRows()
    {
        List<string> ids;
        await using (var db = await Services.DbAsync()) ids = await db.DocumentRequests.Select(d => d.RequestId).ToListAsync();

        var row = await ExportAndWaitAsync(new ExportRequest(ExportDatasets.DocumentRequests, ExportFormats.Pdf));

        row.Status.Should().Be(ExportStatuses.Ready, row.FailureReason);
        var bytes = await DownloadAsync(row);
        System.Text.Encoding.Latin1.GetString(bytes, 0, 5).Should().Be("%PDF-");
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
        // PdfPig reads the glyphs back; spacing between cells is layout, so compare without white space.
        var text = System.Text.RegularExpressions.Regex.Replace(string.Concat(pdf.GetPages().Select(p => p.Text)), @"\s", "");
        text.Should().Contain("RepublicofthePhilippines").And.Contain("DOCUMENTREQUESTS");
        ids.Should().OnlyContain(id => text.Contains(id), "every request is a row of the table");
    }

    /// <summary>Issue 26: an export PDF is a printed report, so it follows the barangay's report language; the cells are the data.</summary>
    [Fact]
    public async Task Pdf_FollowsTheBarangaysReportLanguage()
    {
        await using (var db = await Services.DbAsync())
        {
            db.AppSettings.Add(new AppSetting { Key = SettingKeys.ReportLanguage, Value = "\"fil-PH\"" });
            await db.SaveChangesAsync();
        }
        try
        {
            var row = await ExportAndWaitAsync(new ExportRequest(ExportDatasets.Households, ExportFormats.Pdf));
            row.Status.Should().Be(ExportStatuses.Ready, row.FailureReason);
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(await DownloadAsync(row));
            var text = System.Text.RegularExpressions.Regex.Replace(string.Concat(pdf.GetPages().Select(p => p.Text)), @"\s", "");
            text.Should().Contain("RepublikangPilipinas").And.Contain($"MGASAMBAHAYAN—INI-EXPORT({row.ExportId})").And.Contain("IDngsambahayan")
                .And.Contain("Inihandanoong").And.Contain("Pahina1").And.Contain("HH-", "the rows are the households as stored")
                .And.NotContain("RepublicofthePhilippines").And.NotContain("HouseholdID");
        }
        finally
        {
            await using var db = await Services.DbAsync();
            await db.AppSettings.Where(s => s.Key == SettingKeys.ReportLanguage).ExecuteDeleteAsync();
        }
    }

    [Fact]
    public async Task Pdf_MoreRowsThanAPdfHolds_IsRefusedInWords()
    {
        static async IAsyncEnumerable<object?[]> Many()
        {
            for (var i = 0; i <= PdfExportWriter.MaxRows; i++) yield return [$"RES-{i:D6}", "Dela Cruz"];
            await Task.CompletedTask;
        }
        var table = new ExportTable(["Resident ID", "Last name"], Many());
        var act = () => PdfExportWriter.WriteAsync(table, new MemoryStream(), new ExportProgress(_ => Task.CompletedTask),
            new ExportPdfHeading("Residents", null, TestClock.UtcNow), CancellationToken.None);
        (await act.Should().ThrowAsync<ExportRefusedException>()).Which.Message.Should().Contain("Choose XLSX or CSV");
    }

    [Fact]
    public async Task Resident_CannotStartAnExportNorReadAnOfficialsExport()
    {
        var row = await ExportAndWaitAsync(new ExportRequest(ExportDatasets.Households, ExportFormats.Csv));
        var fileId = Guid.Parse(new Uri("http://x" + row.DownloadLink).AbsolutePath["/files/".Length..]);

        await Services.SignInAsAsync(DemoAccounts.ResidentUser);
        (await Exports.RequestAsync(new ExportRequest(ExportDatasets.Complaints, ExportFormats.Pdf))).Kind.Should().Be(ResultKind.NotFound);
        (await Exports.MineAsync()).Should().BeEmpty();
        (await Services.Get<FileService>().ReadAsync(fileId)).Status.Should().Be(FileReadStatus.NotFound);
    }
}
