using Barangay.Data.Audit;
using Barangay.Data.Email;
using Barangay.Data.Notifications;
using Barangay.Data.Sms;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Barangay.Data.Announcements;

/// <summary>
/// Delivers a published announcement to its audience in batches of users taken in id order. Each batch — its
/// notifications, email_queue rows, sms_outbox rows and the delivery row's cursor — commits in one transaction
/// with the delivery row locked FOR UPDATE, so a retried or duplicated job resumes after the last committed batch
/// and nobody gets anything twice. Emails and texts are handed to their senders after each commit.
/// </summary>
public sealed class AnnouncementFanOut(
    IDbContextFactory<BarangayDbContext> factory, IEmailDispatcher emails, ISmsDispatcher sms)
{
    public int BatchSize { get; set; } = 2000;

    private const string TargetsSql = """
        SELECT u.id, COALESCE(NULLIF(u.email, ''), r.email) AS email, COALESCE(NULLIF(r.contact_number, ''), u.phone_number) AS phone
        FROM users u
        LEFT JOIN LATERAL (
            SELECT x.purok, x.contact_number, x.email FROM residents x
            WHERE x.user_id = u.id AND x.deleted_at IS NULL ORDER BY x.created_at LIMIT 1) r ON true
        WHERE u.deleted_at IS NULL AND u.status = 'active' AND u.id > @after
          AND (cardinality(@puroks) = 0 OR r.purok = ANY(@puroks))
          AND (cardinality(@roles) = 0 OR u.roles && @roles)
        ORDER BY u.id
        LIMIT @limit
        """;

    private const string CountSql = """
        SELECT count(*) FROM users u
        LEFT JOIN LATERAL (
            SELECT x.purok FROM residents x WHERE x.user_id = u.id AND x.deleted_at IS NULL ORDER BY x.created_at LIMIT 1) r ON true
        WHERE u.deleted_at IS NULL AND u.status = 'active'
          AND (cardinality(@puroks) = 0 OR r.purok = ANY(@puroks))
          AND (cardinality(@roles) = 0 OR u.roles && @roles)
        """;

    /// <summary>Runs the delivery to the end (or resumes it); returns the final progress. Unknown ids do nothing.</summary>
    public async Task<DeliveryProgress?> RunAsync(Guid deliveryId, CancellationToken ct = default)
    {
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            await using var first = await factory.CreateDbContextAsync(ct);
            var step = await first.Database.CreateExecutionStrategy().ExecuteAsync(token => BatchAsync(deliveryId, token), ct);
            if (step is null) return null;
            if (step.EmailIds.Count > 0) await emails.DispatchAsync(step.EmailIds, ct);
            if (step.Sms > 0) await sms.StartAsync(ct);
            if (step.Progress.Status == DeliveryStatuses.Done) return step.Progress;
        }
    }

    private sealed record Step(DeliveryProgress Progress, List<Guid> EmailIds, int Sms);

    private async Task<Step?> BatchAsync(Guid deliveryId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = new AuditActor(null, "announcement fan-out", null, null, deliveryId);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var d = await db.Set<AnnouncementDelivery>().FromSql($"SELECT * FROM announcement_deliveries WHERE id = {deliveryId} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (d is null) return null;
        var a = await db.Announcements.AsNoTracking().SingleAsync(x => x.Id == d.AnnouncementId, ct);
        if (d.Status == DeliveryStatuses.Done) return new Step(Progress(d), [], 0);
        var audience = AnnouncementAudience.Parse(a.Audience);
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        var now = Common.ContextClock.UtcNow(db);

        if (d.Status == DeliveryStatuses.Queued)
        {
            d.Status = DeliveryStatuses.Running;
            d.StartedAt = now;
            d.Total = await CountAsync(conn, audience, ct);
        }

        var targets = a.Status == AnnouncementStatuses.Published ? await TargetsAsync(conn, audience, d.LastUserId ?? Guid.Empty, ct) : [];
        var emailIds = new List<Guid>();
        var smsCount = 0;
        if (targets.Count == 0)
        {
            d.Status = DeliveryStatuses.Done;
            d.FinishedAt = now;
            db.Record(AuditActions.Create, "AnnouncementDelivery", a.AnnouncementId,
                new { recipients = d.Delivered, notifications = d.Notifications, emails = d.Emails, sms = d.SmsMessages, stopped = a.Status != AnnouncementStatuses.Published });
        }
        else
        {
            var channels = a.DeliveryChannels;
            var plain = AnnouncementMarkdown.ToPlainText(a.Body);
            if (channels.Contains(AnnouncementChannels.InApp))
            {
                var payload = NotificationPayloads.Serialize(new NotificationPayload(
                    Cut($"New announcement: {a.Title}"), $"/announcements#{a.AnnouncementId}",
                    new Dictionary<string, string> { ["announcement_id"] = a.AnnouncementId }));
                d.Notifications += (int)await NotificationService.CopyAsync(conn, targets.Select(t => t.UserId).ToList(), "announcement", payload, ct);
            }
            if (channels.Contains(AnnouncementChannels.Email))
            {
                var withEmail = targets.Where(t => IsEmail(t.Email)).ToList();
                emailIds = await CopyEmailsAsync(conn, withEmail, a, plain, ct);
                d.Emails += emailIds.Count;
                // Residents with no email hear of it by text (NoticeTexts' rule), unless the SMS channel texts everyone anyway.
                if (!channels.Contains(AnnouncementChannels.Sms))
                {
                    var texted = await NoticeTexts.QueueAsync(db, targets.Where(t => !IsEmail(t.Email)).Select(t => t.UserId).ToList(),
                        new Localization.Message("{0}: {1}", a.Title, plain), a.AnnouncementId, ct);
                    smsCount += texted;
                    d.SmsMessages += texted;
                }
            }
            if (channels.Contains(AnnouncementChannels.Sms))
            {
                var text = SmsText.Trim($"{a.Title}: {plain}");
                var withPhone = targets.Select(t => (t.UserId, Number: SmsText.NormalizeNumber(t.Phone))).Where(t => t.Number is not null).ToList();
                smsCount = await CopySmsAsync(conn, withPhone!, text, a.AnnouncementId, ct);
                d.SmsMessages += smsCount;
            }
            d.Delivered += targets.Count;
            d.LastUserId = targets[^1].UserId;
            if (d.Delivered > d.Total) d.Total = d.Delivered; // users who joined the audience while it ran
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Step(Progress(d), emailIds, smsCount);
    }

    private static DeliveryProgress Progress(AnnouncementDelivery d) =>
        new(d.Status, d.Total, d.Delivered, d.Notifications, d.Emails, d.SmsMessages, d.FinishedAt);

    private static string Cut(string s) => s.Length <= NotificationPayloads.MaxTextLength ? s : s[..(NotificationPayloads.MaxTextLength - 1)] + "…";

    private static bool IsEmail(string? s) =>
        !string.IsNullOrWhiteSpace(s) && s.Length <= EmailOutbox.MaxAddressLength && s.Contains('@', StringComparison.Ordinal) && !s.Any(char.IsWhiteSpace);

    private sealed record Target(Guid UserId, string? Email, string? Phone);

    private async Task<List<Target>> TargetsAsync(NpgsqlConnection conn, AnnouncementAudience audience, Guid after, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(TargetsSql, conn);
        AddAudience(cmd, audience);
        cmd.Parameters.Add(new NpgsqlParameter<Guid>("after", after));
        cmd.Parameters.Add(new NpgsqlParameter<int>("limit", BatchSize));
        var list = new List<Target>(BatchSize);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new Target(r.GetGuid(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2)));
        return list;
    }

    private static async Task<int> CountAsync(NpgsqlConnection conn, AnnouncementAudience audience, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(CountSql, conn);
        AddAudience(cmd, audience);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void AddAudience(NpgsqlCommand cmd, AnnouncementAudience audience)
    {
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("puroks", [.. audience.Puroks]));
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("roles", [.. audience.Roles]));
    }

    private static async Task<List<Guid>> CopyEmailsAsync(NpgsqlConnection conn, List<Target> targets, Announcement a, string plain, CancellationToken ct)
    {
        var ids = new List<Guid>(targets.Count);
        if (targets.Count == 0) return ids;
        var subject = a.Title.ReplaceLineEndings(" ").Trim();
        if (subject.Length > EmailOutbox.MaxSubjectLength) subject = subject[..EmailOutbox.MaxSubjectLength];
        var body = plain + "\n\n— Barangay announcement " + a.AnnouncementId;
        var payload = System.Text.Json.JsonSerializer.Serialize(new { type = "announcement", announcement_id = a.AnnouncementId });
        await using var w = await conn.BeginBinaryImportAsync(
            "COPY email_queue (id, to_email, subject, body, payload, status) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var t in targets)
        {
            var id = Guid.NewGuid();
            ids.Add(id);
            await w.StartRowAsync(ct);
            await w.WriteAsync(id, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(t.Email!.Trim(), NpgsqlDbType.Text, ct);
            await w.WriteAsync(subject, NpgsqlDbType.Text, ct);
            await w.WriteAsync(body, NpgsqlDbType.Text, ct);
            await w.WriteAsync(payload, NpgsqlDbType.Jsonb, ct);
            await w.WriteAsync(EmailStatuses.Queued, NpgsqlDbType.Text, ct);
        }
        await w.CompleteAsync(ct);
        return ids;
    }

    private static async Task<int> CopySmsAsync(NpgsqlConnection conn, List<(Guid UserId, string Number)> targets, string text, string source, CancellationToken ct)
    {
        if (targets.Count == 0) return 0;
        await using var w = await conn.BeginBinaryImportAsync(
            "COPY sms_outbox (to_number, body, user_id, source, status) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var (user, number) in targets)
        {
            await w.StartRowAsync(ct);
            await w.WriteAsync(number, NpgsqlDbType.Text, ct);
            await w.WriteAsync(text, NpgsqlDbType.Text, ct);
            await w.WriteAsync(user, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync(source, NpgsqlDbType.Text, ct);
            await w.WriteAsync(SmsStatuses.Queued, NpgsqlDbType.Text, ct);
        }
        return (int)await w.CompleteAsync(ct);
    }
}
