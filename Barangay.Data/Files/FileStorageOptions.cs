namespace Barangay.Data.Files;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class FileStorageOptions
{
    /// <summary>The app's data folder (<c>.data</c> at the repo root by default; run.sh exports <c>Storage__DataRoot</c>).</summary>
    public string DataRoot { get; set; } = "";

    /// <summary><c>Local</c> (files under <c>&lt;DataRoot&gt;/files</c>) or <c>S3</c>.</summary>
    public string Provider { get; set; } = "Local";

    /// <summary>
    /// The current file key, base64 of 32 bytes. When unset, a key file under <c>&lt;DataRoot&gt;/keys</c> is created on
    /// first use. To rotate, keep the old key as a key file there (<c>file-&lt;id&gt;.key</c>) and set the new one here.
    /// </summary>
    public string? EncryptionKey { get; set; }

    /// <summary>The id recorded on files encrypted with <see cref="EncryptionKey"/> (default: derived from the key).</summary>
    public string? EncryptionKeyId { get; set; }

    /// <summary>The key that signs download links, base64 (default: a key file under <c>&lt;DataRoot&gt;/keys</c>). Replicas must share it.</summary>
    public string? LinkKey { get; set; }

    public S3StorageOptions S3 { get; set; } = new();

    public string FilesRoot => Path.Combine(DataRoot, "files");

    public string KeysRoot => Path.Combine(DataRoot, "keys");

    /// <summary>The <c>.data</c> folder beside the solution file above <paramref name="start"/>, else under the working folder.</summary>
    public static string DefaultDataRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Barangay.Blazor.sln"))) return Path.Combine(dir.FullName, ".data");
        }
        return Path.Combine(Directory.GetCurrentDirectory(), ".data");
    }
}

/// <summary>An S3-compatible bucket (AWS S3, MinIO, Ceph, Cloudflare R2 ...).</summary>
public sealed class S3StorageOptions
{
    /// <summary>The endpoint for S3-compatible services (http://127.0.0.1:9000); empty for AWS itself.</summary>
    public string? ServiceUrl { get; set; }

    public string Region { get; set; } = "us-east-1";
    public string Bucket { get; set; } = "";
    public string AccessKey { get; set; } = "";
    public string SecretKey { get; set; } = "";

    /// <summary>Prepended to every key (e.g. <c>barangay/</c>) when the bucket is shared.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>Path-style addressing (bucket in the path), which most S3-compatible services need.</summary>
    public bool ForcePathStyle { get; set; } = true;
}
