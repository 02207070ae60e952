using Barangay.Data;
using Barangay.Data.Sms;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Jobs.Sms;

/// <summary>
/// Sends due <c>sms_outbox</c> rows in batches. Each batch is claimed with one UPDATE … RETURNING (queued and due,
/// or sending with an expired claim), so two runs never send the same message; passing failures are retried with
/// exponential backoff up to <see cref="SmsOptions.MaxAttempts"/>.
/// </summary>
public sealed class SmsDeliveryJob(IDbContextFactory<BarangayDbContext> factory, ISmsSender sender, SmsOptions options, TimeProvider clock, SmsSecrets? secrets = null)
{
    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Send queued text messages")]
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var db = await factory.CreateDbContextAsync(ct);
            var lockUntil = now + options.LockDuration;
            var batch = await db.Database.SqlQuery<Claimed>($"""
                UPDATE sms_outbox SET status = {SmsStatuses.Sending}, locked_until = {lockUntil}
                WHERE id IN (
                    SELECT id FROM sms_outbox
                    WHERE (status = {SmsStatuses.Queued} OR (status = {SmsStatuses.Sending} AND locked_until < {now}))
                      AND (next_attempt_at IS NULL OR next_attempt_at <= {now})
                    ORDER BY created_at LIMIT {options.BatchSize})
                  AND (status = {SmsStatuses.Queued} OR (status = {SmsStatuses.Sending} AND locked_until < {now}))
                RETURNING id, to_number, body, body_secret, attempt_count, created_at
                """).ToListAsync(ct);
            if (batch.Count == 0) return total;
            foreach (var m in batch.OrderBy(b => b.CreatedAt))
            {
                // A one-time code's real text is read only here, and never written to a log or back to the row.
                var text = m.BodySecret is null ? m.Body : secrets?.TextToSend(m.Body, m.BodySecret);
                var result = text is null
                    ? new SmsSendResult(SmsOutcome.Failed, "The message's protected text could not be read; it was not sent.")
                    : await sender.SendAsync(m.ToNumber, text, ct);
                var attempts = m.AttemptCount + 1;
                var done = clock.GetUtcNow().UtcDateTime;
                var (status, next) = result.Outcome switch
                {
                    SmsOutcome.Sent => (SmsStatuses.Sent, (DateTime?)null),
                    SmsOutcome.Retry when attempts < options.MaxAttempts =>
                        (SmsStatuses.Queued, done + options.RetryBaseDelay * Math.Pow(2, attempts - 1)),
                    _ => (SmsStatuses.Failed, null),
                };
                var sentAt = status == SmsStatuses.Sent ? done : (DateTime?)null;
                await db.Database.ExecuteSqlAsync($"""
                    UPDATE sms_outbox SET status = {status}, attempt_count = {attempts}, last_result = {result.Result},
                           next_attempt_at = {next}, locked_until = NULL, sent_at = {sentAt},
                           body_secret = CASE WHEN {status} = {SmsStatuses.Queued} THEN body_secret END
                    WHERE id = {m.Id} AND locked_until = {lockUntil}
                    """, ct);
                total++;
            }
        }
    }

    private sealed record Claimed(Guid Id, string ToNumber, string Body, string? BodySecret, int AttemptCount, DateTime CreatedAt);
}

/// <summary>Starts one sending run; a second start is harmless (claims keep runs apart).</summary>
public sealed class HangfireSmsDispatcher(IBackgroundJobClient jobs) : ISmsDispatcher
{
    public Task StartAsync(CancellationToken ct = default)
    {
        jobs.Enqueue<SmsDeliveryJob>(j => j.SendDueAsync(CancellationToken.None));
        return Task.CompletedTask;
    }
}
