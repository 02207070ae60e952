using System.Text.Json.Nodes;

namespace Barangay.Data.Common;

/// <summary>
/// The one rule for identity-document numbers (PhilSys PCN/PSN, passport, driver's licence, SSS, UMID …): only the last
/// four letters or digits are ever kept, as <c>XXXX-XXXX-1234</c>. Everything that stores such a number (the resident
/// row, a correction request, its notification, the audit trail) goes through <see cref="Mask"/> first. Spaces, dashes,
/// prefixes such as "PSN" and check characters (an <c>X</c>) are all treated alike: the shape of the input never
/// decides whether it is masked. A masked value masks to itself, so it round-trips through a form unchanged.
/// </summary>
public static class IdNumbers
{
    private const string Hidden = "XXXX-XXXX-";

    /// <summary>Audit and payload keys that hold an ID number; their values are masked wherever they are written.</summary>
    public static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "national_id", "national_id_masked", "NationalId", "NationalIdMasked", "id_number", "IdNumber", "philsys", "psn", "pcn",
    };

    /// <summary>"1234-5678-9012-345X" → "XXXX-XXXX-345X"; blank or fewer than four letters/digits → null.</summary>
    public static string? Mask(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        Span<char> last = stackalloc char[4];
        var found = 0;
        for (var i = input.Length - 1; i >= 0 && found < 4; i--)
        {
            if (char.IsAsciiLetterOrDigit(input[i])) last[3 - found++] = char.ToUpperInvariant(input[i]);
        }
        return found < 4 ? null : Hidden + new string(last);
    }

    /// <summary>True when <paramref name="value"/> is already in the masked form (a form round-trip, not a new number).</summary>
    public static bool IsMasked(string? value) =>
        value is not null && value.Trim().ToUpperInvariant() is var v && v.Length == Hidden.Length + 4 && v.StartsWith(Hidden, StringComparison.Ordinal)
        && v[Hidden.Length..].All(char.IsAsciiLetterOrDigit);

    /// <summary>
    /// Masks, in place, every string under an ID key of a JSON document (at any depth, including <c>{"old":…,"new":…}</c>
    /// pairs), and the <c>requested</c> value of a correction of the national ID. Returns the JSON, changed or not.
    /// </summary>
    public static string? MaskJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json) || !ContainsKey(json)) return json;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return json;
        }
        return root is not null && Walk(root, underIdKey: false) ? root.ToJsonString(Audit.AuditJson.Options) : json;
    }

    private static bool ContainsKey(string json) => Keys.Any(k => json.Contains(k, StringComparison.OrdinalIgnoreCase));

    private static bool Walk(JsonNode node, bool underIdKey)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject o:
                var correctsId = o["field"] is JsonValue f && f.TryGetValue<string>(out var field) && Keys.Contains(field);
                foreach (var (name, child) in o.ToList())
                {
                    if (child is null) continue;
                    var id = underIdKey || Keys.Contains(name) || (correctsId && name == "requested");
                    if (child is JsonValue v && id && v.TryGetValue<string>(out var s))
                    {
                        var masked = Mask(s);
                        if (masked != s) { o[name] = masked; changed = true; }
                    }
                    else
                    {
                        changed |= Walk(child, id);
                    }
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonValue v && underIdKey && v.TryGetValue<string>(out var s))
                    {
                        var masked = Mask(s);
                        if (masked != s) { a[i] = masked; changed = true; }
                    }
                    else if (a[i] is { } child)
                    {
                        changed |= Walk(child, underIdKey);
                    }
                }
                break;
        }
        return changed;
    }
}
