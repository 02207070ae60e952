using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Memory;

namespace Barangay.Data.Accounts.Throttling;

/// <summary>
/// A self-hosted, privacy-friendly challenge in the manner of ALTCHA's protocol: the server picks a secret number
/// up to a cost, sends SHA-256(salt + number) with the salt and a signature; the browser finds the number by trying
/// them all; the server checks the signature, the hash, the expiry, the cost, and that no solution is used twice.
/// The cost (the largest possible number) is written into the salt, so it is covered by the hash and the signature:
/// a robot cannot answer a cheap challenge where an expensive one is required. No third-party service sees anything.
/// The signature is a Data Protection payload, so any app replica verifies what another issued.
/// </summary>
public sealed class ProofOfWork(IDataProtectionProvider protection, IMemoryCache used, TimeProvider clock)
{
    public const string FieldName = "altcha";

    /// <summary>The first challenge: about 15,000 hashes on average, well under a second in a cheap phone's browser.</summary>
    public const int BaseCost = 30_000;

    /// <summary>
    /// The dearest challenge (16 × the first): about 240,000 hashes on average, a few seconds in a cheap phone's
    /// browser (pure JavaScript SHA-256) and per guess for a robot a dozen times more than before, on top of the
    /// server's delay and the pauses. Dearer would make the owner of an attacked account wait too long on a new phone.
    /// </summary>
    public const int MaxCost = BaseCost * 16;

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly IDataProtector _signer = protection.CreateProtector("Barangay.SignIn.ProofOfWork");

    public sealed record Challenge(string Algorithm, string ChallengeHash, int MaxNumber, string Salt, string Signature);

    public Challenge Create(int cost = BaseCost)
    {
        cost = Math.Clamp(cost, 1, MaxCost);
        var expires = clock.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var salt = $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}?expires={expires}&cost={cost.ToString(CultureInfo.InvariantCulture)}";
        var number = RandomNumberGenerator.GetInt32(cost + 1);
        var hash = Sha256(salt + number.ToString(CultureInfo.InvariantCulture));
        return new Challenge("SHA-256", hash, cost, salt, _signer.Protect(hash));
    }

    /// <summary>
    /// Checks the browser's answer (the base64 JSON of <c>{algorithm, challenge, number, salt, signature}</c>) to a
    /// challenge of at least <paramref name="minCost"/>, and uses it up.
    /// </summary>
    public bool Verify(string? payload, int minCost = BaseCost)
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
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(_signer.Unprotect(signature)), Encoding.ASCII.GetBytes(challenge))) return false;
            if (Sha256(salt + number.ToString(CultureInfo.InvariantCulture)) != challenge) return false;
            // The salt is now known to be the server's own: read its expiry and cost.
            var (expires, cost) = ReadSalt(salt);
            if (expires is null || cost is null || number < 0 || number > cost) return false;
            if (cost < Math.Min(minCost, MaxCost)) return false;
            if (DateTimeOffset.FromUnixTimeSeconds(expires.Value) < clock.GetUtcNow()) return false;
            // Single use: a solved challenge cannot be replayed for more guesses.
            if (used.TryGetValue(challenge, out _)) return false;
            used.Set(challenge, true, DateTimeOffset.FromUnixTimeSeconds(expires.Value));
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException or CryptographicException)
        {
            return false;
        }
    }

    private static (long? Expires, int? Cost) ReadSalt(string salt)
    {
        var at = salt.IndexOf('?', StringComparison.Ordinal);
        if (at < 0) return (null, null);
        long? expires = null;
        int? cost = null;
        foreach (var part in salt[(at + 1)..].Split('&'))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0) continue;
            var value = part[(eq + 1)..];
            switch (part[..eq])
            {
                case "expires" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var e): expires = e; break;
                case "cost" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var c): cost = c; break;
            }
        }
        return (expires, cost);
    }

    private static string Sha256(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)));
}
