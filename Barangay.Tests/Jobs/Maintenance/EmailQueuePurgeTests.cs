using Barangay.Data.Email;
using Barangay.Jobs.Maintenance;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Jobs.Maintenance;

/// <summary>The recurring purge (as the worker composes it) removes old outbox rows: sent after 90 days, failed after 180.</summary>
public class EmailQueuePurgeTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private JobsTestHost _jobs = null!;

    public async Task InitializeAsync() => _jobs = await JobsTestHost.StartAsync(database.AppConnectionString, sendGrid: null);

    public async Task DisposeAsync() => await _jobs.DisposeAsync();

    [Fact]
    public async Task Purge_RemovesOldSentAndVeryOldFailed_KeepsRecentAndUnsent()
    {
        await using var db = await _jobs.DbAsync();
        EmailQueueItem Mail(string status, int daysAgo) => new()
        {
            Id = Guid.NewGuid(), ToEmail = "juan@example.test", Subject = "purge.test", Body = "Your barangay clearance is ready.",
            Status = status, CreatedAt = TestClock.UtcNow.AddDays(-daysAgo),
        };
        var oldSent = Mail(EmailStatuses.Sent, 91);
        var recentSent = Mail(EmailStatuses.Sent, 89);
        var failedKeptForTheAdmin = Mail(EmailStatuses.Failed, 120);
        var oldFailed = Mail(EmailStatuses.Failed, 181);
        var stillQueued = Mail(EmailStatuses.Queued, 400);
        db.EmailQueue.AddRange(oldSent, recentSent, failedKeptForTheAdmin, oldFailed, stillQueued);
        await db.SaveChangesAsync();

        await _jobs.Get<PurgeJob>().RunAsync(CancellationToken.None);

        var left = await db.EmailQueue.AsNoTracking().Where(e => e.Subject == "purge.test").Select(e => e.Id).ToListAsync();
        left.Should().BeEquivalentTo([recentSent.Id, failedKeptForTheAdmin.Id, stillQueued.Id]);
    }
}
