using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Memory;

namespace Barangay.App.Accounts;

/// <summary>
/// A self-hosted, privacy-friendly challenge in the manner of ALTCHA's protocol: the server picks a secret number,
/// sends SHA-256(salt + number) with the salt and a signature; the browser finds the number by trying them all
/// (about a second of work, nothing for one person, costly for a password-guessing robot); the server checks the
/// signature, the hash, the expiry, and that no solution is used twice. No third-party service sees anything.
/// The signature is a Data Protection payload, so any app replica verifies what another issued.
/// </summary>
public sealed class ProofOfWork(IDataProtectionProvider protection, IMemoryCache used, TimeProvider clock)
{
    public const string FieldName = "altcha";
    public const int MaxNumber = 30_000;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly IDataProtector _signer = protection.CreateProtector("Barangay.SignIn.ProofOfWork");

    public sealed record Challenge(string Algorithm, string ChallengeHash, int MaxNumber, string Salt, string Signature);

    public Challenge Create()
    {
        var expires = clock.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var salt = $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}?expires={expires}";
        var number = RandomNumberGenerator.GetInt32(MaxNumber + 1);
        var hash = Sha256(salt + number.ToString(CultureInfo.InvariantCulture));
        return new Challenge("SHA-256", hash, MaxNumber, salt, _signer.Protect(hash));
    }

    /// <summary>Checks the browser's answer: the base64 JSON of <c>{algorithm, challenge, number, salt, signature}</c>.</summary>
    public bool Verify(string? payload)
    {
        if (string.IsNullOrEmpty(payload) || payload.Length > 4096) return false;
        try
        {
            using var doc = JsonDocument.Parse(Convert.FromBase64String(payload));
            var root = doc.RootElement;
            var challenge = root.GetProperty("challenge").GetString() ?? "";
            var salt = root.GetProperty("salt").GetString() ?? "";
            var number = root.GetProperty("number").GetInt32();
            var signature = root.GetProperty("signature").GetString() ?? "";
            if (number is < 0 or > MaxNumber) return false;
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(_signer.Unprotect(signature)), Encoding.ASCII.GetBytes(challenge))) return false;
            var at = salt.IndexOf("?expires=", StringComparison.Ordinal);
            if (at < 0 || !long.TryParse(salt[(at + 9)..], NumberStyles.None, CultureInfo.InvariantCulture, out var exp)) return false;
            if (DateTimeOffset.FromUnixTimeSeconds(exp) < clock.GetUtcNow()) return false;
            if (Sha256(salt + number.ToString(CultureInfo.InvariantCulture)) != challenge) return false;
            // Single use: a solved challenge cannot be replayed for more guesses.
            if (used.TryGetValue(challenge, out _)) return false;
            used.Set(challenge, true, DateTimeOffset.FromUnixTimeSeconds(exp));
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException or CryptographicException)
        {
            return false;
        }
    }

    private static string Sha256(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)));
}
