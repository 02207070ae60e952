using System.Text.Json;

namespace Barangay.Data.Email;

/// <summary>
/// Writes an email as an <c>email_queue</c> row in the caller's context: the caller's SaveChanges commits it in
/// the same transaction as the change that caused it. After the commit, hand the ids to
/// <see cref="IEmailDispatcher.DispatchAsync"/>; if that never happens (a crash), the sweeper sends it anyway.
/// </summary>
public static class EmailOutbox
{
    public const int MaxAddressLength = 320;
    public const int MaxSubjectLength = 998;

    /// <summary>A text/plain email: whatever the body holds (a subject a resident typed, an announcement) is shown as text.</summary>
    /// <param name="secret">The kind of secret the body carries (<see cref="EmailSecrets"/>), so the outbox never shows it.</param>
    public static EmailQueueItem Queue(BarangayDbContext db, string to, string subject, string body, object? payload = null, string? secret = null) =>
        Add(db, to, subject, body, payload, html: false, secret);

    /// <summary>
    /// An HTML email from one of the app's own templates, which must HTML-encode every value they insert. It is still
    /// passed through <see cref="Common.SafeHtml.ForEmail"/> when sent (no images, link addresses shown).
    /// </summary>
    /// <param name="secret">The kind of secret the body carries (<see cref="EmailSecrets"/>), so the outbox never shows it.</param>
    public static EmailQueueItem QueueHtml(BarangayDbContext db, string to, string subject, string html, object? payload = null, string? secret = null) =>
        Add(db, to, subject, html, payload, html: true, secret);

    private static EmailQueueItem Add(BarangayDbContext db, string to, string subject, string body, object? payload, bool html, string? secret)
    {
        ArgumentNullException.ThrowIfNull(db);
        var address = (to ?? "").Trim();
        if (address.Length is 0 or > MaxAddressLength || !address.Contains('@', StringComparison.Ordinal) || address.Any(char.IsWhiteSpace))
            throw new ArgumentException($"\"{to}\" is not an email address.", nameof(to));
        var cleanSubject = (subject ?? "").ReplaceLineEndings(" ").Trim();
        if (cleanSubject.Length > MaxSubjectLength) cleanSubject = cleanSubject[..MaxSubjectLength];
        var row = new EmailQueueItem
        {
            Id = Guid.NewGuid(),
            ToEmail = address,
            Subject = cleanSubject,
            Body = body ?? "",
            IsHtml = html,
            Payload = EmailSecrets.Mark(payload switch
            {
                null => null,
                string s => s,
                _ => JsonSerializer.Serialize(payload),
            }, secret),
            Status = EmailStatuses.Queued,
            CreatedAt = Common.ContextClock.UtcNow(db),
        };
        db.EmailQueue.Add(row);
        return row;
    }
}
