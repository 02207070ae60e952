namespace Barangay.Data.Email;

/// <summary>One outgoing email (the <c>email_queue</c> table), written in the same transaction as the change that caused it.</summary>
public class EmailQueueItem
{
    public Guid Id { get; set; }
    public string ToEmail { get; set; } = "";
    public string? Subject { get; set; }
    public string? Body { get; set; }
    public string? Payload { get; set; }
    public int AttemptCount { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    public string Status { get; set; } = EmailStatuses.Queued;
    public DateTime CreatedAt { get; set; }
    /// <summary>The provider's last answer in plain words (addition).</summary>
    public string? LastResult { get; set; }

    /// <summary>When the next try is due after a failure (exponential backoff; addition).</summary>
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>
    /// True only for the app's own HTML templates, which encode every value they carry (addition). Everything else,
    /// and anything with someone's writing in it, goes out as text/plain: a body is never sniffed for tags.
    /// </summary>
    public bool IsHtml { get; set; }

    /// <summary>A sender holds the row until then, so a duplicate job never sends it twice (addition).</summary>
    public DateTime? LockedUntil { get; set; }
}

public static class EmailStatuses
{
    public const string Queued = "queued";
    /// <summary>Claimed by a sender (transient; an expired claim is taken over after <c>locked_until</c>).</summary>
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";
}
