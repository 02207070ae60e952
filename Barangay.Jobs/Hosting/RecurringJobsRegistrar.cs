using Barangay.Jobs.Maintenance;
using Hangfire;
using Microsoft.Extensions.Hosting;

namespace Barangay.Jobs;

/// <summary>
/// Registers the recurring jobs at start-up (AddOrUpdate is idempotent, so every replica may do it). Hangfire
/// runs each occurrence once in the cluster, whichever server picks it up.
/// </summary>
public sealed class RecurringJobsRegistrar(IRecurringJobManager manager, JobsOptions options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
        manager.AddOrUpdate<QueueSweeperJob>(QueueSweeperJob.RecurringId, j => j.RunAsync(CancellationToken.None), options.SweeperCron, utc);
        manager.AddOrUpdate<PurgeJob>(PurgeJob.RecurringId, j => j.RunAsync(CancellationToken.None), options.PurgeCron, utc);
        manager.AddOrUpdate<Documents.OverdueDigestJob>(Documents.OverdueDigestJob.RecurringId, j => j.RunAsync(CancellationToken.None), Documents.OverdueDigestJob.Cron, utc);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
