namespace Barangay.Jobs.Sms;

/// <summary>Configured under <c>Sms</c>. With no gateway URL, messages stay in the local outbox (the SMS outbox page).</summary>
public sealed class SmsOptions
{
    /// <summary>The HTTP gateway's base address (<c>Sms:Gateway:BaseUrl</c>); empty keeps messages local.</summary>
    public string? GatewayBaseUrl { get; set; }

    /// <summary>Sent as a bearer token (<c>Sms:Gateway:ApiKey</c>).</summary>
    public string? GatewayApiKey { get; set; }

    /// <summary>The sender name the gateway shows (<c>Sms:SenderName</c>).</summary>
    public string SenderName { get; set; } = "BARANGAY";

    public int MaxAttempts { get; set; } = 5;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many messages one job run claims at a time.</summary>
    public int BatchSize { get; set; } = 200;

    public bool UsesGateway => !string.IsNullOrWhiteSpace(GatewayBaseUrl);
}
