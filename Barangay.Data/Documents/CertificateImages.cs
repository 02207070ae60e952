using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Files;
using Barangay.Data.Localization;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Documents;

/// <summary>
/// The pictures a certificate prints: the seals (public files), the approving official's signature and, on an ID-like
/// type, the holder's photo (both kept encrypted like every file).
/// </summary>
public sealed record CertificatePictures(byte[]? Seal, byte[]? MunicipalSeal, byte[]? Signature, byte[]? Photo = null);

/// <summary>
/// Loads a certificate's seals and its signatory's signature image, and lets an official set their own signature.
/// The signature is read here and nowhere else: by the user id the certificate's approval history names
/// (<see cref="CertificateSignatory"/>), so an official's signature is placed only on documents that official approved.
/// </summary>
public sealed class CertificateImages(BarangayDb dbs, IDbContextFactory<BarangayDbContext> factory, IFileStore store, FileKeyRing keys)
{
    public const string SignatureTargetType = "OfficialSignature";
    /// <summary>A signature is a small picture; anything bigger is a scan of a whole page or a photo.</summary>
    public const int MaxSignatureBytes = 512 * 1024;
    public static string SignatureKey(Guid userId) => "official.signature." + userId.ToString("N");

    /// <remarks>Two round trips, not five: the signature's pointer, then the rows of all the files at once (issue 22, <c>certificate_pdf_ms</c>).</remarks>
    public async Task<CertificatePictures> LoadAsync(CertificateData c, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        Guid? signatureId = null;
        if (c.Signatory?.UserId is { } userId)
        {
            var key = SignatureKey(userId);
            var pointer = await db.AppSettings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(ct);
            if (Guid.TryParse(SettingJson.ReadText(pointer), out var fileId)) signatureId = fileId;
        }
        Guid? sealId = Guid.TryParse(c.SealFileId, out var s1) ? s1 : null, municipalId = Guid.TryParse(c.MunicipalSealFileId, out var s2) ? s2 : null;
        Guid? photoId = c.PhotoBox && Guid.TryParse(c.PhotoFileId, out var p) ? p : null;
        var ids = new[] { sealId, municipalId, signatureId, photoId }.OfType<Guid>().Distinct().ToList();
        var rows = ids.Count == 0 ? [] : await db.Files.AsNoTracking().Where(f => ids.Contains(f.Id)).ToListAsync(ct);
        return new CertificatePictures(
            await ReadAsync(rows, sealId, FileSensitivity.Public, null, ct),
            await ReadAsync(rows, municipalId, FileSensitivity.Public, null, ct),
            await ReadAsync(rows, signatureId, FileSensitivity.Signature, c.Signatory?.UserId, ct),
            await ReadPhotoAsync(rows, photoId, ct));
    }

    /// <summary>
    /// The signed-in official makes an image they uploaded (sensitivity <see cref="FileSensitivity.Signature"/>) their
    /// signature: refused with the reason when it is not a PNG or JPEG, is over <see cref="MaxSignatureBytes"/>, or is not theirs.
    /// </summary>
    public async Task<ServiceResult<Guid>> SetSignatureAsync(Guid fileId, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (caller.UserId is not { } userId || !caller.Can(Permissions.Documents.Release) && !caller.Can(Permissions.Documents.Process))
            return ServiceResult<Guid>.NotFound();
        var file = await db.Files.AsNoTracking().Where(f => f.Id == fileId).Select(f => new { f.ContentType, f.SizeBytes, f.UploadedBy, f.Metadata }).FirstOrDefaultAsync(ct);
        if (file is null || file.UploadedBy != userId) return ServiceResult<Guid>.Invalid("Signature", Texts.Say("Upload the signature picture again."));
        if (file.ContentType is not ("image/png" or "image/jpeg")) return ServiceResult<Guid>.Invalid("Signature", Texts.Say("The signature must be a PNG or JPEG picture."));
        if (file.SizeBytes > MaxSignatureBytes)
            return ServiceResult<Guid>.Invalid("Signature", Texts.Say("The signature picture is {0} KB; it must be at most {1} KB (crop it to the signature).", file.SizeBytes / 1024, MaxSignatureBytes / 1024));
        if (FileMetadata.FromJson(file.Metadata).Sensitivity != FileSensitivity.Signature) return ServiceResult<Guid>.Invalid("Signature", Texts.Say("Upload the signature picture here."));
        var key = SignatureKey(userId);
        var row = await db.AppSettings.FirstOrDefaultAsync(s => s.Key == key, ct);
        var json = SettingJson.Text(fileId.ToString());
        if (row is null) db.AppSettings.Add(new AppSetting { Key = key, Value = json });
        else row.Value = json;
        db.Record(AuditActions.Update, "OfficialSignature", userId.ToString(), new { file_id = fileId });
        await db.SaveChangesAsync(ct);
        return ServiceResult<Guid>.Success(fileId);
    }

    /// <summary>Whether the signed-in official has a signature set.</summary>
    public async Task<bool> HasSignatureAsync(CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (caller.UserId is not { } userId) return false;
        var key = SignatureKey(userId);
        return await db.AppSettings.AsNoTracking().AnyAsync(s => s.Key == key, ct);
    }

    /// <summary>Only a JPEG or PNG uploaded as a resident's photo (<see cref="PhotoFiles"/>'s rule when it was set) prints as the holder's photo.</summary>
    private async Task<byte[]?> ReadPhotoAsync(List<StoredFile> rows, Guid? id, CancellationToken ct)
    {
        var row = id is null ? null : rows.Find(f => f.Id == id);
        if (row is null || row.ContentType is not ("image/jpeg" or "image/png")) return null;
        if (FileMetadata.FromJson(row.Metadata).TargetType != Residents.ResidentService.PhotoTargetType) return null;
        return await ReadAsync(rows, id, FileSensitivity.Photo, null, ct);
    }

    private async Task<byte[]?> ReadAsync(List<StoredFile> rows, Guid? id, string sensitivity, Guid? uploadedBy, CancellationToken ct)
    {
        var row = id is null ? null : rows.Find(f => f.Id == id);
        if (row is null || (uploadedBy is not null && row.UploadedBy != uploadedBy)) return null;
        var meta = FileMetadata.FromJson(row.Metadata);
        if (meta.Sensitivity != sensitivity) return null;
        return await FileService.DecryptAsync(store, keys, row, meta, ct);
    }
}
