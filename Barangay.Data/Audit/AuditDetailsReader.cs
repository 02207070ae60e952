using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Barangay.Data.Common;
using Barangay.Data.Settings;

namespace Barangay.Data.Audit;

/// <summary>
/// Turns an audit row's <c>details</c> JSON into what a person reads: a setting's label instead of "value",
/// a JSON column's changed members one by one (<c>meta.fee: 100 → 150</c>), text without JSON quotes,
/// timestamps in Manila time.
/// </summary>
public static class AuditDetailsReader
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly CultureInfo Ph = CultureInfo.GetCultureInfo("en-PH");

    public const string Empty = "(empty)";

    public static AuditDetails Read(string? details, string? targetType = null, string? targetId = null)
    {
        if (string.IsNullOrWhiteSpace(details)) return AuditDetails.None;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(details);
        }
        catch (JsonException)
        {
            return new AuditDetails([], [], details);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("changes", out var changes) && changes.ValueKind == JsonValueKind.Object)
                return new AuditDetails(Changes(changes, targetType, targetId), [], null);
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Object)
                return new AuditDetails([], values.EnumerateObject().Select(p => new AuditValue(FieldName(p.Name, targetType, targetId), Display(p.Value))).ToList(), null);
            return new AuditDetails([], [], JsonSerializer.Serialize(root, Pretty));
        }
    }

    private static List<AuditChange> Changes(JsonElement changes, string? targetType, string? targetId)
    {
        var list = new List<AuditChange>();
        foreach (var p in changes.EnumerateObject())
        {
            var field = FieldName(p.Name, targetType, targetId);
            if (p.Value.ValueKind != JsonValueKind.Object || !p.Value.TryGetProperty("new", out var @new))
            {
                // Secrets are recorded as "(changed)" without their values.
                list.Add(new AuditChange(field, "", Display(p.Value)));
                continue;
            }
            var old = p.Value.TryGetProperty("old", out var o) ? o : default;
            if (AsObject(old) is { } oldObj && AsObject(@new) is { } newObj)
            {
                using (oldObj)
                using (newObj)
                {
                    list.AddRange(MemberChanges(field, oldObj.RootElement, newObj.RootElement));
                }
                continue;
            }
            list.Add(new AuditChange(field, Display(old), Display(@new)));
        }
        return list;
    }

    /// <summary>The members of a JSON column that differ, as <c>field.member</c> rows.</summary>
    private static IEnumerable<AuditChange> MemberChanges(string field, JsonElement old, JsonElement @new)
    {
        var oldMembers = old.EnumerateObject().ToDictionary(m => m.Name, m => m.Value);
        var newMembers = @new.EnumerateObject().ToDictionary(m => m.Name, m => m.Value);
        foreach (var name in oldMembers.Keys.Union(newMembers.Keys))
        {
            var hasOld = oldMembers.TryGetValue(name, out var o);
            var hasNew = newMembers.TryGetValue(name, out var n);
            if (hasOld && hasNew && JsonElement.DeepEquals(o, n)) continue;
            yield return new AuditChange($"{field}.{name}", hasOld ? Display(o) : Empty, hasNew ? Display(n) : Empty);
        }
    }

    /// <summary>A JSON column's text (e.g. a lookup value's meta) parsed, when it holds an object.</summary>
    private static JsonDocument? AsObject(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.String || e.GetString() is not { } s || !s.TrimStart().StartsWith('{')) return null;
        try
        {
            var doc = JsonDocument.Parse(s);
            if (doc.RootElement.ValueKind == JsonValueKind.Object) return doc;
            doc.Dispose();
        }
        catch (JsonException)
        {
        }
        return null;
    }

    private static string FieldName(string column, string? targetType, string? targetId) =>
        targetType == "Setting" && column == "value" && targetId is not null ? SettingFields.LabelOfKey(targetId) : column;

    /// <summary>A value as a person reads it.</summary>
    public static string Display(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Undefined:
            case JsonValueKind.Null:
                return Empty;
            case JsonValueKind.String:
                var s = e.GetString() ?? "";
                if (s.Length == 0) return Empty;
                if (LooksLikeJson(s) && TryParse(s) is { } inner) return inner;
                // A UTC timestamp ("…T04:20:43Z" or "…T04:20:43+00:00") is shown in Manila time.
                if (s.Length >= 20 && s[10] == 'T' && (s.EndsWith('Z') || s.EndsWith("+00:00", StringComparison.Ordinal))
                    && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                    return TimeZones.ToManila(at.UtcDateTime).ToString("MMM d, yyyy h:mm:ss tt", Ph) + " (Manila)";
                return s;
            case JsonValueKind.Object:
            case JsonValueKind.Array:
                return JsonSerializer.Serialize(e, Pretty);
            default:
                return e.GetRawText();
        }
    }

    private static bool LooksLikeJson(string s) => s.TrimStart() is { Length: > 0 } t && t[0] is '{' or '[' or '"';

    /// <summary>A JSON-in-text value (settings are stored as JSON): the text without quotes, or the JSON indented.</summary>
    private static string? TryParse(string s)
    {
        try
        {
            using var doc = JsonDocument.Parse(s);
            return doc.RootElement.ValueKind == JsonValueKind.String ? Display(doc.RootElement) : JsonSerializer.Serialize(doc.RootElement, Pretty);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
