namespace Barangay.Data.Files;

/// <summary>A stored file's reference (the <c>files</c> table). <see cref="Url"/> is the store's key, never a user-supplied name.</summary>
public class StoredFile
{
    public Guid Id { get; set; }
    public string FileName { get; set; } = "";
    public string? ContentType { get; set; }
    public string Url { get; set; } = "";
    public int? SizeBytes { get; set; }
    public Guid? UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
    public string Metadata { get; set; } = "{}";
}
