using Barangay.Data.Files;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Officials;

/// <summary>An official in office as the public sees them. <see cref="PhotoUrl"/> is a signed, time-limited link, or null.</summary>
public sealed record RosterEntry(string FullName, string Position, DateOnly? TermStart, DateOnly? TermEnd, string? PhotoUrl = null);

/// <summary>
/// The public list of officials in office: names, positions, terms and photos (no contact details). Photos are stored
/// as <c>photo</c> files, which the download endpoint does not give to anonymous visitors; the page gets signed links
/// instead, so a picture is published only while its official is in office and each link expires.
/// </summary>
public sealed class OfficialRosterService(IDbContextFactory<BarangayDbContext> factory, FileLinkSigner links)
{
    /// <summary>Long enough for a visitor to read the page; a reload signs new links.</summary>
    public static readonly TimeSpan PhotoLinkLifetime = TimeSpan.FromHours(2);

    private static readonly string[] Order = ["Punong Barangay", "Kagawad", "SK Chairperson", "Secretary", "Treasurer", "Lupon member", "Tanod"];

    public async Task<IReadOnlyList<RosterEntry>> CurrentAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Officials.AsNoTracking()
            .Where(o => o.Status == OfficialStatuses.Active)
            .Select(o => new { o.FullName, o.Position, o.TermStart, o.TermEnd, o.PhotoUrl })
            .ToListAsync(ct);
        return rows
            .Select(r => new RosterEntry(r.FullName, r.Position, r.TermStart, r.TermEnd,
                PhotoFiles.FileIdOf(r.PhotoUrl) is { } file ? links.Sign(file, PhotoLinkLifetime) : null))
            .OrderBy(r => Array.IndexOf(Order, r.Position) is var i && i < 0 ? 99 : i).ThenBy(r => r.FullName, StringComparer.Ordinal).ToList();
    }
}
