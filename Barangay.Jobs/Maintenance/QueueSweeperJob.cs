using Hangfire;
using Microsoft.Extensions.Logging;

namespace Barangay.Jobs.Maintenance;

/// <summary>
/// The recurring sweeper: a crash between "insert row" and "enqueue job" (or a lost retry) loses nothing,
/// because every <see cref="IQueuedWorkSource"/> re-enqueues its due rows here. Hangfire runs a recurring
/// job once per cluster.
/// </summary>
public sealed class QueueSweeperJob(IEnumerable<IQueuedWorkSource> sources, JobsOptions options, TimeProvider clock, ILogger<QueueSweeperJob> log)
{
    public const string RecurringId = "queue-sweeper";
    private const int Batch = 1000;

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [JobDisplayName("Re-enqueue queued work left without a job")]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var total = 0;
        foreach (var source in sources)
        {
            int n;
            do
            {
                var now = clock.GetUtcNow().UtcDateTime;
                n = await source.RequeueDueAsync(now, now - options.SweepGrace, Batch, ct);
                total += n;
            }
            while (n == Batch && !ct.IsCancellationRequested);
            if (n > 0) log.LogInformation("Sweeper re-enqueued {Count} {Source} row(s)", n, source.Name);
        }
        return total;
    }
}
