using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Settings;

/// <summary>
/// Which records use a lookup value. Records store the code (puroks, document types, categories) or, for
/// positions and relations, the label; both count. Soft-deleted residents and households still count: their
/// history must keep meaning something.
/// </summary>
internal static class LookupUsage
{
    private sealed record Column(string What, IQueryable<string?> Values);

    private static IEnumerable<Column> Columns(BarangayDbContext db, string category) => category switch
    {
        LookupCategories.Purok =>
        [
            new("residents", db.Residents.IgnoreQueryFilters().Select(r => (string?)r.Purok)),
            new("households", db.Households.IgnoreQueryFilters().Select(h => h.Purok)),
            new("document requests", db.DocumentRequests.Select(r => r.Purok)),
            new("complaints", db.Complaints.Select(c => c.Purok)),
        ],
        LookupCategories.DocumentType => [new("document requests", db.DocumentRequests.Select(r => (string?)r.Type))],
        LookupCategories.ComplaintCategory => [new("complaints", db.Complaints.Select(c => (string?)c.Category))],
        LookupCategories.ComplaintSubcategory => [new("complaints", db.Complaints.Select(c => c.Subcategory))],
        LookupCategories.EventCategory => [new("events", db.Events.Select(e => e.Category))],
        LookupCategories.OfficialPosition => [new("officials", db.Officials.Select(o => (string?)o.Position))],
        LookupCategories.Relation => [new("household members", db.HouseholdMembers.Select(m => m.Relation))],
        _ => [],
    };

    /// <summary>What uses one value, e.g. [("residents", 143), ("households", 40)]; empty when unused.</summary>
    public static async Task<List<(string What, int Count)>> UsesAsync(BarangayDbContext db, LookupValue v, CancellationToken ct)
    {
        var uses = new List<(string, int)>();
        foreach (var c in Columns(db, v.Category))
        {
            var n = await c.Values.CountAsync(x => x == v.Code || x == v.Label, ct);
            if (n > 0) uses.Add((c.What, n));
        }
        if (v.Category == LookupCategories.ComplaintCategory)
        {
            var children = (await SubcategoryMetas(db, ct)).Count(m => ParentOf(m) == v.Code);
            if (children > 0) uses.Add(("subcategories", children));
        }
        return uses;
    }

    /// <summary>How many records use each value of a category, for the list.</summary>
    public static async Task<Dictionary<Guid, int>> CountAsync(BarangayDbContext db, string category, IReadOnlyList<LookupValue> values, CancellationToken ct)
    {
        var byValue = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in Columns(db, category))
        {
            var groups = await c.Values.Where(x => x != null).GroupBy(x => x!).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            foreach (var g in groups) byValue[g.Key] = byValue.GetValueOrDefault(g.Key) + g.Count;
        }
        var parents = category == LookupCategories.ComplaintCategory
            ? (await SubcategoryMetas(db, ct)).Select(ParentOf).Where(p => p is not null).GroupBy(p => p!).ToDictionary(g => g.Key, g => g.Count())
            : [];
        return values.ToDictionary(v => v.Id, v =>
            byValue.GetValueOrDefault(v.Code) + (v.Label != v.Code ? byValue.GetValueOrDefault(v.Label) : 0) + parents.GetValueOrDefault(v.Code));
    }

    public static string Describe(IEnumerable<(string What, int Count)> uses) =>
        string.Join(", ", uses.Select(u => $"{u.Count:N0} {(u.Count == 1 ? Singular(u.What) : u.What)}"));

    /// <summary>The <c>parent</c> named in a subcategory's meta.</summary>
    public static string? ParentOf(string? meta)
    {
        if (string.IsNullOrWhiteSpace(meta)) return null;
        try
        {
            using var doc = JsonDocument.Parse(meta);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("parent", out var p) && p.ValueKind == JsonValueKind.String
                ? p.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Task<List<string?>> SubcategoryMetas(BarangayDbContext db, CancellationToken ct) =>
        db.LookupValues.AsNoTracking().Where(l => l.Category == LookupCategories.ComplaintSubcategory).Select(l => l.Meta).ToListAsync(ct);

    private static string Singular(string what) => what switch
    {
        "residents" => "resident",
        "households" => "household",
        "document requests" => "document request",
        "complaints" => "complaint",
        "events" => "event",
        "officials" => "official",
        "household members" => "household member",
        "subcategories" => "subcategory",
        _ => what,
    };
}
