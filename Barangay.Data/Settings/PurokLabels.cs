using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Settings;

/// <summary>
/// The one rule for showing a purok: a person reads its label ("Purok 1 - Sampaguita"), never its code ("purok-1"),
/// on every list, page and file made for people (CSV exports included). Retired puroks keep their label on old
/// records; a code with no lookup value is shown as it is.
/// </summary>
public sealed class PurokLabels(IReadOnlyDictionary<string, string> labels)
{
    public static readonly PurokLabels None = new(new Dictionary<string, string>());

    public string Label(string? code) => code is null ? "" : labels.TryGetValue(code, out var label) ? label : code;

    public static async Task<PurokLabels> LoadAsync(BarangayDbContext db, CancellationToken ct) =>
        new(await db.LookupValues.AsNoTracking().Where(l => l.Category == LookupCategories.Purok)
            .ToDictionaryAsync(l => l.Code, l => l.Label, StringComparer.Ordinal, ct));
}
