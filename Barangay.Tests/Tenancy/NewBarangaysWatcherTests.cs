using System.Collections.Concurrent;
using Barangay.App.Tenancy;
using Barangay.Data.Municipality;
using Barangay.Data.Tenancy;
using Barangay.Jobs;
using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Barangay.Tests.Tenancy;

/// <summary>A barangay added while the app runs gets its pollers and recurring jobs without a restart, once.</summary>
public class NewBarangaysWatcherTests
{
    [Fact]
    public async Task BarangayAddedAtRunTime_GetsItsPollersAndRecurringJobs_Once()
    {
        var directory = new Directory([Listing("a"), Listing("b")]);
        var started = new ConcurrentBag<string>();
        var hangfire = new RecordingManager();
        var services = new ServiceCollection();
        services.AddSingleton(started);
        services.AddSingleton<IBarangayDirectory>(directory);
        services.AddHostedService<Poller>();
        PerBarangayHostedService.Apply(services, typeof(Poller));
        services.AddSingleton<IRecurringJobManager>(sp => new PerBarangayRecurringJobs(hangfire, directory));
        await using var sp = services.BuildServiceProvider();

        foreach (var h in sp.GetServices<IHostedService>()) await h.StartAsync(CancellationToken.None);
        sp.GetRequiredService<IRecurringJobManager>().AddOrUpdate("queue-sweeper", Job.FromExpression(() => Console.WriteLine()), Cron.Minutely(), new RecurringJobOptions());
        started.Should().BeEquivalentTo(["a", "b"]);
        hangfire.Ids.Should().BeEquivalentTo(["queue-sweeper@a", "queue-sweeper@b"]);

        var watcher = new NewBarangaysWatcher(sp, directory, NullLogger<NewBarangaysWatcher>.Instance);
        await watcher.CheckAsync();
        directory.Add(Listing("c"));
        directory.Add(Listing("d") with { Status = BarangayStatuses.Suspended });
        (await watcher.CheckAsync()).Should().Equal("c");
        (await watcher.CheckAsync()).Should().BeEmpty();

        started.Should().BeEquivalentTo(["a", "b", "c"], "one poller copy for the new active barangay, none twice, none for a suspended one");
        hangfire.Ids.Distinct().Should().BeEquivalentTo(["queue-sweeper@a", "queue-sweeper@b", "queue-sweeper@c"]);
    }

    private static BarangayListing Listing(string slug) => new ConfiguredBarangay { Slug = slug, ConnectionString = "Host=127.0.0.1" }.ToListing();

    private sealed class Poller(ConcurrentBag<string> started) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            started.Add(BarangayAmbient.Current?.Slug ?? "(none)");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class Directory(List<BarangayListing> all) : IBarangayDirectory
    {
        public void Add(BarangayListing b) { lock (all) all.Add(b); }
        public Task<IReadOnlyList<BarangayListing>> ListAsync(CancellationToken ct = default) { lock (all) return Task.FromResult<IReadOnlyList<BarangayListing>>([.. all]); }
        public Task<BarangayListing?> FindBySlugAsync(string slug, CancellationToken ct = default) => Task.FromResult(all.FirstOrDefault(b => b.Slug == slug));
        public Task<BarangayListing?> FindByHostAsync(string host, CancellationToken ct = default) => Task.FromResult<BarangayListing?>(null);
    }

    private sealed class RecordingManager : IRecurringJobManager
    {
        public ConcurrentQueue<string> Ids { get; } = new();
        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options) => Ids.Enqueue(recurringJobId);
        public void Trigger(string recurringJobId) { }
        public void RemoveIfExists(string recurringJobId) { }
    }
}
