using Barangay.Data.Files;
using Barangay.Data.Residents;

namespace Barangay.Data.Documents;

/// <summary>
/// What the approving official is warned of (issue 22): the request is for an ID-like type (<see cref="DocumentType.IdPhoto"/>)
/// and the holder has no photo on record that the certificate would print, so it comes out with an empty 1×1 box.
/// <see cref="Approved"/>: the certificate was already approved that way (the box is to be filled at the window).
/// </summary>
public sealed record HolderPhotoWarning(Guid ResidentId, string ResidentName, string TypeLabel, bool Approved);

/// <summary>
/// The one rule for "the holder's photo the certificate prints": a JPEG or PNG uploaded as a resident's photo
/// (<see cref="PhotoFiles"/>) whose file row still exists. Used when the certificate is frozen at approval and when
/// the approval page warns, so the warning and the printed box never disagree.
/// </summary>
internal static class HolderPhoto
{
    /// <summary>The file id of the photo a certificate may print for <paramref name="resident"/>; null when there is none.</summary>
    public static async Task<Guid?> OnRecordAsync(BarangayDbContext db, Resident resident, CancellationToken ct) =>
        PhotoFiles.FileIdOf(resident.PhotoUrl) is { } id && await PhotoFiles.RefusalAsync(db, id, ResidentService.PhotoTargetType, "a resident's", ct) is null
            ? id
            : null;
}
