using Barangay.Data.Exports;
using Barangay.Data.Files;
using Barangay.Data.Seed;
using Barangay.Jobs.Maintenance;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Jobs.Maintenance;

/// <summary>The recurring purge (as the worker composes it) removes export files past their retention, and only those.</summary>
public class ExportFilePurgeTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private JobsTestHost _jobs = null!;

    public async Task InitializeAsync() => _jobs = await JobsTestHost.StartAsync(database.AppConnectionString, sendGrid: null);

    public async Task DisposeAsync() => await _jobs.DisposeAsync();

    private async Task<(Guid ExportId, string StoreKey)> ExportAsync(string code, DateTime retentionUntil)
    {
        var store = _jobs.Get<IFileStore>();
        var key = FileStoreKeys.New();
        await store.PutAsync(key, new MemoryStream("resident_id,last_name\nRES-1,Dela Cruz\n"u8.ToArray()));
        await using var db = await _jobs.DbAsync();
        var admin = await db.Users.Where(u => u.UserName == DemoAccounts.AdminUser).Select(u => u.Id).SingleAsync();
        var file = new StoredFile
        {
            Id = Guid.NewGuid(), FileName = $"{code}.csv", ContentType = "text/csv", Url = key, SizeBytes = 40, UploadedBy = admin,
            Metadata = """{"sensitivity":"export"}""",
        };
        var export = new DataExport
        {
            Id = Guid.NewGuid(), ExportId = code, RequestedBy = admin, RequestedAt = TestClock.UtcNow.AddDays(-8), Dataset = "Residents", Format = "csv",
            Status = ExportFilePurge.Ready, DownloadUrl = PhotoFiles.UrlOf(file.Id), RecordsCount = 1, RetentionUntil = retentionUntil,
        };
        db.Files.Add(file);
        db.Exports.Add(export);
        await db.SaveChangesAsync();
        return (export.Id, key);
    }

    [Fact]
    public async Task Purge_ExpiredExportLosesItsFileAndSaysExpired_CurrentOneIsKept()
    {
        var expired = await ExportAsync("EXP-TEST-1", TestClock.UtcNow.AddHours(-1));
        var current = await ExportAsync("EXP-TEST-2", TestClock.UtcNow.AddDays(6));

        await _jobs.Get<PurgeJob>().RunAsync(CancellationToken.None);

        await using var db = await _jobs.DbAsync();
        var gone = await db.Exports.AsNoTracking().SingleAsync(e => e.Id == expired.ExportId);
        gone.Status.Should().Be(ExportFilePurge.Expired);
        gone.DownloadUrl.Should().BeNull();
        (await _jobs.Get<IFileStore>().OpenReadAsync(expired.StoreKey)).Should().BeNull("the bytes are deleted");
        (await db.Files.AnyAsync(f => f.Url == expired.StoreKey)).Should().BeFalse();

        var kept = await db.Exports.AsNoTracking().SingleAsync(e => e.Id == current.ExportId);
        kept.Status.Should().Be(ExportFilePurge.Ready);
        await using var stillThere = await _jobs.Get<IFileStore>().OpenReadAsync(current.StoreKey);
        stillThere.Should().NotBeNull();
        (await db.AuditLogs.AnyAsync(a => a.TargetId == expired.ExportId.ToString())).Should().BeTrue("the purge is audited");
    }
}
