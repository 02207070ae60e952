using Barangay.Data;
using Barangay.Data.Email;
using Barangay.Jobs.Maintenance;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Jobs.Email;

/// <summary>
/// Emails that should be on their way but have no job: queued and due (a crash between the commit and the
/// enqueue, or a lost retry), or stuck in sending after the sender's claim expired.
/// </summary>
public sealed class EmailQueueWorkSource(IDbContextFactory<BarangayDbContext> factory, IEmailDispatcher dispatcher) : IQueuedWorkSource
{
    public string Name => "email_queue";

    public async Task<int> RequeueDueAsync(DateTime now, DateTime dueBefore, int limit, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var ids = await db.EmailQueue.AsNoTracking()
            .Where(e => (e.Status == EmailStatuses.Queued
                         && ((e.NextAttemptAt == null && e.CreatedAt <= dueBefore) || e.NextAttemptAt <= dueBefore))
                        || (e.Status == EmailStatuses.Sending && e.LockedUntil < now
                            && (e.NextAttemptAt == null || e.NextAttemptAt <= now)))
            .OrderBy(e => e.CreatedAt).Take(limit).Select(e => e.Id).ToListAsync(ct);
        if (ids.Count > 0) await dispatcher.DispatchAsync(ids, ct);
        return ids.Count;
    }
}
