namespace Barangay.Data.Sms;

/// <summary>Sends one text message (the local default keeps it in the outbox; an HTTP gateway sends it for real).</summary>
public interface ISmsSender
{
    Task<SmsSendResult> SendAsync(string toNumber, string body, CancellationToken ct = default);
}

public enum SmsOutcome
{
    Sent,
    /// <summary>Worth trying again later (a busy gateway, a network error).</summary>
    Retry,
    /// <summary>Will never go (a bad number, refused credentials).</summary>
    Failed,
}

/// <summary>What the sender said, in plain words for the outbox page.</summary>
public sealed record SmsSendResult(SmsOutcome Outcome, string Result);

/// <summary>Starts sending committed <c>sms_outbox</c> rows (after SaveChanges); a second start is harmless.</summary>
public interface ISmsDispatcher
{
    Task StartAsync(CancellationToken ct = default);
}
