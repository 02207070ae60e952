using System.Diagnostics;
using System.Text.RegularExpressions;
using Barangay.Data.Sms;
using Barangay.Jobs.Sms;
using Barangay.Tests.Data.Announcements;
using Barangay.Tests.Data.Documents;
using Barangay.Tests.Infrastructure;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Barangay.Tests.Jobs.Sms;

/// <summary>
/// Issue 24: a notice texted to a resident without email goes out as soon as the change that caused it commits
/// (<see cref="SmsAfterCommit"/> starts the SMS job), not when the queue sweeper next looks (1–2 minutes). The worker
/// here is the real one (Hangfire, <see cref="SmsDeliveryJob"/>, the HTTP gateway) with its recurring jobs off, so no
/// sweeper runs at all: a text that arrives was started by its own commit.
/// </summary>
public sealed class NoticeTextsRightAwayTests(DemoDatabase database, ITestOutputHelper output) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private const string JuanNumber = "+639175551010";

    /// <summary>Far below the sweeper's minute (plus its grace), generous for a loaded two-core machine.</summary>
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(15);

    private FakeSmsGateway _gateway = null!;
    private JobsTestHost _jobs = null!;
    private DocumentsTestHost _documents = null!;

    public async Task InitializeAsync()
    {
        _gateway = await FakeSmsGateway.StartAsync();
        _jobs = await JobsTestHost.StartAsync(database.AppConnectionString, sendGrid: null, new Dictionary<string, string?>
        {
            ["Sms:Gateway:BaseUrl"] = _gateway.BaseUrl,
            ["Sms:Gateway:ApiKey"] = "k",
            ["Jobs:RecurringJobs"] = "false", // no sweeper
        });
        // The app side: the real request service, whose commits start runs on the worker's Hangfire.
        _documents = new DocumentsTestHost(database.AppConnectionString,
            more: s => s.AddSingleton<ISmsDispatcher>(new HangfireSmsDispatcher(_jobs.Get<IBackgroundJobClient>())));
        await using var db = await _documents.Services.DbAsync();
        await MobileOnlyResident.MakeAsync(db, "juan", JuanNumber);
    }

    public async Task DisposeAsync()
    {
        await _documents.DisposeAsync();
        await _jobs.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    private static Regex Mentions(string requestId) => new(Regex.Escape(requestId));

    [Fact]
    public async Task RequestTexts_ArriveRightAfterTheirCommit_WithoutTheSweeper()
    {
        await _documents.AsJuanAsync();
        var clock = Stopwatch.StartNew();
        var ack = (await _documents.Requests.CreateAsync(DocumentRequestServiceTests.Clearance("Scholarship"))).Value!;
        var received = await _gateway.WaitForTextAsync(JuanNumber, Mentions(ack.RequestId), after: 0, Soon);
        output.WriteLine($"'received' text at the gateway {clock.ElapsedMilliseconds} ms after the request was filed");
        received.Should().StartWith("Barangay San Isidro: ").And.Contain("received");

        // The hall's next step (a status change) reaches the phone the same way.
        await _documents.AsSecretaryAsync();
        var before = _gateway.CountTo(JuanNumber);
        clock.Restart();
        (await _documents.Requests.ReviewAsync(ack.Id, (await _documents.Requests.GetAsync(ack.Id))!.Version)).Ok.Should().BeTrue();
        var status = await _gateway.WaitForTextAsync(JuanNumber, Mentions(ack.RequestId), after: before, Soon);
        output.WriteLine($"status text at the gateway {clock.ElapsedMilliseconds} ms after the review");
        status.Should().NotBe(received).And.NotContain(" received");
    }

    [Fact]
    public async Task ManyRunsAtOnce_SendTheTextOnce()
    {
        await _documents.AsJuanAsync();
        var client = _jobs.Get<IBackgroundJobClient>();
        var job = _jobs.Get<SmsDeliveryJob>();
        // The commit starts one run; three more are enqueued and one runs here, all racing for the same queued row.
        var ack = (await _documents.Requests.CreateAsync(DocumentRequestServiceTests.Clearance("Travel"))).Value!;
        var extra = Enumerable.Range(0, 3).Select(_ => client.Enqueue<SmsDeliveryJob>(j => j.SendDueAsync(CancellationToken.None))).ToList();
        await job.SendDueAsync(default);

        var storage = _jobs.Get<JobStorage>();
        await JobsTestHost.WaitUntilAsync(() =>
        {
            using var connection = storage.GetConnection();
            var monitor = storage.GetMonitoringApi();
            var settled = extra.All(id => connection.GetStateData(id)?.Name == Hangfire.States.SucceededState.StateName)
                          && monitor.ProcessingCount() == 0 && monitor.Queues().Sum(q => q.Length) == 0;
            return Task.FromResult(settled);
        }, "every SMS run to finish", seconds: 30);

        _gateway.Requests.Where(r => r.To == JuanNumber).Count(r => r.Message.Contains(ack.RequestId, StringComparison.Ordinal))
            .Should().Be(1, "five runs raced for the text, and the claim lets only one send it");
        await using var db = await _documents.Services.DbAsync();
        var row = await db.Set<SmsMessage>().AsNoTracking().SingleAsync(m => m.Source == "request" && m.ToNumber == JuanNumber && m.Body.Contains(ack.RequestId));
        row.Status.Should().Be(SmsStatuses.Sent);
        row.AttemptCount.Should().Be(1);
    }
}
