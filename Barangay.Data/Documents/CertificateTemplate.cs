using System.Text.Json;
using System.Text.RegularExpressions;

namespace Barangay.Data.Documents;

/// <summary>
/// The merge fields a certificate's wording may use (the published list), and the check that refuses a template with
/// any other field when it is saved — instead of silently printing a blank (issue 22, item 3). Besides these, a
/// template may use the keys of the fields its own type asks for (a business clearance's <c>{business_name}</c>).
/// </summary>
public static partial class CertificateTemplate
{
    public static readonly IReadOnlyList<(string Field, string Meaning)> MergeFields =
    [
        ("name", "the holder's full name, in capitals"),
        ("age", "the holder's age in years on the day of approval"),
        ("civil_status", "the holder's civil status (blank when not recorded)"),
        ("address", "the holder's address and purok"),
        ("barangay", "the barangay's name"),
        ("locality", "the municipality or city, and province"),
        ("purpose", "the purpose the holder gave"),
    ];

    /// <summary>The members of a document type's meta that hold wording: English, and Filipino when there is one.</summary>
    public static readonly IReadOnlyList<string> TemplateMembers = ["template", "template_fil"];

    /// <summary>The fields in <paramref name="template"/> that are neither published merge fields nor the type's own field keys.</summary>
    public static IReadOnlyList<string> UnknownFields(string template, IEnumerable<string> typeFieldKeys)
    {
        var known = new HashSet<string>(MergeFields.Select(f => f.Field).Concat(typeFieldKeys), StringComparer.OrdinalIgnoreCase);
        return Field().Matches(template).Select(m => m.Groups[1].Value).Where(f => !known.Contains(f)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The refusal for a document type's meta JSON whose wording uses an unknown field, or null when every field is known.</summary>
    public static string? Refusal(JsonElement meta)
    {
        if (meta.ValueKind != JsonValueKind.Object) return null;
        var own = meta.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Array
            ? f.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("key", out var k) && k.ValueKind == JsonValueKind.String)
                .Select(e => e.GetProperty("key").GetString()!).ToList()
            : [];
        foreach (var member in TemplateMembers)
        {
            if (!meta.TryGetProperty(member, out var t) || t.ValueKind != JsonValueKind.String) continue;
            var unknown = UnknownFields(t.GetString()!, own);
            if (unknown.Count > 0)
                return $"Meta: the {member} uses {string.Join(", ", unknown.Select(u => "{" + u + "}"))}, which is not a merge field. "
                    + $"Use {string.Join(", ", MergeFields.Select(m => "{" + m.Field + "}").Concat(own.Select(o => "{" + o + "}")))}.";
        }
        return null;
    }

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Field();
}
