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

/// <summary>
/// An email ready to go out. <see cref="IsHtml"/> is what the row says (only the app's templates), never guessed from
/// the body: a resident's "&lt;a href…&gt;" in a plain-text email stays text.
/// </summary>
public sealed record OutgoingEmail(Guid Id, string From, string To, string Subject, string Body, DateTime CreatedAt, bool IsHtml = false)
{
    /// <summary>The queued row as it is sent; an HTML body passes the one sanitizer on its way out.</summary>
    public static OutgoingEmail Of(ClaimedEmail row, string from) =>
        new(row.Id, from, row.ToEmail, row.Subject ?? "", row.IsHtml ? Barangay.Data.Common.SafeHtml.ForEmail(row.Body) : row.Body ?? "", row.CreatedAt, row.IsHtml);
}

/// <summary>One way of sending: SendGrid, or .eml files when no key is configured.</summary>
public interface IEmailTransport
{
    Task<DeliveryOutcome> SendAsync(OutgoingEmail email, CancellationToken ct);
}
