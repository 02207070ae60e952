using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Barangay.Data.Email;

/// <summary>
/// Emails that carry a secret (a password-reset link, an email confirmation or email-change code) are marked when they
/// are queued (<c>email_queue.payload.secret</c>), and the admins' outbox shows only that such a link was sent: the
/// secret never leaves the server for an admin's browser. The message itself goes out whole (the <c>.eml</c> file under
/// <c>.data/mail</c> stands in for SendGrid). Any other body is shown with code and token values in its links hidden,
/// in case a sender forgets to mark one.
/// </summary>
public static partial class EmailSecrets
{
    public const string PasswordReset = "password_reset";
    public const string EmailConfirmation = "email_confirmation";
    public const string EmailChange = "email_change";

    public const string PayloadKey = "secret";

    /// <summary>What the outbox shows instead of the body of a marked email.</summary>
    public static string Describe(string kind) => kind switch
    {
        PasswordReset => "A password-reset link was sent. It is not shown here: whoever holds it can set this account's password.",
        EmailChange => "A link to confirm a new email address was sent. It is not shown here: whoever holds it can change this account's email.",
        _ => "An email-confirmation link was sent. It is not shown here: it proves the owner of the address.",
    };

    /// <summary>The payload to store: the sender's, with the secret's kind added.</summary>
    public static string? Mark(string? payload, string? kind)
    {
        if (kind is null) return payload;
        var node = payload is null ? new JsonObject() : JsonNode.Parse(payload) as JsonObject ?? new JsonObject { ["value"] = JsonNode.Parse(payload) };
        node[PayloadKey] = kind;
        return node.ToJsonString();
    }

    /// <summary>The secret's kind of a stored payload, or null.</summary>
    public static string? KindOf(string? payload)
    {
        if (string.IsNullOrEmpty(payload)) return null;
        try
        {
            using var doc = JsonDocument.Parse(payload);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(PayloadKey, out var k) && k.ValueKind == JsonValueKind.String
                ? k.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The body as an admin may read it: values of code and token parameters replaced.</summary>
    public static string Redact(string body) => SecretParameter().Replace(body, m => m.Groups[1].Value + "(hidden)");

    [GeneratedRegex(@"((?:[?&]|&amp;)(?:code|token)=)[^&\s""'<>]+", RegexOptions.IgnoreCase)]
    private static partial Regex SecretParameter();
}
