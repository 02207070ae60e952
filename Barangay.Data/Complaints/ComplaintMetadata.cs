using System.Text.Json;
using System.Text.Json.Serialization;

namespace Barangay.Data.Complaints;

/// <summary>What <c>complaints.metadata</c> holds (snake_case JSON). <see cref="Notes"/> are the hall's own.</summary>
public sealed class ComplaintMetadata
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public List<ComplaintHistoryEntry> History { get; set; } = [];
    /// <summary>Internal notes: shown to the hall, never to the complainant.</summary>
    public List<ComplaintNote> Notes { get; set; } = [];
    public string? RejectionReason { get; set; }
    /// <summary>Entered at the hall (walk-in or phoned in) by this official.</summary>
    public Guid? EnteredBy { get; set; }
    public string? Channel { get; set; }
    public Guid? ConversationId { get; set; }

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static ComplaintMetadata Parse(string? json) =>
        string.IsNullOrWhiteSpace(json) ? new() : JsonSerializer.Deserialize<ComplaintMetadata>(json, Options) ?? new();
}

/// <summary>One line of the complaint's timeline; <see cref="Note"/> is what the complainant may read (a reason, the resolution).</summary>
public sealed record ComplaintHistoryEntry(string What, DateTime At, Guid? ById, string? ByName, string? Note = null);

public sealed record ComplaintNote(DateTime At, Guid? ById, string ByName, string Text);

/// <summary>How a complaint reached the hall.</summary>
public static class ComplaintChannels
{
    public const string App = "app";
    public const string WalkIn = "walk_in";
    public const string Phone = "phone";

    public static readonly IReadOnlyList<string> Hall = [WalkIn, Phone];
}
