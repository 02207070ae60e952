using Barangay.Data.Email;
using Hangfire;

namespace Barangay.Jobs.Email;

/// <summary>
/// A few emails get one Hangfire job each; a fan-out's many go in batches (each job's claim makes a second enqueue of
/// the same id harmless, so a row in two batches is still sent once).
/// </summary>
public sealed class HangfireEmailDispatcher(IBackgroundJobClient jobs) : IEmailDispatcher
{
    private const int BatchFrom = 16;

    /// <summary>Small enough that the batches spread over the workers, large enough that Hangfire's cost per job fades.</summary>
    internal const int BatchSize = 50;

    public Task DispatchAsync(IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        var list = ids.Distinct().ToList();
        if (list.Count < BatchFrom)
        {
            foreach (var id in list)
            {
                ct.ThrowIfCancellationRequested();
                jobs.Enqueue<EmailDeliveryJob>(j => j.SendAsync(id, CancellationToken.None));
            }
            return Task.CompletedTask;
        }
        foreach (var batch in list.Chunk(BatchSize))
        {
            ct.ThrowIfCancellationRequested();
            jobs.Enqueue<EmailDeliveryJob>(j => j.SendBatchAsync(batch, CancellationToken.None));
        }
        return Task.CompletedTask;
    }
}
