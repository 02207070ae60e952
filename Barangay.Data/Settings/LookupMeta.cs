using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Barangay.Data.Settings;

/// <summary>Reads and shapes a lookup value's <c>meta</c> for the admin page.</summary>
public static class LookupMeta
{
    private static readonly CultureInfo Ph = CultureInfo.GetCultureInfo("en-PH");

    /// <summary>A short line for the list: a document type's fee and validity, a subcategory's parent, or the JSON itself.</summary>
    public static string Summary(string category, string? meta, IReadOnlyList<LookupItem> parents)
    {
        if (string.IsNullOrWhiteSpace(meta)) return "";
        if (category == LookupCategories.ComplaintSubcategory)
        {
            var parent = LookupUsage.ParentOf(meta);
            return parent is null ? "" : "in " + (parents.FirstOrDefault(p => p.Code == parent)?.Label ?? parent);
        }
        if (category != LookupCategories.DocumentType) return meta;
        var parts = new List<string> { "₱" + SettingJson.ReadFee(meta).ToString("N2", Ph) };
        using var doc = JsonDocument.Parse(meta);
        if (doc.RootElement.TryGetProperty("class", out var c) && c.ValueKind == JsonValueKind.String) parts.Add(c.GetString()!);
        if (doc.RootElement.TryGetProperty("validity_days", out var v) && v.TryGetInt32(out var days)) parts.Add($"valid {days} days");
        return string.Join(" · ", parts);
    }

    public static string? Parent(string? meta) => LookupUsage.ParentOf(meta);

    /// <summary>The meta with <c>parent</c> set (or removed when null), keeping every other member.</summary>
    public static string? WithParent(string? meta, string? parent)
    {
        JsonObject obj;
        try
        {
            obj = (string.IsNullOrWhiteSpace(meta) ? null : JsonNode.Parse(meta) as JsonObject) ?? new JsonObject();
        }
        catch (JsonException)
        {
            obj = new JsonObject();
        }
        if (parent is null) obj.Remove("parent");
        else obj["parent"] = parent;
        return obj.Count == 0 ? null : obj.ToJsonString();
    }
}
