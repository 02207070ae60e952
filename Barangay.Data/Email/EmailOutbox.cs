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

    public static EmailQueueItem Queue(BarangayDbContext db, string to, string subject, string body, object? payload = null)
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
            Payload = payload switch
            {
                null => null,
                string s => s,
                _ => JsonSerializer.Serialize(payload),
            },
            Status = EmailStatuses.Queued,
            CreatedAt = Common.ContextClock.UtcNow(db),
        };
        db.EmailQueue.Add(row);
        return row;
    }
}
