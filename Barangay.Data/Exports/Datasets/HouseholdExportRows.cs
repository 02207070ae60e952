using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Exports.Datasets;

/// <summary>Households with their head and member count.</summary>
public static class HouseholdExportRows
{
    public static readonly IReadOnlyList<string> Headers = ["Household ID", "Head", "Purok", "Address", "Members"];

    public static async IAsyncEnumerable<object?[]> Read(BarangayDbContext db, ExportFilters f, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var puroks = await ExportLabels.OfAsync(db, Settings.LookupCategories.Purok, ct);
        var q = db.Households.AsNoTracking();
        if (f.Purok is { } purok) q = q.Where(h => h.Purok == purok);
        var rows = q.OrderBy(h => h.HouseholdId).Select(h => new
        {
            h.HouseholdId,
            Head = db.Residents.Where(r => r.Id == h.HeadResidentId).Select(r => r.LastName + ", " + r.FirstName).FirstOrDefault(),
            h.Purok, h.Address,
            Members = db.HouseholdMembers.Count(m => m.HouseholdId == h.Id),
        }).AsAsyncEnumerable();
        await foreach (var h in rows.WithCancellation(ct))
            yield return [h.HouseholdId, h.Head, ExportLabels.Of(puroks, h.Purok), h.Address, h.Members];
    }
}
