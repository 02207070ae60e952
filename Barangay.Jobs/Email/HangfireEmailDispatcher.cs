using Barangay.Data.Email;
using Hangfire;

namespace Barangay.Jobs.Email;

/// <summary>One Hangfire job per row id; the job's claim makes a second enqueue of the same id harmless.</summary>
public sealed class HangfireEmailDispatcher(IBackgroundJobClient jobs) : IEmailDispatcher
{
    /// <summary>A fan-out of many emails is enqueued over a few connections at once (each enqueue is a storage round trip).</summary>
    private const int ParallelFrom = 16;

    public async Task DispatchAsync(IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        var list = ids.Distinct().ToList();
        if (list.Count < ParallelFrom)
        {
            foreach (var id in list)
            {
                ct.ThrowIfCancellationRequested();
                Enqueue(id);
            }
            return;
        }
        await Parallel.ForEachAsync(list, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, (id, _) =>
        {
            Enqueue(id);
            return ValueTask.CompletedTask;
        });
    }

    private void Enqueue(Guid id) => jobs.Enqueue<EmailDeliveryJob>(j => j.SendAsync(id, CancellationToken.None));
}
