using Barangay.App.Tenancy;
using Barangay.Data.Municipality;
using Barangay.Jobs.Documents;
using Barangay.Jobs.Maintenance;
using Barangay.Tests.Data.Municipality;
using Barangay.Tests.Infrastructure;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Barangay.Tests.Tenancy;

/// <summary>The separate worker (`Barangay.App worker`) over the municipality catalogue picks up a barangay added while it runs.</summary>
public sealed class WorkerNewBarangaysTests(MunicipalityFixture muni, TestDatabase home) : IClassFixture<MunicipalityFixture>, IClassFixture<TestDatabase>
{
    private static readonly string[] Recurring = [QueueSweeperJob.RecurringId, PurgeJob.RecurringId, OverdueDigestJob.RecurringId];

    [Fact]
    public async Task BarangayAddedWhileTheWorkerRuns_GetsItsRecurringJobs_WithoutARestart()
    {
        // Catalogue entries only: nothing here opens a barangay database. The crons are set far off so no occurrence runs.
        await muni.AddMissingAsync("Santo Niño", "santo-nino");
        await using var worker = await JobsTestHost.StartAsync(home.AppConnectionString, sendGrid: null, new Dictionary<string, string?>
        {
            ["Municipality:ConnectionString"] = TestEnvironment.For(muni.Name, "Default"),
            ["Municipality:DatabasePrefix"] = "t_unused_",
            ["Jobs:SweeperCron"] = "0 0 1 1 *",
            ["Jobs:PurgeCron"] = "0 0 1 1 *",
        });
        RecurringIds(worker).Should().Contain(Recurring.Select(id => id + "@santo-nino")).And.NotContain(id => id.EndsWith("@san-jose", StringComparison.Ordinal));

        // Added by another process (the municipal page of the web app): this worker learns of it when its cached
        // catalogue is renewed (at most CatalogueDirectory.MaxAge), and its watcher looks every NewBarangaysWatcher.Every.
        await muni.AddMissingAsync("San Jose", "san-jose");
        worker.Get<CatalogueDirectory>().Invalidate();
        var watcher = worker.Services.GetServices<IHostedService>().OfType<NewBarangaysWatcher>()
            .Should().ContainSingle("the worker runs the same watcher as the web app").Subject;
        await watcher.CheckAsync();

        RecurringIds(worker).Should().Contain(Recurring.Select(id => id + "@san-jose"), "the new barangay's sweeper, purge and digest run without a restart");
    }

    private static List<string> RecurringIds(JobsTestHost worker)
    {
        using var connection = worker.Get<JobStorage>().GetConnection();
        return Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).Select(j => j.Id).ToList();
    }
}
