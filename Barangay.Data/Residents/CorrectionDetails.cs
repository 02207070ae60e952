using System.Text.Json;
using System.Text.Json.Serialization;

namespace Barangay.Data.Residents;

/// <summary>A correction request as the audit row's <c>details</c> keep it (the full note, the value as the hall sees it).</summary>
public sealed record CorrectionDetails(
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("requested")] string Requested,
    [property: JsonPropertyName("note")] string? Note,
    [property: JsonPropertyName("resident_id")] string ResidentId,
    [property: JsonPropertyName("recipients")] int Recipients = 0)
{
    public static CorrectionDetails? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try { return JsonSerializer.Deserialize<CorrectionDetails>(json); }
        catch (JsonException) { return null; }
    }
}
