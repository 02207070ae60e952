using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Barangay.Data.Files;

/// <summary>
/// Signs time-limited download links, <c>/files/{id}?exp=&lt;unix seconds&gt;&amp;sig=&lt;HMAC-SHA256&gt;</c>, with a key from
/// Storage:LinkKey or a key file under <c>&lt;DataRoot&gt;/keys</c> created on first use.
/// </summary>
public sealed class FileLinkSigner(FileStorageOptions options, TimeProvider clock)
{
    private const string KeyFile = "links.key";
    private readonly Lazy<byte[]> _key = new(() => LoadKey(options));

    public string Sign(Guid fileId, TimeSpan lifetime)
    {
        var exp = clock.GetUtcNow().Add(lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"/files/{fileId}?exp={exp}&sig={Signature(fileId, exp)}";
    }

    /// <summary>Why a link is refused, or null when it is good.</summary>
    public string? Verify(Guid fileId, string? exp, string? sig)
    {
        if (string.IsNullOrEmpty(exp) || string.IsNullOrEmpty(sig)) return "incomplete";
        var expected = Encoding.ASCII.GetBytes(Signature(fileId, exp));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(sig))) return "bad_signature";
        if (!long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return "bad_signature";
        return clock.GetUtcNow().ToUnixTimeSeconds() > seconds ? "expired" : null;
    }

    private string Signature(Guid fileId, string exp)
    {
        var mac = HMACSHA256.HashData(_key.Value, Encoding.ASCII.GetBytes($"file-link|{fileId:N}|{exp}"));
        return Base64Url(mac);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] LoadKey(FileStorageOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.LinkKey)) return Convert.FromBase64String(options.LinkKey);
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
