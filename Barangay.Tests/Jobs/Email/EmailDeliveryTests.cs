using Barangay.Data.Email;
using Barangay.Jobs.Email;
using Barangay.Jobs.Maintenance;
using Barangay.Tests.Infrastructure;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Jobs.Email;

/// <summary>
/// Email delivery through the real Hangfire storage and server (the worker's composition), the real SendGrid
/// client and a fake SendGrid endpoint on 127.0.0.1.
/// </summary>
public class EmailDeliveryTests : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly TestDatabase _database;
    private FakeSendGrid _sendGrid = null!;
    private JobsTestHost _jobs = null!;

    public EmailDeliveryTests(TestDatabase database) => _database = database;

    public async Task InitializeAsync()
    {
        _sendGrid = await FakeSendGrid.StartAsync();
        _jobs = await JobsTestHost.StartAsync(_database.AppConnectionString, _sendGrid);
    }

    public async Task DisposeAsync()
    {
        await _jobs.DisposeAsync();
        await _sendGrid.DisposeAsync();
    }

    private Task<EmailQueueItem> ReadAsync(Guid id) => EmailTestRows.ReadAsync(_jobs.DbAsync, id);

    /// <summary>
    /// Retries are due within a few seconds here (Email:RetryBaseDelay 0.1 s, rounded up to whole seconds); the
    /// sweeper that would rescue a lost retry runs once a minute, so a wait of 30 s fails when a retry is lost.
    /// </summary>
    private async Task<EmailQueueItem> WaitForStatusAsync(Guid id, string status)
    {
        await JobsTestHost.WaitUntilAsync(async () => (await ReadAsync(id)).Status == status, $"email {id} to be {status}", seconds: 30);
        return await ReadAsync(id);
    }

    private async Task<Guid> QueueAsync(string subject)
    {
        await using var db = await _jobs.DbAsync();
        return await EmailTestRows.QueueAsync(db, subject);
    }

    [Fact]
    public async Task ServerErrorThreeTimes_ThenAccepted_IsSentOnceOnTheFourthAttempt()
    {
        _sendGrid.Answer(500, 500, 500);
        var id = await QueueAsync("Your barangay clearance is ready");
        await _jobs.Get<IEmailDispatcher>().DispatchAsync([id]);

        var row = await WaitForStatusAsync(id, EmailStatuses.Sent);

        var requests = _sendGrid.For(id);
        requests.Select(r => r.Answer).Should().Equal(500, 500, 500, 202);
        requests.Should().OnlyContain(r => r.To == "resident@example.ph" && r.Subject == "Your barangay clearance is ready" && r.Authorization == "Bearer SG.test-key");
        row.AttemptCount.Should().Be(4);
        row.LastResult.Should().Be("Accepted by SendGrid (202)");
        row.LastAttemptAt.Should().NotBeNull();
        row.LockedUntil.Should().BeNull();
    }

    [Fact]
    public async Task RateLimited_IsRetriedAndSaysSoInPlainWords()
    {
        _sendGrid.Answer(429, 429, 429, 429, 429);
        var id = await QueueAsync("Rate limited");
        await _jobs.Get<IEmailDispatcher>().DispatchAsync([id]);

        var row = await WaitForStatusAsync(id, EmailStatuses.Failed);

        _sendGrid.For(id).Should().HaveCount(5, "Email:MaxAttempts is 5");
        row.AttemptCount.Should().Be(5);
        row.LastResult.Should().Be("SendGrid is rate limiting (429); gave up after 5 attempts");
    }

    [Fact]
    public async Task RetryWokenBeforeItIsDue_IsScheduledAgain_NotLeftToTheSweeper()
    {
        // Hangfire keeps a scheduled job's time in whole seconds, so a retry can wake just before its row is due.
        var id = await QueueAsync("Woken early");
        await using (var db = await _jobs.DbAsync())
        {
            await db.EmailQueue.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.NextAttemptAt, TestClock.UtcNow.AddSeconds(2)));
        }

        await _jobs.Get<EmailDeliveryJob>().SendAsync(id, CancellationToken.None);

        _sendGrid.For(id).Should().BeEmpty("the row was not due yet");
        var scheduled = _jobs.Get<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 100)
            .Where(j => j.Value.Job?.Method.Name == nameof(EmailDeliveryJob.SendAsync) && j.Value.Job.Args[0] is Guid g && g == id);
        scheduled.Should().ContainSingle("the early run puts the row back on the schedule for when it is due");
        var row = await WaitForStatusAsync(id, EmailStatuses.Sent);
        row.AttemptCount.Should().Be(1);
        _sendGrid.For(id).Should().ContainSingle();
    }

    [Fact]
    public async Task BadRequest_FailsAtOnceWithSendGridsReason()
    {
        _sendGrid.Answer(400);
        var id = await QueueAsync("Rejected one");
        await _jobs.Get<IEmailDispatcher>().DispatchAsync([id]);

        var row = await WaitForStatusAsync(id, EmailStatuses.Failed);

        _sendGrid.For(id).Should().ContainSingle();
        row.AttemptCount.Should().Be(1);
        row.LastResult.Should().Be($"Rejected by SendGrid (400): {FakeSendGrid.RejectionMessage}");
        row.NextAttemptAt.Should().BeNull();
    }

    [Fact]
    public async Task DuplicateEnqueueAndRunTwice_SendsOneRequest()
    {
        var id = await QueueAsync("Sent once");
        var job = _jobs.Get<EmailDeliveryJob>();
        await Task.WhenAll(job.SendAsync(id, CancellationToken.None), _jobs.Get<EmailDeliveryJob>().SendAsync(id, CancellationToken.None));
        var dispatcher = _jobs.Get<IEmailDispatcher>();
        await dispatcher.DispatchAsync([id]);
        await dispatcher.DispatchAsync([id]);
        var monitor = _jobs.Get<JobStorage>().GetMonitoringApi();
        await JobsTestHost.WaitUntilAsync(
            () => Task.FromResult(monitor.SucceededJobs(0, 100).Count(j => j.Value.Job?.Method.Name == nameof(EmailDeliveryJob.SendAsync)) >= 2),
            "both Hangfire jobs to finish");

        _sendGrid.For(id).Should().ContainSingle();
        var row = await ReadAsync(id);
        row.Status.Should().Be(EmailStatuses.Sent);
        row.AttemptCount.Should().Be(1);
    }

    [Fact]
    public async Task AppKilledBetweenCommitAndEnqueue_SweeperSendsItExactlyOnce()
    {
        // The row is committed but no job was ever enqueued: the app died right after SaveChanges.
        var id = await QueueAsync("Written before the crash");

        // The restarted app's recurring sweeper runs (triggered now rather than waiting for the minute).
        _jobs.Get<IRecurringJobManager>().Trigger(QueueSweeperJob.RecurringId);
        var row = await WaitForStatusAsync(id, EmailStatuses.Sent);

        (await _jobs.Get<QueueSweeperJob>().RunAsync(CancellationToken.None)).Should().Be(0, "nothing is left to sweep");
        _sendGrid.For(id).Should().ContainSingle();
        row.AttemptCount.Should().Be(1);
    }

    [Fact]
    public async Task SenderDiedWhileSending_SweeperTakesOverAfterTheClaimExpires()
    {
        var id = await QueueAsync("Claimed by a sender that died");
        await using (var db = await _jobs.DbAsync())
        {
            var row = await db.EmailQueue.FindAsync(id);
            row!.Status = EmailStatuses.Sending;
            row.LockedUntil = TestClock.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }

        // Other tests of this class share the database; what counts is that this row is re-enqueued and sent once.
        (await _jobs.Get<QueueSweeperJob>().RunAsync(CancellationToken.None)).Should().BeGreaterThanOrEqualTo(1);
        await WaitForStatusAsync(id, EmailStatuses.Sent);
        _sendGrid.For(id).Should().ContainSingle();
    }
}
