namespace Barangay.Data.Sms;

/// <summary>
/// One outgoing text message (addition: <c>sms_outbox</c>), written in the same transaction as what caused it,
/// then sent by the SMS job through <c>ISmsSender</c>. With no gateway configured the row is the message:
/// admins read it on the SMS outbox page.
/// </summary>
public class SmsMessage
{
    public Guid Id { get; set; }
    public string ToNumber { get; set; } = "";
    /// <summary>What admins see. For a message carrying a one-time code, the code is masked here.</summary>
    public string Body { get; set; } = "";
    /// <summary>
    /// The real text of a message carrying a secret (a one-time code), protected with Data Protection; only the
    /// SMS job reads it, and it is cleared once the message is sent or has failed (see <see cref="SmsSecrets"/>).
    /// </summary>
    public string? BodySecret { get; set; }
    public Guid? UserId { get; set; }
    /// <summary>What sent it, e.g. an announcement's human id.</summary>
    public string? Source { get; set; }
    public string Status { get; set; } = SmsStatuses.Queued;
    public int AttemptCount { get; set; }
    public string? LastResult { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public DateTime? LockedUntil { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}

public static class SmsStatuses
{
    public const string Queued = "queued";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";
}
