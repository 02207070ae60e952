using System.Text.Json;

namespace Barangay.Data.Messaging;

/// <summary>The <c>messages.attachments</c> JSON: <c>[{"file_id", "file_name", "content_type", "size_bytes"}]</c>.</summary>
public static class MessageAttachments
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string? Serialize(IReadOnlyList<MessageAttachment> items) => items.Count == 0 ? null : JsonSerializer.Serialize(items, Json);

    public static IReadOnlyList<MessageAttachment> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            return JsonSerializer.Deserialize<List<MessageAttachment>>(json, Json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
