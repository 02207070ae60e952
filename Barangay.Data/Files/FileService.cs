using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Barangay.Data.Audit;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Barangay.Data.Files;

/// <summary>
/// Every stored file goes through here: checked by size and content, encrypted with AES-256-GCM, written to the
/// <see cref="IFileStore"/> under a random key, recorded as a <c>files</c> row; read back only by those with a right to it (<see cref="FileReadRule"/>: its owning record's rule).
/// </summary>
public sealed class FileService(
    BarangayDb dbs,
    IDbContextFactory<BarangayDbContext> factory,
    IFileStore store,
    FileKeyRing keys,
    FileLinkSigner links,
    ILogger<FileService> log)
{
    public const int DefaultMaxMb = 10;
    public const string TargetType = "File";
    public static readonly TimeSpan DefaultLinkLifetime = TimeSpan.FromMinutes(15);

    /// <summary>The largest upload, from the app setting <c>uploads.max_mb</c> (10 MB when unset).</summary>
    public async Task<long> MaxBytesAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var json = await db.AppSettings.AsNoTracking().Where(s => s.Key == SettingKeys.UploadMaxMb).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return MegabytesFrom(json) * 1024L * 1024L;
    }

    public async Task<FileUploadResult> UploadAsync(FileUploadRequest request, Stream content, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        if (!FileSensitivity.All.Contains(request.Sensitivity))
            throw new ArgumentException($"Unknown file sensitivity '{request.Sensitivity}'.", nameof(request));
        var caller = await dbs.CallerAsync(ct);
        if (!caller.IsAuthenticated) return FileUploadResult.Refused(Localization.Texts.Say("Sign in to upload files."));
        var name = DisplayName(request.FileName);
        if (name.Length == 0) return FileUploadResult.Refused(Localization.Texts.Say("The file has no name."));

        var max = await MaxBytesAsync(ct);
        var bytes = await ReadAtMostAsync(content, max, progress, ct);
        if (bytes is null)
            return FileUploadResult.Refused(TooLarge(max));
        var check = FileContentCheck.Check(name, bytes, request.Allowed);
        if (!check.Accepted) return FileUploadResult.Refused(check.Refusal!);

        var (row, ciphertext) = Seal(keys, store.Name, name, check.Kind!.ContentType, check.Kind.ShortName.ToLowerInvariant(), bytes,
            request.Sensitivity, caller.UserId, request.OwnerUserId, request.TargetType, request.TargetId);
        var storeKey = row.Url;
        var metadata = FileMetadata.FromJson(row.Metadata);
        using (var cipherStream = new MemoryStream(ciphertext, writable: false))
        {
            await store.PutAsync(storeKey, cipherStream, ct);
        }
        try
        {
            var (db, _) = await dbs.OpenAsync(ct);
            await using var __ = db;
            row.UploadedAt = Common.ContextClock.UtcNow(db);
            db.Files.Add(row);
            db.Record(AuditActions.Create, TargetType, row.Id.ToString(), new
            {
                file_name = name, size_bytes = bytes.Length, kind = metadata.Kind, sensitivity = request.Sensitivity,
                target_type = request.TargetType, target_id = request.TargetId,
            });
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // No row, no orphan bytes: nothing half-written.
            await store.DeleteAsync(storeKey, CancellationToken.None);
            throw;
        }
        return new FileUploadResult(Info(row, metadata), null);
    }

    /// <summary>
    /// The one way bytes become a stored file: a new id, AES-256-GCM under the current key (the id bound in), a random
    /// store key, and the <c>files</c> row describing it (hash of the plaintext, sensitivity, owner, target).
    /// </summary>
    internal static (StoredFile Row, byte[] Ciphertext) Seal(FileKeyRing keys, string storeName, string fileName, string contentType, string kind,
        byte[] bytes, string sensitivity, Guid? uploadedBy, Guid? ownerUserId, string? targetType, string? targetId)
    {
        var id = Guid.NewGuid();
        var (keyId, key) = keys.Current;
        var ciphertext = FileCipher.Encrypt(bytes, key, id, out var nonce);
        var metadata = new FileMetadata
        {
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Sensitivity = sensitivity,
            Kind = kind,
            OwnerUserId = ownerUserId,
            TargetType = targetType,
            TargetId = targetId,
            Store = storeName,
            KeyId = keyId,
            Nonce = Convert.ToBase64String(nonce),
        };
        var row = new StoredFile
        {
            Id = id,
            FileName = fileName,
            ContentType = contentType,
            Url = FileStoreKeys.New(),
            SizeBytes = bytes.Length,
            UploadedBy = uploadedBy,
            // UploadedAt: set by the caller from its context's clock when it adds the row.
            Metadata = metadata.ToJson(),
        };
        return (row, ciphertext);
    }

    public static string TooLarge(long maxBytes) => Localization.Texts.Say("This file is larger than {0} MB, the most that can be uploaded.", maxBytes / (1024 * 1024));

    /// <summary>A file's description, or null when it does not exist or is not the caller's to see.</summary>
    public async Task<StoredFileInfo?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var row = await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (row is null) return null;
        var metadata = FileMetadata.FromJson(row.Metadata);
        return await FileReadRule.MayReadAsync(db, caller, row.Id, row.UploadedBy, metadata, ct) ? Info(row, metadata) : null;
    }

    /// <summary>
    /// A signed, time-limited download link for the caller's file, issued in their name (downloads through it are
    /// audited as theirs), or null when it is not theirs to share or its kind never travels by link (exports).
    /// </summary>
    public async Task<string?> CreateLinkAsync(Guid id, TimeSpan? lifetime = null, CancellationToken ct = default)
    {
        if (await GetAsync(id, ct) is not { } file || !FileSensitivity.TravelsByLink(file.Sensitivity)) return null;
        var caller = await dbs.CallerAsync(ct);
        return links.Sign(id, lifetime ?? DefaultLinkLifetime, caller.UserId);
    }

    /// <summary>The file for the signed-in caller. Refusals look like "not found" and are audited.</summary>
    public async Task<FileReadResult> ReadAsync(Guid id, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var row = await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (row is null) return FileReadResult.NotFound;
        var metadata = FileMetadata.FromJson(row.Metadata);
        if (!await FileReadRule.MayReadAsync(db, caller, row.Id, row.UploadedBy, metadata, ct))
        {
            db.Record(AuditActions.Download, TargetType, id.ToString(), new { outcome = "refused", reason = "not_allowed", via = "session", sensitivity = metadata.Sensitivity });
            await db.SaveChangesAsync(ct);
            return FileReadResult.NotFound;
        }
        return await DeliverAsync(db, row, metadata, "session", ct);
    }

    /// <summary>The file for a signed link without a subject (a public page's photo).</summary>
    public Task<FileReadResult> ReadByLinkAsync(Guid id, string? exp, string? sig, CancellationToken ct = default) =>
        ReadByLinkAsync(id, exp, null, sig, ct);

    /// <summary>
    /// The file for a signed link. An expired or altered link, or a link to a file that needs its owner's own session
    /// (an export), looks like "not found" and is audited; a genuine link's downloads are audited in the name of the
    /// user it was issued for (<paramref name="sub"/>), not of whoever holds it.
    /// </summary>
    public async Task<FileReadResult> ReadByLinkAsync(Guid id, string? exp, string? sub, string? sig, CancellationToken ct = default)
    {
        var (db, _) = await dbs.OpenAsync(ct);
        await using var __ = db;
        var refusal = links.Verify(id, exp, sub, sig);
        if (refusal != "bad_signature" && refusal != "incomplete" && FileLinkSigner.SubjectOf(sub) is { } subject)
            db.Actor = await SubjectActorAsync(db, subject, ct);
        if (refusal is not null)
        {
            db.Record(AuditActions.Download, TargetType, id.ToString(), new { outcome = "refused", reason = refusal, via = "link" });
            await db.SaveChangesAsync(ct);
            return FileReadResult.NotFound;
        }
        var row = await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (row is null) return FileReadResult.NotFound;
        var metadata = FileMetadata.FromJson(row.Metadata);
        if (!FileSensitivity.TravelsByLink(metadata.Sensitivity))
        {
            db.Record(AuditActions.Download, TargetType, id.ToString(), new { outcome = "refused", reason = "session_only", via = "link", sensitivity = metadata.Sensitivity });
            await db.SaveChangesAsync(ct);
            return FileReadResult.NotFound;
        }
        return await DeliverAsync(db, row, metadata, "link", ct);
    }

    /// <summary>The link's subject as the audit actor, keeping this request's address and browser.</summary>
    private static async Task<AuditActor> SubjectActorAsync(BarangayDbContext db, Guid subject, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().IgnoreQueryFilters().Where(u => u.Id == subject)
            .Select(u => new { u.Id, u.FullName }).FirstOrDefaultAsync(ct);
        var actor = db.Actor ?? new AuditActor(null, null, null, null, Guid.NewGuid());
        // A subject deleted since the link was issued cannot be the actor (the foreign key); the row still says who it was for.
        return user is null ? actor with { UserId = null, Name = $"link for {subject}" } : actor with { UserId = user.Id, Name = user.FullName };
    }

    private async Task<FileReadResult> DeliverAsync(BarangayDbContext db, StoredFile row, FileMetadata metadata, string via, CancellationToken ct)
    {
        var plaintext = await DecryptAsync(store, keys, row, metadata, ct);
        if (plaintext is null)
        {
            log.LogError("File {FileId} failed its integrity check (store {Store}, key {Key})", row.Id, metadata.Store, row.Url);
            db.Record(AuditActions.Download, TargetType, row.Id.ToString(), new { outcome = "damaged", via, sensitivity = metadata.Sensitivity });
            await db.SaveChangesAsync(ct);
            return FileReadResult.Damaged;
        }
        if (FileSensitivity.IsSensitive(metadata.Sensitivity))
        {
            db.Record(AuditActions.Download, TargetType, row.Id.ToString(), new { outcome = "delivered", via, file_name = row.FileName, sensitivity = metadata.Sensitivity });
            await db.SaveChangesAsync(ct);
        }
        return new FileReadResult(FileReadStatus.Ok, row.FileName, row.ContentType ?? "application/octet-stream", plaintext);
    }

    /// <summary>The file's plaintext, or null when it is missing, altered or damaged.</summary>
    internal static async Task<byte[]?> DecryptAsync(IFileStore store, FileKeyRing keys, StoredFile row, FileMetadata metadata, CancellationToken ct)
    {
        if (!FileStoreKeys.IsValid(row.Url)) return null;
        var key = keys.Find(metadata.KeyId);
        if (key is null) return null;
        await using var stream = await store.OpenReadAsync(row.Url, ct);
        if (stream is null) return null;
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        byte[] nonce;
        try
        {
            nonce = Convert.FromBase64String(metadata.Nonce);
        }
        catch (FormatException)
        {
            return null;
        }
        var plaintext = FileCipher.Decrypt(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), key, nonce, row.Id);
        if (plaintext is null) return null;
        var sha = Convert.ToHexStringLower(SHA256.HashData(plaintext));
        return string.Equals(sha, metadata.Sha256, StringComparison.Ordinal) ? plaintext : null;
    }

    /// <summary>The bytes of <paramref name="content"/>, or null as soon as it passes <paramref name="max"/>.</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream content, long max, IProgress<long>? progress, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            total += read;
            if (total > max) return null;
            buffer.Write(chunk, 0, read);
            progress?.Report(total);
        }
        return buffer.ToArray();
    }

    /// <summary>The name shown to users: the last path segment, no control characters, at most 200 characters.</summary>
    public static string DisplayName(string? fileName)
    {
        var name = fileName ?? "";
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length <= 200) return name;
        var ext = Path.GetExtension(name);
        return ext.Length < 20 ? name[..(200 - ext.Length)] + ext : name[..200];
    }

    private static int MegabytesFrom(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return DefaultMaxMb;
        try
        {
            using var doc = JsonDocument.Parse(json);
            var e = doc.RootElement;
            if (e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var n) && n > 0) return n;
            if (e.ValueKind == JsonValueKind.String && int.TryParse(e.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0) return s;
        }
        catch (JsonException)
        {
        }
        return DefaultMaxMb;
    }

    private static StoredFileInfo Info(StoredFile row, FileMetadata metadata) =>
        new(row.Id, row.FileName, row.ContentType ?? "application/octet-stream", row.SizeBytes ?? 0, metadata.Sensitivity, row.UploadedAt);
}
