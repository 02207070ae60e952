using System.Text.Json;
using System.Text.Json.Serialization;

namespace Barangay.Data.Notifications;

/// <summary>The payload JSON: checks what a feature hands in, writes it, and reads it back leniently.</summary>
public static class NotificationPayloads
{
    public const int MaxTextLength = 500;
    public const int MaxTypeLength = 100;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>A clear message naming the problem, or null when the notification may be written.</summary>
    public static string? Validate(string type, NotificationPayload? payload)
    {
        if (string.IsNullOrWhiteSpace(type)) return "The notification type is required.";
        if (type.Length > MaxTypeLength) return $"The notification type is longer than {MaxTypeLength} characters.";
        if (payload is null || string.IsNullOrWhiteSpace(payload.Text)) return "The notification text is required.";
        if (payload.Text.Length > MaxTextLength) return $"The notification text is longer than {MaxTextLength} characters.";
        if (payload.Href is not null && !IsLocalPath(payload.Href))
            return "The notification link must be a path inside the app, starting with a single \"/\".";
        return null;
    }

    public static string Serialize(NotificationPayload payload) =>
        JsonSerializer.Serialize(payload with { Text = payload.Text.Trim() }, Json);

    /// <summary>Reads a stored payload; rows written by hand or by older code fall back to the type as text and no link.</summary>
    public static NotificationPayload Parse(string? json, string type)
    {
        NotificationPayload? p = null;
        if (!string.IsNullOrWhiteSpace(json))
        {
            try { p = JsonSerializer.Deserialize<NotificationPayload>(json, Json); }
            catch (JsonException) { p = null; }
        }
        var text = string.IsNullOrWhiteSpace(p?.Text) ? type : p.Text;
        // A link is followed only if it stays inside the app: a row written straight into the database is not trusted.
        var href = p?.Href is { } h && IsLocalPath(h) ? h : null;
        return new NotificationPayload(text, href, p?.Ids, string.IsNullOrWhiteSpace(p?.Key) ? null : p.Key, p?.Args);
    }

    /// <summary>"/x" but not "//host" or "/\host", which browsers treat as another site.</summary>
    public static bool IsLocalPath(string href) =>
        href.Length > 0 && href[0] == '/' && (href.Length == 1 || (href[1] != '/' && href[1] != '\\'))
        && !href.Any(char.IsControl);
}
