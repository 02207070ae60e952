using Barangay.Data.Email;
using Hangfire;

namespace Barangay.Jobs.Email;

/// <summary>One Hangfire job per row id; the job's claim makes a second enqueue of the same id harmless.</summary>
public sealed class HangfireEmailDispatcher(IBackgroundJobClient jobs) : IEmailDispatcher
{
    public Task DispatchAsync(IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        foreach (var id in ids.Distinct())
        {
            ct.ThrowIfCancellationRequested();
            jobs.Enqueue<EmailDeliveryJob>(j => j.SendAsync(id, CancellationToken.None));
        }
        return Task.CompletedTask;
    }
}
