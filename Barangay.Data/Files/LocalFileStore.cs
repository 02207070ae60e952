namespace Barangay.Data.Files;

/// <summary>Files under <c>&lt;DataRoot&gt;/files/&lt;shard&gt;/&lt;key&gt;</c>, readable by the app's OS user only.</summary>
public sealed class LocalFileStore(FileStorageOptions options) : IFileStore
{
    private readonly string _root = Path.GetFullPath(options.FilesRoot);

    public string Name => "local";

    public async Task PutAsync(string key, Stream content, CancellationToken ct = default)
    {
        var path = PathOf(key);
        var dir = Path.GetDirectoryName(path)!;
        CreatePrivateDirectory(_root);
        CreatePrivateDirectory(dir);
        // Written beside and moved into place, so a reader never sees half a file.
        var temp = path + ".part-" + Guid.NewGuid().ToString("N");
        try
        {
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
            if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            await using (var file = new FileStream(temp, create))
            {
                await content.CopyToAsync(file, ct);
            }
            File.Move(temp, path, overwrite: false);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        Stream? stream = File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(string key, CancellationToken ct = default)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_root, FileStoreKeys.Checked(key)));
        // The key's shape already rules this out; kept as a second lock on the door.
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException("Not a file store key.", nameof(key));
        return path;
    }

    private static void CreatePrivateDirectory(string dir)
    {
        if (Directory.Exists(dir)) return;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(dir);
        else Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
