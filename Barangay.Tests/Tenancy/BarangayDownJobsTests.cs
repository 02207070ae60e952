using Barangay.Data.Municipality;
using Barangay.Data.Tenancy;
using Barangay.Jobs.Email;
using Barangay.Tests.Infrastructure;
using Hangfire;
using Hangfire.Storage.Monitoring;

namespace Barangay.Tests.Tenancy;

/// <summary>
/// In the worker, a barangay whose database cannot be reached is marked down by the first job that finds it so, and
/// its next jobs fail at once (Hangfire retries them later) instead of each waiting out the 45 s retry budget; the
/// other barangays' jobs run as usual.
/// </summary>
public sealed class BarangayDownJobsTests(TestDatabase up) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task JobsOfABarangayFoundDown_FailAtOnce_WhileTheOthersRun()
    {
        var gone = "t_gone_" + Guid.NewGuid().ToString("N")[..12];
        await using var worker = await JobsTestHost.StartAsync(up.AppConnectionString, sendGrid: null, new Dictionary<string, string?>
        {
            ["Barangays:0:Slug"] = "a", ["Barangays:0:Name"] = "Barangay A", ["Barangays:0:ConnectionString"] = up.AppConnectionString,
            // A database that does not exist answers at once (3D000), so the test need not wait out the retry budget.
            ["Barangays:1:Slug"] = "d", ["Barangays:1:Name"] = "Barangay D", ["Barangays:1:ConnectionString"] = TestEnvironment.For(gone, "Default"),
            ["Jobs:SweeperCron"] = "0 0 1 1 *",
            ["Jobs:PurgeCron"] = "0 0 1 1 *",
        });
        var a = new ConfiguredBarangay { Slug = "a", ConnectionString = up.AppConnectionString }.ToListing();
        var d = new ConfiguredBarangay { Slug = "d", ConnectionString = TestEnvironment.For(gone, "Default") }.ToListing();
        var outages = worker.Get<BarangayOutages>();
        var client = worker.Get<IBackgroundJobClient>();
        var monitor = worker.Get<JobStorage>().GetMonitoringApi();
        string Enqueue(BarangayListing b)
        {
            using var _ = BarangayAmbient.Use(b);
            return client.Enqueue<EmailDeliveryJob>(j => j.SendAsync(Guid.NewGuid(), CancellationToken.None));
        }

        outages.IsMarked(d).Should().BeFalse();
        Enqueue(d);
        await JobsTestHost.WaitUntilAsync(() => Task.FromResult(outages.IsMarked(d)), "the first job to mark barangay D down");

        var next = Enqueue(d);
        var forA = Enqueue(a);
        await JobsTestHost.WaitUntilAsync(() => Task.FromResult(Failed(monitor.JobDetails(next)) is not null), "D's next job to fail", seconds: 20);
        Failed(monitor.JobDetails(next)).Should().Contain("Barangay D's database cannot be reached right now", "it was refused without opening the database");
        await JobsTestHost.WaitUntilAsync(() => Task.FromResult(monitor.JobDetails(forA).History.Any(h => h.StateName == "Succeeded")), "A's job to run", seconds: 20);
        outages.IsMarked(a).Should().BeFalse();
    }

    /// <summary>The failure's words, once the job has failed (and was scheduled again by Hangfire's retry), else null.</summary>
    private static string? Failed(JobDetailsDto job) => job.History.FirstOrDefault(h => h.StateName == "Failed") is { } f
        ? f.Reason + " " + string.Join(" ", f.Data?.Values ?? [])
        : null;
}
