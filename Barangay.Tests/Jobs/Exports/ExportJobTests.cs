using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Exports;
using Barangay.Data.Files;
using Barangay.Data.Residents;
using Barangay.Data.Seed;
using Barangay.Data.Settings;
using Barangay.Jobs.Exports;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OfficeOpenXml;

namespace Barangay.Tests.Jobs.Exports;

/// <summary>Exports through the real Hangfire worker and file store: the file, its protection, its audit and its warnings.</summary>
public class ExportJobTests(DemoDatabase database) : ExportJobTestBase(database)
{
    [Fact]
    public async Task Csv_OfOnePurok_HasBomEveryResidentOfThePurokAndNeutralizedFormulas()
    {
        await using (var db = await Services.DbAsync())
        {
            db.Residents.Add(new Resident
            {
                ResidentId = "RES-XP-0001", FirstName = "=HYPERLINK(\"http://evil\",\"Click\")", LastName = "Ñañez", Dob = new DateOnly(1991, 2, 3),
                Purok = "purok-6", Sex = "Male",
            });
            await db.SaveChangesAsync();
        }
        int expected;
        await using (var db = await Services.DbAsync()) expected = await db.Residents.CountAsync(r => r.Purok == "purok-6");

        var row = await ExportAndWaitAsync(new ExportRequest(ExportDatasets.Residents, ExportFormats.Csv, Purok: "purok-6"));

        row.Status.Should().Be(ExportStatuses.Ready, row.FailureReason);
        row.RecordsCount.Should().Be(expected);
        row.RetentionUntil.Should().BeCloseTo(TestClock.UtcNow.AddDays(ExportJob.DefaultRetentionDays), TimeSpan.FromMinutes(5));
        var bytes = await DownloadAsync(row);
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var lines = CsvLines(bytes);
        lines[0].Should().StartWith("Resident ID,Last name,First name");
        lines.Should().HaveCount(expected + 1);
        lines.Should().Contain(l => l.StartsWith("RES-XP-0001,Ñañez,\"'=HYPERLINK(\"\"http://evil\"\",\"\"Click\"\")\""));
        lines.Skip(1).Should().OnlyContain(l => l.Contains(",Purok 6 - Camia,"), "the file says the purok as forms do, not its code");

        await using var check = await Services.DbAsync();
        (await check.AuditLogs.AnyAsync(a => a.ActionType == AuditActions.Export && a.TargetId == row.Id.ToString())).Should().BeTrue();
        (await check.Notifications.Where(n => n.Type == ExportJob.ReadyType).Select(n => n.Payload).ToListAsync()).Should().Contain(p => p!.Contains(row.ExportId));
    }

    [Fact]
    public async Task Xlsx_OpensWithTheSameNamesAndOnlyTheRequesterCanReadIt()
    {
        var row = await ExportAndWaitAsync(new ExportRequest(ExportDatasets.Households, ExportFormats.Xlsx));
        row.Status.Should().Be(ExportStatuses.Ready, row.FailureReason);
        using var package = new ExcelPackage(new MemoryStream(await DownloadAsync(row)));
        var sheet = package.Workbook.Worksheets["Export"];
        sheet.Cells[1, 1].Text.Should().Be("Household ID");
        sheet.Cells[2, 1].Text.Should().StartWith("HH-");
        (sheet.Dimension.End.Row - 1).Should().Be(row.RecordsCount);

        var fileId = Guid.Parse(new Uri("http://x" + row.DownloadLink).AbsolutePath["/files/".Length..]);
        await Services.SignInAsAsync(DemoAccounts.AdminUser);
        (await Services.Get<FileService>().ReadAsync(fileId)).Status.Should().Be(FileReadStatus.NotFound, "an export is its requester's alone");
        (await Exports.MineAsync()).Should().NotContain(e => e.Id == row.Id);
    }

    [Fact]
    public async Task Resident_CannotExport()
    {
        await Services.SignInAsAsync(DemoAccounts.ResidentUser);
        (await Exports.RequestAsync(new ExportRequest(ExportDatasets.Residents, ExportFormats.Csv))).Kind.Should().Be(ResultKind.NotFound);
        (await Exports.MineAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task BadFormat_IsRefusedNamingTheChoices()
    {
        var result = await Exports.RequestAsync(new ExportRequest(ExportDatasets.Residents, "PNG"));
        result.Errors[nameof(ExportRequest.Format)].Should().Be("Format must be one of: CSV, XLSX, JSON, PDF.");
    }

    [Fact]
    public async Task ManyResidentsInADay_TheAdminsAreTold()
    {
        await using (var db = await Services.DbAsync())
        {
            db.AppSettings.Add(new AppSetting { Key = SettingKeys.ExportUnusualResidents, Value = "50" });
            await db.SaveChangesAsync();
        }
        try
        {
            var row = await ExportAndWaitAsync(new ExportRequest(ExportDatasets.Residents, ExportFormats.Json, Purok: "purok-2"));
            row.Status.Should().Be(ExportStatuses.Ready, row.FailureReason);
            await using var db = await Services.DbAsync();
            var adminId = await db.Users.Where(u => u.UserName == DemoAccounts.AdminUser).Select(u => u.Id).SingleAsync();
            var warning = await db.Notifications.Where(n => n.UserId == adminId && n.Type == ExportJob.UnusualType).OrderByDescending(n => n.CreatedAt).FirstAsync();
            warning.Payload.Should().Contain("Unusual export").And.Contain(row.ExportId);
        }
        finally
        {
            await using var db = await Services.DbAsync();
            await db.AppSettings.Where(s => s.Key == SettingKeys.ExportUnusualResidents).ExecuteDeleteAsync();
        }
    }
}
