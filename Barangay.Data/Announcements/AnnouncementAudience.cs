using System.Text.Json;
using System.Text.Json.Serialization;

namespace Barangay.Data.Announcements;

/// <summary>
/// Who an announcement is for: the <c>audience</c> JSON <c>{"purok": [...], "roles": [...]}</c>. An empty list
/// does not restrict; both empty means everyone (and the announcement is public on the sign-in page).
/// </summary>
public sealed record AnnouncementAudience(
    [property: JsonPropertyName("purok")] IReadOnlyList<string> Puroks,
    [property: JsonPropertyName("roles")] IReadOnlyList<string> Roles)
{
    public static readonly AnnouncementAudience Everyone = new([], []);

    public bool IsEveryone => Puroks.Count == 0 && Roles.Count == 0;

    /// <summary>Whether a user with these roles living in <paramref name="purok"/> (null: no resident record) is targeted.</summary>
    public bool Includes(string? purok, IEnumerable<string> roles) =>
        (Puroks.Count == 0 || (purok is not null && Puroks.Contains(purok, StringComparer.Ordinal)))
        && (Roles.Count == 0 || roles.Any(r => Roles.Contains(r, StringComparer.Ordinal)));

    public string ToJson() => JsonSerializer.Serialize(new Stored(Puroks.ToList(), Roles.ToList()));

    public static AnnouncementAudience Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return Everyone;
        try
        {
            var s = JsonSerializer.Deserialize<Stored>(json);
            return new AnnouncementAudience(Clean(s?.Purok), Clean(s?.Roles));
        }
        catch (JsonException)
        {
            // An audience that cannot be read targets nobody rather than everyone.
            return new AnnouncementAudience(["(unreadable)"], []);
        }
    }

    private static List<string> Clean(List<string>? values) =>
        values?.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToList() ?? [];

    private sealed record Stored(
        [property: JsonPropertyName("purok")] List<string>? Purok,
        [property: JsonPropertyName("roles")] List<string>? Roles);
}
