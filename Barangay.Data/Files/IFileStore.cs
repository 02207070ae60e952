namespace Barangay.Data.Files;

/// <summary>
/// Where file bytes live (already encrypted by <see cref="FileService"/>). Keys come from <see cref="FileStoreKeys.New"/>,
/// never from a user's file name.
/// </summary>
public interface IFileStore
{
    /// <summary>What is recorded in a file's metadata as the store that holds it ("local", "s3").</summary>
    string Name { get; }

    Task PutAsync(string key, Stream content, CancellationToken ct = default);

    /// <summary>The stored bytes, or null when nothing is stored under <paramref name="key"/>.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default);

    Task DeleteAsync(string key, CancellationToken ct = default);
}
