using System.Text.Json;

namespace Barangay.Data.Files;

/// <summary>The <c>files.metadata</c> JSON: integrity, sensitivity, what the file belongs to, and how it is encrypted.</summary>
public sealed record FileMetadata
{
    public string Sha256 { get; init; } = "";
    public string Sensitivity { get; init; } = "";
    public string Kind { get; init; } = "";
    /// <summary>The person the file is about or belongs to (a resident's ID document uploaded by an official).</summary>
    public Guid? OwnerUserId { get; init; }
    public string? TargetType { get; init; }
    public string? TargetId { get; init; }
    public string Store { get; init; } = "";
    public string Encryption { get; init; } = FileCipher.Algorithm;
    public string KeyId { get; init; } = "";
    public string Nonce { get; init; } = "";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static FileMetadata FromJson(string json) => JsonSerializer.Deserialize<FileMetadata>(json, Json) ?? new FileMetadata();
}
