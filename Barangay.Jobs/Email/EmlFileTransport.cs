using System.Globalization;
using System.Text;

namespace Barangay.Jobs.Email;

/// <summary>The local default: each message becomes an .eml file (openable in any mail program) under the mail directory.</summary>
public sealed class EmlFileTransport(EmailOptions options) : IEmailTransport
{
    public async Task<DeliveryOutcome> SendAsync(OutgoingEmail email, CancellationToken ct)
    {
        Directory.CreateDirectory(options.MailDirectory);
        var name = string.Create(CultureInfo.InvariantCulture, $"{email.CreatedAt:yyyyMMdd-HHmmss}-{email.Id:N}.eml");
        var path = Path.Combine(options.MailDirectory, name);
        try
        {
            await File.WriteAllTextAsync(path, Render(email), new UTF8Encoding(false), ct);
        }
        catch (IOException e)
        {
            return DeliveryOutcome.Retry($"Could not write {path}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            return DeliveryOutcome.Retry($"Could not write {path}: {e.Message}");
        }
        return DeliveryOutcome.Sent($"Written to {Shown(path)} (no SendGrid key configured)");
    }

    /// <summary>The path relative to the working directory when it lies beneath it (".data/mail/…"), else in full.</summary>
    private static string Shown(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
    }

    public static string Render(OutgoingEmail email)
    {
        var sb = new StringBuilder();
        sb.Append("From: ").Append(email.From).Append("\r\n");
        sb.Append("To: ").Append(email.To).Append("\r\n");
        sb.Append("Subject: ").Append(EncodeHeader(email.Subject)).Append("\r\n");
        sb.Append("Date: ").Append(email.CreatedAt.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture)).Append("\r\n");
        sb.Append("Message-ID: <").Append(email.Id.ToString("N")).Append("@barangay.local>\r\n");
        sb.Append("MIME-Version: 1.0\r\n");
        sb.Append("Content-Type: ").Append(email.IsHtml ? "text/html" : "text/plain").Append("; charset=utf-8\r\n");
        sb.Append("Content-Transfer-Encoding: base64\r\n\r\n");
        var body = Convert.ToBase64String(Encoding.UTF8.GetBytes(email.Body));
        for (var i = 0; i < body.Length; i += 76) sb.Append(body, i, Math.Min(76, body.Length - i)).Append("\r\n");
        return sb.ToString();
    }

    /// <summary>Plain ASCII stays readable; anything else is RFC 2047 encoded.</summary>
    private static string EncodeHeader(string value) =>
        value.All(c => c is >= ' ' and <= '~') ? value : $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(value))}?=";
}
