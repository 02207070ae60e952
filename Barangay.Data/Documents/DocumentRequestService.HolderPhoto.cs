using Barangay.Data.Security;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Documents;

public sealed partial class DocumentRequestService
{
    /// <summary>
    /// The warning the request page shows above "Approve" (and, once approved, for the window): null when the type prints
    /// no photo or the holder has one on record. Only for officials who work the queue; a resident's own page gets null.
    /// </summary>
    public async Task<HolderPhotoWarning?> HolderPhotoWarningAsync(Guid id, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Documents.Process) && !caller.Can(Permissions.Documents.Release)) return null;
        var row = await db.DocumentRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (row is null) return null;
        var resident = await db.Residents.AsNoTracking().IgnoreQueryFilters().FirstAsync(r => r.Id == row.ResidentId, ct);
        var meta = DocumentRequestMetadata.Parse(row.Metadata);
        if (meta.Certificate is { } c)
            // Until it leaves the hall: a released one was handed over with the photo pasted in.
            return c.PhotoBox && c.PhotoFileId is null && meta.Revocation is null && row.Status == DocumentRequestStatuses.Approved
                ? new HolderPhotoWarning(resident.Id, Name(resident), c.TypeLabel, Approved: true)
                : null;
        if (!DocumentRequestStatuses.Pending.Contains(row.Status)) return null;
        var typeRow = await db.LookupValues.AsNoTracking().Where(l => l.Category == LookupCategories.DocumentType && l.Code == row.Type)
            .Select(l => new { l.Label, l.Meta }).FirstOrDefaultAsync(ct);
        var type = DocumentType.Parse(row.Type, typeRow?.Label ?? meta.TypeLabel ?? row.Type, typeRow?.Meta);
        if (!type.IdPhoto || await HolderPhoto.OnRecordAsync(db, resident, ct) is not null) return null;
        return new HolderPhotoWarning(resident.Id, Name(resident), meta.TypeLabel ?? type.Label, Approved: false);
    }
}
