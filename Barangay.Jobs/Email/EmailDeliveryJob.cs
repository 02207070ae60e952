using System.Globalization;
using Barangay.Data;
using Barangay.Data.Common;
using Barangay.Data.Email;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Barangay.Jobs.Email;

/// <summary>
/// Delivers one <c>email_queue</c> row. It first claims the row with one conditional UPDATE (queued, or sending
/// with an expired claim, and due); when that touches nothing, another run has it or it is done, so a
/// duplicate enqueue or a Hangfire retry never sends a row twice. Passing failures (429, 5xx, network) are
/// retried with exponential backoff up to <see cref="EmailOptions.MaxAttempts"/>; a refusal fails at once.
/// </summary>
public sealed class EmailDeliveryJob(
    IDbContextFactory<BarangayDbContext> factory,
    IEmailTransport transport,
    EmailSenderAddress sender,
    EmailOptions options,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    ILogger<EmailDeliveryJob> log)
{
    private static readonly CultureInfo Ph = CultureInfo.GetCultureInfo("en-PH");

    /// <summary>How many rows of one batch are with the provider at the same time.</summary>
    private const int SendsInFlight = 8;

    /// <summary>Hangfire's own retries cover a failure before the claim; after it, the sweeper takes over once the claim expires.</summary>
    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    [JobDisplayName("Send email {0}")]
    public Task SendAsync(Guid id, CancellationToken ct) => DeliverAsync([id], ct);

    /// <summary>
    /// A fan-out's emails, many per job: one Hangfire job costs several storage transactions, which would otherwise
    /// bound delivery well below what the provider accepts. The rows are claimed together and sent a few at a time.
    /// </summary>
    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    [JobDisplayName("Send a batch of emails")]
    public Task SendBatchAsync(Guid[] ids, CancellationToken ct) => DeliverAsync(ids, ct);

    private async Task DeliverAsync(Guid[] ids, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lockUntil = now + options.LockDuration;
        List<ClaimedEmail> claimed;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            claimed = await ClaimAsync(db, ids, now, lockUntil, ct);
            if (claimed.Count < ids.Length) await RescheduleEarlyAsync(db, ids.Except(claimed.Select(c => c.Id)).ToArray(), now, ct);
        }
        if (claimed.Count == 0) return;

        var from = await sender.GetAsync(ct);
        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = SendsInFlight, CancellationToken = ct }, async (row, token) =>
        {
            var outcome = await transport.SendAsync(OutgoingEmail.Of(row, from), token);
            await using var db = await factory.CreateDbContextAsync(token);
            await RecordAsync(db, row, lockUntil, outcome, token);
        });
    }

    /// <summary>One statement: takes the rows that are free and due, and returns them; the others are not ours to send.</summary>
    private static async Task<List<ClaimedEmail>> ClaimAsync(BarangayDbContext db, Guid[] ids, DateTime now, DateTime lockUntil, CancellationToken ct) =>
        await db.Database.SqlQuery<ClaimedEmail>($"""
            UPDATE email_queue SET status = {EmailStatuses.Sending}, locked_until = {lockUntil}
            WHERE id = ANY({ids})
              AND (status = {EmailStatuses.Queued} OR (status = {EmailStatuses.Sending} AND locked_until < {now}))
              AND (next_attempt_at IS NULL OR next_attempt_at <= {now})
            RETURNING id, to_email, subject, body, is_html, attempt_count, created_at
            """).ToListAsync(ct);

    /// <summary>
    /// A retry that wakes before its row is due would otherwise claim nothing and leave the email to the sweeper a
    /// minute later: Hangfire keeps a scheduled job's time in whole seconds, so a job due at :10.9 may run at :10.
    /// Rows still queued and not yet due are scheduled again for when they are.
    /// </summary>
    private async Task RescheduleEarlyAsync(BarangayDbContext db, Guid[] unclaimed, DateTime now, CancellationToken ct)
    {
        var early = await db.EmailQueue.AsNoTracking()
            .Where(e => unclaimed.Contains(e.Id) && e.Status == EmailStatuses.Queued && e.NextAttemptAt > now)
            .Select(e => new { e.Id, Due = e.NextAttemptAt!.Value })
            .ToListAsync(ct);
        foreach (var row in early) ScheduleAt(row.Id, row.Due, now);
    }

    /// <summary>Rounded up to the whole second, so the job is not woken before its row is due.</summary>
    private void ScheduleAt(Guid id, DateTime due, DateTime now) =>
        jobs.Schedule<EmailDeliveryJob>(j => j.SendAsync(id, CancellationToken.None), TimeSpan.FromSeconds(Math.Ceiling((due - now).TotalSeconds)));

    private async Task RecordAsync(BarangayDbContext db, ClaimedEmail row, DateTime lockUntil, DeliveryOutcome outcome, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = row.AttemptCount + 1;
        var result = outcome.Result;
        string status;
        DateTime? next = null;
        switch (outcome.Kind)
        {
            case DeliveryKind.Sent:
                status = EmailStatuses.Sent;
                break;
            case DeliveryKind.Retry when attempts < options.MaxAttempts:
                status = EmailStatuses.Queued;
                next = now + options.BackoffAfter(attempts);
                result += "; will retry at " + TimeZones.ToManila(next.Value).ToString("MMM d, yyyy h:mm:ss tt", Ph) + " (Manila)";
                break;
            case DeliveryKind.Retry:
                status = EmailStatuses.Failed;
                result += $"; gave up after {attempts} attempts";
                break;
            default:
                status = EmailStatuses.Failed;
                break;
        }
        // Only while the claim is still ours (it is, unless the send outlasted LockDuration).
        await db.EmailQueue.Where(e => e.Id == row.Id && e.Status == EmailStatuses.Sending && e.LockedUntil == lockUntil)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, status)
                .SetProperty(e => e.AttemptCount, attempts)
                .SetProperty(e => e.LastAttemptAt, now)
                .SetProperty(e => e.LastResult, result)
                .SetProperty(e => e.NextAttemptAt, next)
                .SetProperty(e => e.LockedUntil, (DateTime?)null), ct);
        if (next is { } due) ScheduleAt(row.Id, due, now);
        if (status == EmailStatuses.Failed) log.LogWarning("Email {Id} to {To} failed: {Result}", row.Id, row.ToEmail, result);
    }
}

/// <summary>The columns of a claimed row that a send needs.</summary>
public sealed record ClaimedEmail(Guid Id, string ToEmail, string? Subject, string? Body, bool IsHtml, int AttemptCount, DateTime CreatedAt);
