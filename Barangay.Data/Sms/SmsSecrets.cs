using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Barangay.Data.Sms;

/// <summary>
/// Keeps the text of a message that carries a one-time code out of sight: the outbox row holds a masked body for the
/// admins' page and the real text protected (the Data Protection keys live in the database, so any replica's job can
/// read it). Nothing logs the real text; the job clears it once the message is sent or has failed.
/// </summary>
public sealed class SmsSecrets(IDataProtectionProvider protection)
{
    public const string Mask = "••••••";
    private readonly IDataProtector _protector = protection.CreateProtector("Barangay.Sms.Secret");

    /// <summary>An outbox row whose admin-visible body shows <paramref name="masked"/> and whose sent text is <paramref name="real"/>.</summary>
    public SmsMessage Message(string toNumber, string real, string masked, Guid? userId, string source, DateTime now) => new()
    {
        ToNumber = toNumber, Body = masked, BodySecret = _protector.Protect(real), UserId = userId, Source = source, CreatedAt = now,
    };

    /// <summary>The text to send: the protected one when there is one; null when it cannot be read (never sent masked).</summary>
    public string? TextToSend(string body, string? secret)
    {
        if (secret is null) return body;
        try
        {
            return _protector.Unprotect(secret);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
