namespace Barangay.Data.Files;

/// <summary>An upload: the user's file name (shown, never used as a path), what the feature accepts and what the file is for.</summary>
public sealed record FileUploadRequest(
    string FileName,
    FileKinds Allowed,
    string Sensitivity,
    string? TargetType = null,
    string? TargetId = null,
    Guid? OwnerUserId = null);

/// <summary>A stored file as features show it.</summary>
public sealed record StoredFileInfo(Guid Id, string FileName, string ContentType, long SizeBytes, string Sensitivity, DateTime UploadedAt);

/// <summary>The stored file, or the reason it was refused (in words for the user).</summary>
public sealed record FileUploadResult(StoredFileInfo? File, string? Refusal)
{
    public bool Succeeded => File is not null;

    public static FileUploadResult Refused(string why) => new(null, why);
}

public enum FileReadStatus
{
    Ok,
    /// <summary>No such file, or not the caller's to read (the two are not told apart).</summary>
    NotFound,
    /// <summary>The stored bytes failed decryption or their checksum: altered or damaged.</summary>
    Damaged,
}

/// <summary>A file's decrypted content for a download.</summary>
public sealed record FileReadResult(FileReadStatus Status, string FileName = "", string ContentType = "", byte[]? Content = null)
{
    public static readonly FileReadResult NotFound = new(FileReadStatus.NotFound);
    public static readonly FileReadResult Damaged = new(FileReadStatus.Damaged);
}
