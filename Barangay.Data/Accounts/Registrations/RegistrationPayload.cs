using System.Text.Json;
using System.Text.Json.Serialization;

namespace Barangay.Data.Accounts.Registrations;

/// <summary>
/// The <c>user_payload</c> JSON: the submitted details, the pending account's id and the ID photo's file id, and the
/// outcome. By construction it has no field for the password (the account row holds only its hash).
/// </summary>
public sealed record RegistrationPayload
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Guid UserId { get; init; }
    public string UserName { get; init; } = "";
    public string FirstName { get; init; } = "";
    public string? MiddleName { get; init; }
    public string LastName { get; init; } = "";
    public DateOnly? Dob { get; init; }
    public string? Sex { get; init; }
    public string? MaritalStatus { get; init; }
    public string Purok { get; init; } = "";
    public string? Address { get; init; }
    public string? ContactNumber { get; init; }
    public string Email { get; init; } = "";
    public Guid? IdPhotoFileId { get; init; }
    public DateTime? PrivacyConsentAt { get; init; }
    /// <summary>SHA-256 of the privacy notice text the applicant agreed to, so the exact version is provable.</summary>
    public string? PrivacyNoticeSha256 { get; init; }
    /// <summary>The language the applicant registered in (en-PH or fil-PH): their emails are written in it.</summary>
    public string? Language { get; init; }
    public string? Reason { get; init; }
    public DateTime? DecidedAt { get; init; }
    public string? DecidedBy { get; init; }

    [JsonIgnore]
    public string FullName => string.Join(' ', new[] { FirstName, MiddleName, LastName }.Where(s => !string.IsNullOrWhiteSpace(s)));

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RegistrationPayload FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? new() : JsonSerializer.Deserialize<RegistrationPayload>(json, Json) ?? new();
}
