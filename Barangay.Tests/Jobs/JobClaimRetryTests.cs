using Barangay.Data.Exports;
using Barangay.Data.Imports;
using Barangay.Data.Seed;
using Barangay.Jobs.Exports;
using Barangay.Jobs.Imports;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Jobs;

/// <summary>
/// The export and import jobs claim their row with one autocommit UPDATE. When a failover loses that UPDATE's answer
/// after it committed, the execution strategy runs it again with the same moment: it must still be this run's claim
/// (before, it found the row already claimed and the job quit, leaving it in "processing" until it went stale).
/// </summary>
public class JobClaimRetryTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = new TestServices(database.AppConnectionString);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _services.DisposeAsync().AsTask();

    [Fact]
    public async Task ExportClaim_RunAgainWithTheSameMoment_IsStillThisRunsClaim_AnotherRunIsRefused()
    {
        await using var db = await _services.DbAsync();
        var row = new DataExport { ExportId = "EXP-RETRY-1", RequestedBy = await OfficialAsync(db), Dataset = ExportDatasets.Residents, Format = ExportFormats.Csv };
        db.Exports.Add(row);
        await db.SaveChangesAsync();
        var now = TestClock.UtcNow;

        (await ExportJob.ClaimAsync(db, row.Id, now, CancellationToken.None)).Should().Be(1);
        (await ExportJob.ClaimAsync(db, row.Id, now, CancellationToken.None)).Should().Be(1, "the same UPDATE run again by the execution strategy");
        (await ExportJob.ClaimAsync(db, row.Id, now.AddSeconds(1), CancellationToken.None)).Should().Be(0, "another run finds it freshly claimed");
    }

    [Fact]
    public async Task ImportClaim_RunAgainWithTheSameMoment_IsStillThisRunsClaim_AnotherRunIsRefused()
    {
        await using var db = await _services.DbAsync();
        var row = new DataImport { ImportId = "IMP-RETRY-1", RequestedBy = await OfficialAsync(db), DatasetTarget = ImportTargets.Residents, Status = ImportStatuses.Validating };
        db.Imports.Add(row);
        await db.SaveChangesAsync();
        var now = TestClock.UtcNow;

        (await ImportJob.ClaimAsync(db, row.Id, now, CancellationToken.None)).Should().Be(1);
        (await ImportJob.ClaimAsync(db, row.Id, now, CancellationToken.None)).Should().Be(1, "the same UPDATE run again by the execution strategy");
        (await ImportJob.ClaimAsync(db, row.Id, now.AddSeconds(1), CancellationToken.None)).Should().Be(0, "another run finds it freshly claimed");
    }

    private static Task<Guid> OfficialAsync(Barangay.Data.BarangayDbContext db) =>
        db.Users.Where(u => u.UserName == DemoAccounts.OfficialUser).Select(u => u.Id).SingleAsync();
}
