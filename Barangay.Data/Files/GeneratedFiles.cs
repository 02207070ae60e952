using Barangay.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Files;

/// <summary>
/// Files the system makes for someone (an export, a report), stored like uploads — encrypted, hashed, recorded — with
/// that person as owner, so the same read rules (<see cref="FileSensitivity"/>) and signed links apply. Used by jobs,
/// which have no signed-in caller.
/// </summary>
public sealed class GeneratedFiles(IDbContextFactory<BarangayDbContext> factory, IFileStore store, FileKeyRing keys)
{
    public async Task<StoredFile> StoreAsync(string fileName, string contentType, string kind, byte[] bytes, string sensitivity,
        Guid ownerUserId, string targetType, string targetId, CancellationToken ct = default)
    {
        var (row, ciphertext) = FileService.Seal(keys, store.Name, FileService.DisplayName(fileName), contentType, kind, bytes,
            sensitivity, uploadedBy: null, ownerUserId, targetType, targetId);
        using (var cipherStream = new MemoryStream(ciphertext, writable: false))
        {
            await store.PutAsync(row.Url, cipherStream, ct);
        }
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            row.UploadedAt = Common.ContextClock.UtcNow(db);
            db.Files.Add(row);
            db.Record(AuditActions.Create, FileService.TargetType, row.Id.ToString(), new
            {
                file_name = row.FileName, size_bytes = bytes.Length, kind, sensitivity, target_type = targetType, target_id = targetId, generated = true,
            });
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            await store.DeleteAsync(row.Url, CancellationToken.None);
            throw;
        }
        return row;
    }

    /// <summary>Removes a file's bytes from the store, after its <c>files</c> row was removed.</summary>
    public Task DeleteBytesAsync(string storeKey, CancellationToken ct = default) => store.DeleteAsync(storeKey, ct);

    /// <summary>A stored file's content for a job (which checked its right to it from the row that names the file), or null when missing or damaged.</summary>
    public async Task<byte[]?> ReadAsync(Guid fileId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, ct);
        return row is null ? null : await FileService.DecryptAsync(store, keys, row, FileMetadata.FromJson(row.Metadata), ct);
    }
}
