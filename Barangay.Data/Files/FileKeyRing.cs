using System.Security.Cryptography;
using System.Text;

namespace Barangay.Data.Files;

/// <summary>
/// The AES-256 keys files are encrypted with, kept outside the file store: the configured key (Storage:EncryptionKey)
/// and key files under <c>&lt;DataRoot&gt;/keys</c> (one is created, owner-readable only, when nothing is configured).
/// Every file records the id of its key, so keys can rotate.
/// </summary>
public sealed class FileKeyRing(FileStorageOptions options)
{
    private const string Prefix = "file-";
    private readonly Lock _lock = new();
    private Dictionary<string, byte[]>? _keys;
    private string? _currentId;

    public (string Id, byte[] Key) Current
    {
        get
        {
            lock (_lock)
            {
                Load();
                if (_currentId is null) _currentId = CreateKeyFile();
                return (_currentId, _keys![_currentId]);
            }
        }
    }

    /// <summary>The key with <paramref name="id"/>, or null (key files are read again once, for keys another replica made).</summary>
    public byte[]? Find(string id)
    {
        lock (_lock)
        {
            Load();
            if (_keys!.TryGetValue(id, out var key)) return key;
            _keys = null;
            Load();
            return _keys!.GetValueOrDefault(id);
        }
    }

    private void Load()
    {
        if (_keys is not null) return;
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        string? newestFile = null;
        var newestTime = DateTime.MinValue;
        if (Directory.Exists(options.KeysRoot))
        {
            foreach (var path in Directory.EnumerateFiles(options.KeysRoot, Prefix + "*.key"))
            {
                var id = Path.GetFileNameWithoutExtension(path)[Prefix.Length..];
                keys[id] = Decode(File.ReadAllText(path).Trim(), path);
                var written = File.GetLastWriteTimeUtc(path);
                if (written > newestTime) (newestFile, newestTime) = (id, written);
            }
        }
        if (!string.IsNullOrWhiteSpace(options.EncryptionKey))
        {
            var key = Decode(options.EncryptionKey, "Storage:EncryptionKey");
            var id = string.IsNullOrWhiteSpace(options.EncryptionKeyId)
                ? "cfg-" + Convert.ToHexStringLower(SHA256.HashData(key))[..12]
                : options.EncryptionKeyId;
            keys[id] = key;
            _currentId = id;
        }
        else
        {
            _currentId = newestFile;
        }
        _keys = keys;
    }

    private string CreateKeyFile()
    {
        var id = DateTime.UtcNow.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var key = RandomNumberGenerator.GetBytes(32);
        WritePrivate(options.KeysRoot, Prefix + id + ".key", Convert.ToBase64String(key));
        _keys![id] = key;
        return id;
    }

    /// <summary>Writes a new file readable by the app's OS user only, in a folder only it can enter.</summary>
    internal static void WritePrivate(string dir, string name, string content)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(dir);
        else Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var file = new FileStream(Path.Combine(dir, name), create);
        file.Write(Encoding.ASCII.GetBytes(content));
    }

    private static byte[] Decode(string base64, string where)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{where} is not base64.");
        }
        return key.Length == 32 ? key : throw new InvalidOperationException($"{where} must hold 32 bytes (AES-256), not {key.Length}.");
    }
}
