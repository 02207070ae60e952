using Barangay.Data;
using Barangay.Data.Accounts;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Documents;
using Barangay.Data.Email;
using Barangay.Data.Notifications;
using Barangay.Data.Officials;
using Barangay.Data.Security;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Barangay.Jobs.Documents;

/// <summary>
/// The morning digest of overdue document requests (past their RA 11032 deadline), to each active official who works
/// the queue: one notification and one email listing the oldest. Idempotent per Manila day: a second run the same day
/// (a retry, a second replica) sends nothing.
/// </summary>
public sealed class OverdueDigestJob(IDbContextFactory<BarangayDbContext> factory, TimeProvider clock, IEmailDispatcher emails, ILogger<OverdueDigestJob> log)
{
    public const string RecurringId = "documents-overdue-digest";
    /// <summary>8:00 AM Manila (00:00 UTC), Monday to Friday.</summary>
    public const string Cron = "0 0 * * 1-5";
    public const string NotificationType = "document_overdue_digest";
    private const int Listed = 10;

    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [JobDisplayName("Overdue document requests: daily digest to the officials")]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var todayStart = TimeZones.ManilaToUtc(TimeZones.ManilaToday(clock).ToDateTime(TimeOnly.MinValue));
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = AuditActor.System(RecurringId);
        var overdue = await db.DocumentRequests.AsNoTracking()
            .Where(r => r.DueAt < now && DocumentRequestStatuses.Pending.Contains(r.Status))
            .OrderBy(r => r.DueAt)
            .Select(r => new { r.Id, r.RequestId, r.Type, r.Status, r.DueAt })
            .ToListAsync(ct);
        if (overdue.Count == 0) return 0;

        var officials = await (
                from o in db.Officials.AsNoTracking()
                join u in db.Users.AsNoTracking() on o.UserId equals u.Id
                where o.Status == OfficialStatuses.Active && u.Status == UserStatuses.Active && u.Roles.Contains(AppRoles.Official)
                select new { u.Id, u.Roles, o.Position, u.Email, u.FullName })
            .ToListAsync(ct);
        var responsible = officials
            .Where(o => RolePermissions.For(o.Roles, o.Position) is var p && (p.Contains(Permissions.Documents.Process) || p.Contains(Permissions.Documents.Release)))
            .DistinctBy(o => o.Id).ToList();
        // Notifications are stamped by the database (created_at DEFAULT now(), the one clock every replica's poller reads):
        // "since this morning" is measured back from the database's now() (DateTime.UtcNow is translated to now() in SQL).
        var sinceMorning = clock.GetUtcNow().UtcDateTime - todayStart;
        var already = await db.Notifications.AsNoTracking()
            .Where(n => n.Type == NotificationType && n.CreatedAt >= DateTime.UtcNow - sinceMorning)
            .Select(n => n.UserId).ToListAsync(ct);
        var recipients = responsible.Where(o => !already.Contains(o.Id)).ToList();
        if (recipients.Count == 0) return 0;

        var labels = await db.LookupValues.AsNoTracking().Where(l => l.Category == Barangay.Data.Settings.LookupCategories.DocumentType)
            .ToDictionaryAsync(l => l.Code, l => l.Label, ct);
        var text = $"{overdue.Count} document request{(overdue.Count == 1 ? " is" : "s are")} past the deadline. Oldest: "
                   + string.Join(", ", overdue.Take(3).Select(r => r.RequestId)) + ".";
        var lines = overdue.Take(Listed).Select(r =>
            $"- {r.RequestId} {labels.GetValueOrDefault(r.Type, r.Type)} ({r.Status}), due {TimeZones.ToManila(r.DueAt!.Value):MMM d h:mm tt}");
        var body = $"Good morning,\n\n{text}\n\n{string.Join("\n", lines)}"
                   + (overdue.Count > Listed ? $"\n…and {overdue.Count - Listed} more." : "")
                   + "\n\nOpen the request queue with \"Overdue only\" to act on them.\n";
        var payload = new NotificationPayload(text.Length > NotificationPayloads.MaxTextLength ? text[..NotificationPayloads.MaxTextLength] : text, "/documents?overdue=true");
        var sent = await NotificationService.AddAsync(db, recipients.Select(r => r.Id).ToList(), NotificationType, payload, ct);
        if (!sent.Succeeded) throw new InvalidOperationException(sent.Error);
        var ids = new List<Guid>();
        foreach (var r in recipients.Where(r => !string.IsNullOrWhiteSpace(r.Email)))
            ids.Add(EmailOutbox.Queue(db, r.Email!, $"{overdue.Count} overdue document request{(overdue.Count == 1 ? "" : "s")}", body).Id);
        db.Record("Digest", "DocumentRequest", null, new { overdue = overdue.Count, recipients = recipients.Count });
        await db.SaveChangesAsync(ct);
        await emails.DispatchAsync(ids, ct);
        log.LogInformation("Overdue digest: {Count} overdue request(s) to {Recipients} official(s)", overdue.Count, recipients.Count);
        return recipients.Count;
    }
}
