using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Exports.Datasets;

/// <summary>Lookup codes as the hall reads them on screen ("barangay_clearance" → "Barangay Clearance"), retired ones included.</summary>
internal static class ExportLabels
{
    public static async Task<Dictionary<string, string>> OfAsync(BarangayDbContext db, string category, CancellationToken ct) =>
        await db.LookupValues.AsNoTracking().Where(l => l.Category == category).ToDictionaryAsync(l => l.Code, l => l.Label, ct);

    public static string? Of(Dictionary<string, string> labels, string? code) => code is null ? null : labels.GetValueOrDefault(code, code);
}
