using Barangay.Data;
using Barangay.Data.Email;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Jobs.Maintenance;

/// <summary>
/// Old outbox rows go: sent ones after <see cref="SentDays"/> days, failed ones after <see cref="FailedDays"/> (kept
/// longer so an admin can still see what never arrived and resend it). Every announcement writes a row per resident
/// with an email, and each row holds the message's personal content, so keeping them for ever would both grow the
/// table without bound and keep personal data longer than the Data Privacy Act's "no longer than necessary".
/// Rows still queued or being sent are never touched. Served by <c>ix_email_queue_status_created</c>.
/// </summary>
public sealed class EmailQueuePurge(IDbContextFactory<BarangayDbContext> factory, TimeProvider clock) : IPurgeStep
{
    public const int SentDays = 90;
    public const int FailedDays = 180;

    public async Task<string> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sentBefore = now.AddDays(-SentDays);
        var failedBefore = now.AddDays(-FailedDays);
        await using var db = await factory.CreateDbContextAsync(ct);
        var sent = await db.EmailQueue.Where(e => e.Status == EmailStatuses.Sent && e.CreatedAt < sentBefore).ExecuteDeleteAsync(ct);
        var failed = await db.EmailQueue.Where(e => e.Status == EmailStatuses.Failed && e.CreatedAt < failedBefore).ExecuteDeleteAsync(ct);
        return $"{sent} sent and {failed} failed old email(s)";
    }
}
