using Barangay.Data.Sms;

namespace Barangay.Jobs.Sms;

/// <summary>The local default: nothing leaves the machine; the <c>sms_outbox</c> row is the message, shown on the SMS outbox page.</summary>
public sealed class OutboxSmsSender : ISmsSender
{
    public const string Kept = "Kept in the local SMS outbox (no SMS gateway is configured).";

    public Task<SmsSendResult> SendAsync(string toNumber, string body, CancellationToken ct = default) =>
        Task.FromResult(new SmsSendResult(SmsOutcome.Sent, Kept));
}
