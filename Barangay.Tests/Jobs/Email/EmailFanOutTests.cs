using Barangay.Data.Email;
using Barangay.Jobs.Email;
using Barangay.Tests.Infrastructure;
using Hangfire;

namespace Barangay.Tests.Jobs.Email;

/// <summary>
/// A fan-out's emails in batch jobs, on a database, jobs host and fake SendGrid of its own: the other delivery tests
/// script the fake's answers in order, which a batch of 60 sends would otherwise take.
/// </summary>
public class EmailFanOutTests : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly TestDatabase _database;
    private FakeSendGrid _sendGrid = null!;
    private JobsTestHost _jobs = null!;

    public EmailFanOutTests(TestDatabase database) => _database = database;

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

    private async Task WaitForStatusAsync(Guid id, string status) =>
        await JobsTestHost.WaitUntilAsync(async () => (await ReadAsync(id)).Status == status, $"email {id} to be {status}", seconds: 120);

    private async Task<Guid> QueueAsync(string subject)
    {
        await using var db = await _jobs.DbAsync();
        return await EmailTestRows.QueueAsync(db, subject);
    }

    [Fact]
    public async Task FanOutOfManyEmails_GoesInBatchJobs_EachEmailSentOnce()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 60; i++) ids.Add(await QueueAsync($"Fan-out {i}"));
        var dispatcher = _jobs.Get<IEmailDispatcher>();
        await dispatcher.DispatchAsync(ids);
        await dispatcher.DispatchAsync(ids.Take(30)); // a double click: the same rows again

        foreach (var id in ids) await WaitForStatusAsync(id, EmailStatuses.Sent);
        ids.Should().OnlyContain(id => _sendGrid.For(id).Count == 1);
        var monitor = _jobs.Get<JobStorage>().GetMonitoringApi();
        await JobsTestHost.WaitUntilAsync(
            () => Task.FromResult(monitor.SucceededJobs(0, 500).Count(j => j.Value.Job?.Method.Name == nameof(EmailDeliveryJob.SendBatchAsync)) >= 3),
            "the batch jobs (two for the 60, one for the 30 again) to finish");
    }
}
