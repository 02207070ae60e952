using Barangay.Data;
using Barangay.Data.Announcements;
using Barangay.Data.Audit;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Jobs.Announcements;

/// <summary>Every minute: scheduled announcements whose <c>start_at</c> has come are published and their fan-out started.</summary>
public sealed class ScheduledAnnouncementsJob(IDbContextFactory<BarangayDbContext> factory, IAnnouncementDispatcher dispatcher, TimeProvider clock)
{
    public const string RecurringId = "announcements-scheduler";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [JobDisplayName("Publish scheduled announcements")]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = AuditActor.System("announcement scheduler");
        return await AnnouncementService.PublishDueAsync(db, dispatcher, clock.GetUtcNow().UtcDateTime, ct);
    }
}
