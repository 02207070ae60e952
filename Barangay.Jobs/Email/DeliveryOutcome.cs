namespace Barangay.Jobs.Email;

public enum DeliveryKind
{
    /// <summary>Accepted by the provider (or written to disk).</summary>
    Sent,

    /// <summary>A passing problem (429, 5xx, network): try again later.</summary>
    Retry,

    /// <summary>The provider refused the message (4xx other than 429): trying again would not help.</summary>
    Rejected,
}

/// <summary>What one delivery attempt came to, with the provider's answer in plain words.</summary>
public sealed record DeliveryOutcome(DeliveryKind Kind, string Result)
{
    public static DeliveryOutcome Sent(string result) => new(DeliveryKind.Sent, result);
    public static DeliveryOutcome Retry(string result) => new(DeliveryKind.Retry, result);
    public static DeliveryOutcome Rejected(string result) => new(DeliveryKind.Rejected, result);
}

/// <summary>An email ready to go out.</summary>
public sealed record OutgoingEmail(Guid Id, string From, string To, string Subject, string Body, DateTime CreatedAt)
{
    /// <summary>Bodies written by the app's templates are HTML; anything without a tag is plain text.</summary>
    public bool IsHtml => Body.Contains("</", StringComparison.Ordinal) || Body.Contains("<br", StringComparison.OrdinalIgnoreCase);
}

/// <summary>One way of sending: SendGrid, or .eml files when no key is configured.</summary>
public interface IEmailTransport
{
    Task<DeliveryOutcome> SendAsync(OutgoingEmail email, CancellationToken ct);
}
