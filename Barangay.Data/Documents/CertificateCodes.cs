using System.Security.Cryptography;
using Barangay.Data.Files;

namespace Barangay.Data.Documents;

/// <summary>
/// The code in a certificate's QR link, <c>/verify/{code}</c>: the request's random id and an HMAC-SHA256 tag over it,
/// base64url (38 characters). Unguessable (a random UUID) and signed (the tag needs the key), so an altered or made-up
/// code is refused before the database is asked. The key is <c>Documents:VerifyKey</c> (base64 of 32 bytes; replicas
/// must share it) or a key file under <c>&lt;DataRoot&gt;/keys</c> created on first use.
/// </summary>
public sealed class CertificateCodes(FileStorageOptions options, string? configuredKey = null)
{
    private const string KeyFile = "certificates.key";
    private const int TagBytes = 12;
    private readonly Lazy<byte[]> _key = new(() => LoadKey(options, configuredKey));

    public string Create(Guid requestId)
    {
        var id = requestId.ToByteArray();
        var bytes = new byte[16 + TagBytes];
        id.CopyTo(bytes, 0);
        Tag(id).CopyTo(bytes, 16);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The request id a genuine code names, or null for anything altered, truncated or not a code at all.</summary>
    public Guid? Read(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length is < 30 or > 60) return null;
        var b64 = code.Trim().Replace('-', '+').Replace('_', '/');
        b64 = b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=');
        var bytes = new byte[b64.Length];
        if (!Convert.TryFromBase64String(b64, bytes, out var n) || n != 16 + TagBytes) return null;
        var id = bytes.AsSpan(0, 16).ToArray();
        return CryptographicOperations.FixedTimeEquals(Tag(id), bytes.AsSpan(16, TagBytes)) ? new Guid(id) : null;
    }

    private byte[] Tag(byte[] id)
    {
        var input = new byte[id.Length + 12];
        "certificate|"u8.CopyTo(input);
        id.CopyTo(input, 12);
        return HMACSHA256.HashData(_key.Value, input)[..TagBytes];
    }

    private static byte[] LoadKey(FileStorageOptions options, string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Convert.FromBase64String(configured);
        var path = Path.Combine(options.KeysRoot, KeyFile);
        if (!File.Exists(path))
        {
            try
            {
                FileKeyRing.WritePrivate(options.KeysRoot, KeyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process made it first; use theirs.
            }
        }
        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}
