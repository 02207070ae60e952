using System.Collections.Concurrent;
using Barangay.Data.Files;

namespace Barangay.Data.Tenancy;

/// <summary>
/// Stored files under a per-barangay prefix: <c>&lt;DataRoot&gt;/barangays/&lt;slug&gt;/files/…</c> on local disk,
/// <c>&lt;Prefix&gt;barangays/&lt;slug&gt;/…</c> in S3, chosen by the ambient barangay like the database. Keys recorded in a
/// barangay's <c>stored_files</c> therefore only ever reach that barangay's files. Registered only with several barangays.
/// </summary>
public sealed class BarangayFileStore(IFileStore home, FileStorageOptions options) : IFileStore
{
    private readonly ConcurrentDictionary<string, IFileStore> _stores = new(StringComparer.Ordinal);

    public string Name => home.Name;

    public Task PutAsync(string key, Stream content, CancellationToken ct = default) => Current.PutAsync(key, content, ct);

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default) => Current.OpenReadAsync(key, ct);

    public Task DeleteAsync(string key, CancellationToken ct = default) => Current.DeleteAsync(key, ct);

    private IFileStore Current => BarangayAmbient.Current is { } b ? _stores.GetOrAdd(b.Slug, Create) : home;

    private IFileStore Create(string slug)
    {
        if (string.Equals(options.Provider, "S3", StringComparison.OrdinalIgnoreCase))
        {
            var s3 = options.S3;
            return new S3FileStore(new S3StorageOptions
            {
                ServiceUrl = s3.ServiceUrl, Region = s3.Region, Bucket = s3.Bucket, AccessKey = s3.AccessKey, SecretKey = s3.SecretKey,
                ForcePathStyle = s3.ForcePathStyle, Prefix = $"{s3.Prefix}barangays/{slug}/",
            });
        }
        return new LocalFileStore(new FileStorageOptions { DataRoot = Path.Combine(options.DataRoot, "barangays", slug) });
    }
}
