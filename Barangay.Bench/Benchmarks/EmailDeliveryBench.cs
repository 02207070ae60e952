using System.Diagnostics;
using Barangay.Bench.Infrastructure;
using Barangay.Data;
using Barangay.Data.Email;
using Barangay.Jobs;
using Barangay.Jobs.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Barangay.Bench.Benchmarks;

/// <summary>
/// Email delivery through the whole pipeline: <see cref="Total"/> committed <c>email_queue</c> rows are dispatched
/// (one Hangfire job each, in the jobs database), a Hangfire server in this process claims and sends each with the
/// real SendGrid client to a local fake endpoint answering 202, and records the outcome. The clock runs from the
/// first enqueue until every row says sent. Afterwards each row must have been sent exactly once.
/// </summary>
internal sealed class EmailDeliveryBench : IBenchmark
{
    private const int Total = 2_000;
    private const int Warmup = 200;
    private const int Workers = 20;
    private const double Target = 200;

    public string Name => "email_delivery";

    public string Description => $"email delivery: {Total} queued emails through Hangfire ({Workers} workers) and the SendGrid client to a local fake, after {Warmup} warm-up emails";

    public async Task<BenchOutcome> RunAsync(BenchDatabase database, CancellationToken ct)
    {
        var outcome = new BenchOutcome();
        var jobsCs = Environment.GetEnvironmentVariable("ConnectionStrings__Jobs");
        if (string.IsNullOrWhiteSpace(jobsCs))
        {
            outcome.Errors.Add("ConnectionStrings__Jobs is not set (run ./bench.sh, which creates the jobs database).");
            return outcome;
        }
        await using var fake = await FakeSendGridEndpoint.StartAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddBarangayData(database.ConnectionString, new DatabaseOptions());
        builder.Services.AddBarangayJobs(
            new JobsOptions
            {
                ConnectionString = jobsCs, Schema = "hangfire_bench", WorkerCount = Workers, RecurringJobs = false, HostLogging = false,
                QueuePollInterval = TimeSpan.FromSeconds(1),
            },
            new EmailOptions { SendGridApiKey = "SG.bench", SendGridBaseUrl = fake.BaseUrl });
        using var host = builder.Build();
        await host.StartAsync(ct);
        try
        {
            var dispatcher = host.Services.GetRequiredService<IEmailDispatcher>();
            await DeliverAsync(database, dispatcher, "warm-up", Warmup, ct);
            var (ids, elapsed, dispatched) = await DeliverAsync(database, dispatcher, "bench", Total, ct);
            var rate = Total / elapsed.TotalSeconds;
            outcome.Results.Add(new BenchResult("email_delivery_per_s", rate, "msgs/s"));
            outcome.Notes.Add($"{Total} emails enqueued in {dispatched.TotalSeconds:F2} s and delivered in {elapsed.TotalSeconds:F2} s (target ≥ {Target} msgs/s: {(rate >= Target ? "met" : "NOT met")})");
            var twice = ids.Count(id => fake.RequestsPerId.GetValueOrDefault(id.ToString()) != 1);
            if (twice > 0) outcome.Errors.Add($"{twice} email(s) were not sent exactly once");
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
        return outcome;
    }

    private static async Task<(List<Guid> Ids, TimeSpan Elapsed, TimeSpan Dispatched)> DeliverAsync(BenchDatabase database, IEmailDispatcher dispatcher, string tag, int count, CancellationToken ct)
    {
        var ids = new List<Guid>(count);
        for (var done = 0; done < count; done += 500)
        {
            await using var db = await database.Contexts.CreateDbContextAsync(ct);
            for (var i = done; i < Math.Min(count, done + 500); i++)
                ids.Add(EmailOutbox.Queue(db, $"resident{i}@example.ph", $"{tag} {i}", "<p>Your request is ready for pick-up.</p>").Id);
            await db.SaveChangesAsync(ct);
        }
        var start = Stopwatch.GetTimestamp();
        await dispatcher.DispatchAsync(ids, ct);
        var dispatched = Stopwatch.GetElapsedTime(start);
        while (true)
        {
            if (Stopwatch.GetElapsedTime(start) > TimeSpan.FromMinutes(5)) throw new TimeoutException($"{tag}: not every email was sent within 5 minutes");
            await using var db = await database.Contexts.CreateDbContextAsync(ct);
            var sent = await db.EmailQueue.CountAsync(e => ids.Contains(e.Id) && e.Status == EmailStatuses.Sent, ct);
            if (sent == count) return (ids, Stopwatch.GetElapsedTime(start), dispatched);
            await Task.Delay(50, ct);
        }
    }
}
