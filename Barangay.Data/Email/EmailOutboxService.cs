using Barangay.Data.Accounts;
using Barangay.Data.Audit;
using Barangay.Data.Localization;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Email;

/// <summary>The admins' outbox: every queued, sent and failed email, and "Resend" for a failed one.</summary>
public sealed class EmailOutboxService(BarangayDb dbs, IEmailDispatcher dispatcher)
{
    public const string Permission = Permissions.Settings.Manage;

    public async Task<Page<OutboxRow>> ListAsync(OutboxFilter filter, int page, int size, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permission)) return new Page<OutboxRow>([], 0);
        size = Math.Clamp(size, 1, 200);
        var q = db.EmailQueue.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Status)) q = q.Where(e => e.Status == filter.Status);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var s = $"%{filter.Search.Trim()}%";
            q = q.Where(e => EF.Functions.ILike(e.ToEmail, s) || EF.Functions.ILike(e.Subject ?? "", s));
        }
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(e => e.CreatedAt).ThenBy(e => e.Id).Skip(Math.Max(0, page) * size).Take(size)
            .Select(e => new OutboxRow(e.Id, e.ToEmail, e.Subject ?? "", e.Status, e.AttemptCount, e.LastResult, e.CreatedAt, e.LastAttemptAt))
            .ToListAsync(ct);
        return new Page<OutboxRow>(items, total);
    }

    /// <summary>
    /// One message as an admin may read it: a secret-carrying email (<see cref="EmailSecrets"/>) says only that its link
    /// was sent, and code or token values in other links are hidden. Opening a message is audited (EmailViewed).
    /// </summary>
    public async Task<OutboxMessage?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permission)) return null;
        var row = await db.EmailQueue.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new { e.Id, e.ToEmail, e.Subject, e.Body, e.Payload, e.Status, e.AttemptCount, e.LastResult, e.CreatedAt, e.LastAttemptAt, e.NextAttemptAt })
            .FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var secret = EmailSecrets.KindOf(row.Payload);
        db.Record(Viewed, "EmailQueue", id.ToString(), new { to = row.ToEmail, subject = row.Subject, secret });
        await db.SaveChangesAsync(ct);
        return new OutboxMessage(row.Id, row.ToEmail, row.Subject ?? "", secret is null ? EmailSecrets.Redact(row.Body ?? "") : EmailSecrets.Describe(secret),
            row.Status, row.AttemptCount, row.LastResult, row.CreatedAt, row.LastAttemptAt, row.NextAttemptAt, secret);
    }

    public const string Viewed = "EmailViewed";

    /// <summary>Puts a failed email back in the queue (its attempt count is kept) and starts delivery.</summary>
    public async Task<OutboxResult> ResendAsync(Guid id, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using (db)
        {
            if (!caller.Can(Permission)) return new OutboxResult(false, Texts.Say("That email was not found."));
            var row = await db.EmailQueue.FirstOrDefaultAsync(e => e.Id == id, ct);
            if (row is null) return new OutboxResult(false, Texts.Say("That email was not found."));
            if (row.Status != EmailStatuses.Failed)
                return new OutboxResult(false, Texts.Say("Only a failed email can be resent; this one is {0}.", Texts.Say(row.Status)));
            row.Status = EmailStatuses.Queued;
            row.NextAttemptAt = null;
            row.LockedUntil = null;
            db.Record(AuditActions.StatusChange, "EmailQueue", id.ToString(), new
            {
                action = "resend",
                to = row.ToEmail,
                status = new { old = EmailStatuses.Failed, @new = EmailStatuses.Queued },
                attempts = row.AttemptCount,
                lastResult = row.LastResult,
            });
            await db.SaveChangesAsync(ct);
        }
        await dispatcher.DispatchAsync([id], ct);
        return new OutboxResult(true, Texts.Say("The email is queued again and will be sent shortly."));
    }
}
