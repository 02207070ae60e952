using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Barangay.Data.Settings;

/// <summary>Reads and writes the JSON values of <c>app_settings</c>.</summary>
public static class SettingJson
{
    public static string Text(string value) => JsonSerializer.Serialize(value.Trim());

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Holidays(IEnumerable<HolidayEntry> holidays) =>
        new JsonArray(holidays.Select(h => (JsonNode)new JsonObject
        {
            ["date"] = h.Date.ToString(HolidayEntry.DateFormat, CultureInfo.InvariantCulture),
            ["name"] = h.Name,
        }).ToArray()).ToJsonString();

    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>A stored true (or "true"); anything else, or nothing stored, is false.</summary>
    public static bool ReadBool(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return false;
        using var doc = JsonDocument.Parse(json);
        var e = doc.RootElement;
        return e.ValueKind == JsonValueKind.True
               || (e.ValueKind == JsonValueKind.String && string.Equals(e.GetString(), "true", StringComparison.OrdinalIgnoreCase));
    }

    public static string ReadText(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return "";
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.ValueKind switch
        {
            JsonValueKind.String => doc.RootElement.GetString() ?? "",
            JsonValueKind.Null => "",
            _ => doc.RootElement.ToString(),
        };
    }

    public static int ReadInt(string? json, int fallback)
    {
        if (string.IsNullOrWhiteSpace(json)) return fallback;
        using var doc = JsonDocument.Parse(json);
        var e = doc.RootElement;
        if (e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var n)) return n;
        return e.ValueKind == JsonValueKind.String && int.TryParse(e.GetString(), CultureInfo.InvariantCulture, out var s) ? s : fallback;
    }

    /// <summary>Holidays stored either as <c>["2026-01-01", …]</c> (the first seed) or <c>[{"date":…,"name":…}]</c>.</summary>
    public static List<HolidayEntry> ReadHolidays(string? json)
    {
        var list = new List<HolidayEntry>();
        if (string.IsNullOrWhiteSpace(json)) return list;
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Array) return list;
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            var (date, name) = item.ValueKind switch
            {
                JsonValueKind.String => (item.GetString(), ""),
                JsonValueKind.Object => (
                    item.TryGetProperty("date", out var d) ? d.GetString() : null,
                    item.TryGetProperty("name", out var n) ? n.GetString() ?? "" : ""),
                _ => (null, ""),
            };
            if (SettingsValidator.ParseDate(date) is { } day) list.Add(new HolidayEntry(day, name));
        }
        return list.OrderBy(h => h.Date).ToList();
    }

    /// <summary>Two stored values mean the same (jsonb normalizes spacing, so text comparison is not enough).</summary>
    public static bool SameValue(string? a, string? b)
    {
        if (a is null || b is null) return a is null && b is null;
        try
        {
            return JsonNode.DeepEquals(JsonNode.Parse(a), JsonNode.Parse(b));
        }
        catch (JsonException)
        {
            return a == b;
        }
    }

    /// <summary>The <c>fee</c> of a document type's meta, in pesos (0 when none is set).</summary>
    public static decimal ReadFee(string? meta)
    {
        if (string.IsNullOrWhiteSpace(meta)) return 0;
        using var doc = JsonDocument.Parse(meta);
        return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("fee", out var f) && f.TryGetDecimal(out var fee) ? fee : 0;
    }

    /// <summary>The meta with its <c>fee</c> set, keeping every other member as it was.</summary>
    public static string WithFee(string? meta, decimal fee)
    {
        var obj = (string.IsNullOrWhiteSpace(meta) ? null : JsonNode.Parse(meta) as JsonObject) ?? new JsonObject();
        // 75.50 is stored as 75.5, 100.00 as 100: the same amount, written the same way every time.
        obj["fee"] = decimal.Parse(fee.ToString("0.##", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return obj.ToJsonString();
    }
}
