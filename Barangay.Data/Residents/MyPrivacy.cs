using System.Text.Json;
using System.Text.Json.Nodes;

namespace Barangay.Data.Residents;

/// <summary>
/// A resident's choices, stored in <c>residents.privacy_settings</c> as
/// <c>{"show_name_in_attendee_lists": false, "allow_email_notifications": true}</c>.
/// Until the resident chooses, their name is not shown to others (privacy by default) and email is allowed
/// (they gave the address so that the hall can reach them).
/// </summary>
public sealed record MyPrivacy(bool ShowNameInAttendeeLists = false, bool AllowEmailNotifications = true)
{
    public const string ShowNameKey = "show_name_in_attendee_lists";
    public const string AllowEmailKey = "allow_email_notifications";

    /// <summary>Reads the column leniently: a missing key, a wrong type or broken JSON falls back to the default.</summary>
    public static MyPrivacy Parse(string? json)
    {
        var d = new MyPrivacy();
        if (Read(json) is not { } o) return d;
        return new MyPrivacy(Flag(o, ShowNameKey) ?? d.ShowNameInAttendeeLists, Flag(o, AllowEmailKey) ?? d.AllowEmailNotifications);
    }

    /// <summary>Writes these choices into <paramref name="existing"/>, keeping any other keys another feature stored there.</summary>
    public string MergeInto(string? existing)
    {
        var o = Read(existing) ?? new JsonObject();
        o[ShowNameKey] = ShowNameInAttendeeLists;
        o[AllowEmailKey] = AllowEmailNotifications;
        return o.ToJsonString();
    }

    private static JsonObject? Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try { return JsonNode.Parse(json) as JsonObject; }
        catch (JsonException) { return null; }
    }

    private static bool? Flag(JsonObject o, string key) =>
        o[key] is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null;
}
