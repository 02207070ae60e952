using Barangay.Data.Officials;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Documents;

/// <summary>Who signs a certificate: the official who approved it, and whether they sign for the Punong Barangay.</summary>
public sealed record CertificateSignatory(Guid? UserId, string Name, string Position, bool ForPunongBarangay)
{
    /// <summary>
    /// Read from the request's approval history (the last "approved" entry): the Punong Barangay signs as themself;
    /// anyone else the Punong Barangay let approve (who may approve is the RA 11032 delegation setting, enforced where
    /// approval is) signs "For the Punong Barangay:" with their own name and position. The settings' Punong Barangay
    /// name is used only when no approver is recorded (requests approved before the history named one).
    /// </summary>
    public static async Task<CertificateSignatory> FromHistoryAsync(BarangayDbContext db, DocumentRequestMetadata meta, string punongBarangaySetting, CancellationToken ct)
    {
        var approval = meta.History.LastOrDefault(h => h.Status == DocumentRequestStatuses.Approved);
        if (approval?.ById is not { } userId) return new(null, punongBarangaySetting, OfficialPositions.PunongBarangay, false);
        var official = await db.Officials.AsNoTracking()
            .Where(o => (o.UserId == userId || o.LinkedUserId == userId) && o.Status != OfficialStatuses.Former)
            .OrderBy(o => o.Position == OfficialPositions.PunongBarangay ? 0 : 1)
            .Select(o => new { o.FullName, o.Position }).FirstOrDefaultAsync(ct);
        var name = official?.FullName is { Length: > 0 } n ? n : approval.ByName ?? punongBarangaySetting;
        // The Punong Barangay signs with the name the settings give for certificates ("Hon. …") when there is one.
        if (official?.Position == OfficialPositions.PunongBarangay)
            return new(userId, punongBarangaySetting.Length > 0 ? punongBarangaySetting : name, OfficialPositions.PunongBarangay, false);
        return new(userId, name, official?.Position is { Length: > 0 } p ? p : "Barangay official", true);
    }
}
