using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Barangay.Data.Files;

/// <summary>
/// Signs time-limited download links, <c>/files/{id}?exp=&lt;unix seconds&gt;[&amp;sub=&lt;user&gt;]&amp;sig=&lt;HMAC-SHA256&gt;</c>, with a
/// key from Storage:LinkKey or a key file under <c>&lt;DataRoot&gt;/keys</c> created on first use. <c>sub</c> is the user the
/// link was issued for (signed with the rest, so downloads are audited in their name); links for anyone (a public
/// page's photo) have none.
/// </summary>
public sealed class FileLinkSigner(FileStorageOptions options, TimeProvider clock)
{
    private const string KeyFile = "links.key";
    private readonly Lazy<byte[]> _key = new(() => LoadKey(options));

    public string Sign(Guid fileId, TimeSpan lifetime, Guid? subject = null)
    {
        var exp = clock.GetUtcNow().Add(lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var sub = subject?.ToString("N");
        return $"/files/{fileId}?exp={exp}{(sub is null ? "" : "&sub=" + sub)}&sig={Signature(fileId, exp, sub)}";
    }

    /// <summary>Why a link is refused, or null when it is good.</summary>
    public string? Verify(Guid fileId, string? exp, string? sig) => Verify(fileId, exp, null, sig);

    /// <summary>Why a link (with its subject, if any) is refused, or null when it is good.</summary>
    public string? Verify(Guid fileId, string? exp, string? sub, string? sig)
    {
        if (string.IsNullOrEmpty(exp) || string.IsNullOrEmpty(sig)) return "incomplete";
        var expected = Encoding.ASCII.GetBytes(Signature(fileId, exp, string.IsNullOrEmpty(sub) ? null : sub));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(sig))) return "bad_signature";
        if (!long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return "bad_signature";
        return clock.GetUtcNow().ToUnixTimeSeconds() > seconds ? "expired" : null;
    }

    /// <summary>The user a link names, once its signature has been checked (a forged <c>sub</c> never gets this far).</summary>
    public static Guid? SubjectOf(string? sub) => Guid.TryParseExact(sub, "N", out var id) ? id : null;

    private string Signature(Guid fileId, string exp, string? sub)
    {
        // Without a subject the signed text is what it always was, so links already handed out keep working.
        var text = sub is null ? $"file-link|{fileId:N}|{exp}" : $"file-link|{fileId:N}|{exp}|{sub}";
        return Base64Url(HMACSHA256.HashData(_key.Value, Encoding.ASCII.GetBytes(text)));
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
