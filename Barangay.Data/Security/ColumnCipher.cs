using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Barangay.Data.Files;

namespace Barangay.Data.Security;

/// <summary>
/// Encrypts a text column's values with AES-256-GCM under the current key of the app's key ring (the one files are
/// encrypted with, <see cref="FileKeyRing"/>). A stored value reads <c>enc:v1:&lt;key id&gt;:&lt;base64 nonce|ciphertext|tag&gt;</c>:
/// it names its key, so after a rotation (a new current key, the old key file kept) old rows still decrypt. The
/// column's name is the associated data, so a value copied into another encrypted column fails to decrypt.
/// A value without the prefix is one written before the column was encrypted (or by a bulk COPY) and is read as it is
/// until <see cref="EncryptedColumnsBackfill"/> encrypts it in place.
/// </summary>
public sealed class ColumnCipher
{
    public const string Prefix = "enc:v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private static readonly ConcurrentDictionary<string, ColumnCipher> ByKeySource = new(StringComparer.Ordinal);

    private readonly FileKeyRing _keys;

    public ColumnCipher(FileKeyRing keys, string identity)
    {
        _keys = keys;
        Identity = identity;
    }

    /// <summary>Where the keys come from (the keys folder and the configured key's id): contexts with equal identities share a model.</summary>
    public string Identity { get; }

    /// <summary>The cipher over the key ring that <paramref name="storage"/> describes (the <c>Storage</c> section), one per key source per process.</summary>
    public static ColumnCipher For(FileStorageOptions? storage)
    {
        var o = new FileStorageOptions
        {
            DataRoot = string.IsNullOrWhiteSpace(storage?.DataRoot) ? FileStorageOptions.DefaultDataRoot(AppContext.BaseDirectory) : storage.DataRoot,
            EncryptionKey = storage?.EncryptionKey,
            EncryptionKeyId = storage?.EncryptionKeyId,
        };
        var configured = string.IsNullOrWhiteSpace(o.EncryptionKey)
            ? ""
            : o.EncryptionKeyId ?? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(o.EncryptionKey.Trim())))[..12];
        var identity = Path.GetFullPath(o.KeysRoot) + "|" + configured;
        return ByKeySource.GetOrAdd(identity, id => new ColumnCipher(new FileKeyRing(o), id));
    }

    public static bool IsEncrypted(string? stored) => stored is not null && stored.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The stored form of <paramref name="plain"/> in <paramref name="column"/> (<c>table.column</c>), under the current key.</summary>
    public string Encrypt(string plain, string column)
    {
        if (IsEncrypted(plain)) return plain;
        var (keyId, key) = _keys.Current;
        var data = Encoding.UTF8.GetBytes(plain);
        var sealedBytes = new byte[NonceSize + data.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key, TagSize))
            aes.Encrypt(nonce, data, sealedBytes.AsSpan(NonceSize, data.Length), sealedBytes.AsSpan(NonceSize + data.Length), Encoding.UTF8.GetBytes(column));
        return Prefix + keyId + ":" + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The plaintext of a stored value; a value written before encryption is returned as it is.</summary>
    public string Decrypt(string stored, string column)
    {
        if (!IsEncrypted(stored)) return stored;
        var split = stored.LastIndexOf(':');
        var keyId = stored[Prefix.Length..split];
        var key = _keys.Find(keyId)
                  ?? throw new InvalidOperationException($"A value of {column} was encrypted with key '{keyId}', which is not in this server's key ring (Storage:DataRoot/keys, Storage:EncryptionKey).");
        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(stored[(split + 1)..]);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"A value of {column} is damaged (not base64).");
        }
        if (sealedBytes.Length < NonceSize + TagSize) throw new InvalidOperationException($"A value of {column} is damaged (too short).");
        var length = sealedBytes.Length - NonceSize - TagSize;
        var plain = new byte[length];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length), plain, Encoding.UTF8.GetBytes(column));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new InvalidOperationException($"A value of {column} failed verification (altered, or moved from another column).");
        }
        return Encoding.UTF8.GetString(plain);
    }
}
