using Barangay.Data.Announcements;
using Hangfire;

namespace Barangay.Jobs.Announcements;

/// <summary>Runs one announcement's fan-out (see <see cref="AnnouncementFanOut"/>: resumable and idempotent).</summary>
public sealed class AnnouncementFanOutJob(AnnouncementFanOut fanOut)
{
    [AutomaticRetry(Attempts = 5)]
    [JobDisplayName("Deliver announcement (delivery {0})")]
    public Task RunAsync(Guid deliveryId, CancellationToken ct) => fanOut.RunAsync(deliveryId, ct);
}

/// <summary>One Hangfire job per delivery row.</summary>
public sealed class HangfireAnnouncementDispatcher(IBackgroundJobClient jobs) : IAnnouncementDispatcher
{
    public Task StartAsync(Guid deliveryId, CancellationToken ct = default)
    {
        jobs.Enqueue<AnnouncementFanOutJob>(j => j.RunAsync(deliveryId, CancellationToken.None));
        return Task.CompletedTask;
    }
}
