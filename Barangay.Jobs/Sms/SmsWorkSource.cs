using Barangay.Data;
using Barangay.Data.Sms;
using Barangay.Jobs.Maintenance;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Jobs.Sms;

/// <summary>Texts that should be on their way but have no run (a crash, a lost retry, a backoff that came due): one run is started.</summary>
public sealed class SmsWorkSource(IDbContextFactory<BarangayDbContext> factory, ISmsDispatcher dispatcher) : IQueuedWorkSource
{
    public string Name => "sms_outbox";

    public async Task<int> RequeueDueAsync(DateTime now, DateTime dueBefore, int limit, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var due = await db.Set<SmsMessage>().AsNoTracking()
            .Where(m => (m.Status == SmsStatuses.Queued && ((m.NextAttemptAt == null && m.CreatedAt <= dueBefore) || m.NextAttemptAt <= now))
                        || (m.Status == SmsStatuses.Sending && m.LockedUntil < now))
            .CountAsync(ct);
        if (due == 0) return 0;
        await dispatcher.StartAsync(ct);
        // One run sends them all; report one so the sweeper does not loop.
        return 1;
    }
}
