using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Barangay.Data.Documents.Verification;

/// <summary>What a certificate's QR code states about it, readable by anyone: no database is needed to check it.</summary>
public sealed record CertificateClaims(string ControlNumber, string TypeLabel, string HolderName, DateOnly IssuedOn, DateOnly ValidUntil, string BarangayName);

/// <summary>
/// The signed QR payload, <c>B1.&lt;key id&gt;.&lt;claims&gt;.&lt;signature&gt;</c>, put after the <c>#</c> of the
/// verify link so that a browser never sends it to the server. The claims are a JSON array (control number, type,
/// holder, issued, valid until, barangay) in base64url; the signature is ECDSA P-256 with SHA-256 in the IEEE P1363
/// form (r‖s, 64 bytes) — what WebCrypto's <c>verify</c> takes — over the ASCII text before the last dot. The same
/// format is checked by <c>wwwroot/js/verify.js</c> in the browser; <see cref="Read"/> is its server-side twin.
/// </summary>
public static class CertificatePayload
{
    public const string Version = "B1";
    public const int MaxLength = 1200;

    public static string Sign(CertificateClaims c, string keyId, ECDsa key)
    {
        var claims = JsonSerializer.SerializeToUtf8Bytes(new[]
        {
            // Invariant: the dates are data for verify.js, not text for a reader; a process or page culture with another
            // calendar (th-TH's Buddhist years, for one) would otherwise sign dates the browser reads wrong.
            c.ControlNumber, c.TypeLabel, c.HolderName, c.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.BarangayName,
        });
        var signed = $"{Version}.{keyId}.{Base64Url(claims)}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signed + "." + Base64Url(signature);
    }

    /// <summary>
    /// Checks <paramref name="payload"/> against <paramref name="publicKeys"/> (key id → SubjectPublicKeyInfo):
    /// the claims when the signature holds, otherwise why not.
    /// </summary>
    public static PayloadCheck Read(string? payload, IReadOnlyDictionary<string, byte[]> publicKeys)
    {
        var parts = (payload ?? "").Trim().Split('.');
        if (parts.Length != 4 || parts[0] != Version || parts.Any(p => p.Length == 0)) return new(PayloadOutcome.Damaged, null, null);
        if (!publicKeys.TryGetValue(parts[1], out var spki)) return new(PayloadOutcome.UnknownKey, parts[1], null);
        var signature = FromBase64Url(parts[3]);
        var claimsBytes = FromBase64Url(parts[2]);
        if (signature is null || claimsBytes is null) return new(PayloadOutcome.Damaged, parts[1], null);
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(spki, out _);
        var signed = Encoding.ASCII.GetBytes(string.Join('.', parts[..3]));
        if (signature.Length != 64 || !key.VerifyData(signed, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            return new(PayloadOutcome.Forged, parts[1], null);
        try
        {
            var a = JsonSerializer.Deserialize<string[]>(claimsBytes);
            if (a is not { Length: 6 }) return new(PayloadOutcome.Damaged, parts[1], null);
            return new(PayloadOutcome.Genuine, parts[1], new CertificateClaims(a[0], a[1], a[2], DateOnly.ParseExact(a[3], "yyyy-MM-dd", CultureInfo.InvariantCulture), DateOnly.ParseExact(a[4], "yyyy-MM-dd", CultureInfo.InvariantCulture), a[5]));
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return new(PayloadOutcome.Damaged, parts[1], null);
        }
    }

    internal static string Base64Url(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string s)
    {
        var b64 = s.Replace('-', '+').Replace('_', '/');
        b64 = b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=');
        var bytes = new byte[b64.Length];
        return Convert.TryFromBase64String(b64, bytes, out var n) ? bytes[..n] : null;
    }
}

public enum PayloadOutcome
{
    Genuine,
    /// <summary>Not in the format at all, or cut short (a truncated scan or link).</summary>
    Damaged,
    /// <summary>Names a key this barangay never had: signed by someone else.</summary>
    UnknownKey,
    /// <summary>Names one of our keys but the signature does not hold: altered after signing, or signed with another key.</summary>
    Forged,
}

public sealed record PayloadCheck(PayloadOutcome Outcome, string? KeyId, CertificateClaims? Claims);
