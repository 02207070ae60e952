using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Officials;

public sealed record RosterEntry(string FullName, string Position, DateOnly? TermStart, DateOnly? TermEnd);

/// <summary>The public list of officials in office: names, positions and terms only (no contact details).</summary>
public sealed class OfficialRosterService(IDbContextFactory<BarangayDbContext> factory)
{
    private static readonly string[] Order = ["Punong Barangay", "Kagawad", "SK Chairperson", "Secretary", "Treasurer", "Lupon member", "Tanod"];

    public async Task<IReadOnlyList<RosterEntry>> CurrentAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Officials.AsNoTracking()
            .Where(o => o.Status == OfficialStatuses.Active)
            .Select(o => new RosterEntry(o.FullName, o.Position, o.TermStart, o.TermEnd))
            .ToListAsync(ct);
        return rows.OrderBy(r => Array.IndexOf(Order, r.Position) is var i && i < 0 ? 99 : i).ThenBy(r => r.FullName, StringComparer.Ordinal).ToList();
    }
}
