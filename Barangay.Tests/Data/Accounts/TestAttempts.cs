using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Barangay.Data.Accounts.Throttling;

namespace Barangay.Tests.Data.Accounts;

/// <summary>A browser for the PasswordGate in tests: an address, the accounts it signed in to, and a solver for its challenge.</summary>
public sealed class TestAttempts : IPasswordAttemptSource
{
    public string? Ip { get; set; } = "203.0.113.10";

    public string? Solution { get; set; }

    public HashSet<string> Known { get; set; } = [];

    public PasswordAttempt Current => new(Ip, "test", Solution, Known);

    public void RememberAccount(string accountKey) => Known.Add(accountKey);

    /// <summary>Does what the browser's script does: finds the secret number by trying them all.</summary>
    public static string Solve(ProofOfWork.Challenge c)
    {
        for (var n = 0; n <= c.MaxNumber; n++)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(c.Salt + n.ToString(CultureInfo.InvariantCulture))));
            if (hash == c.ChallengeHash)
                return Convert.ToBase64String(Encoding.UTF8.GetBytes(
                    $"{{\"algorithm\":\"SHA-256\",\"challenge\":\"{c.ChallengeHash}\",\"number\":{n},\"salt\":\"{c.Salt}\",\"signature\":\"{c.Signature}\"}}"));
        }
        throw new InvalidOperationException("The challenge has no solution.");
    }

    /// <summary>Solves the challenge the form would carry now for this account.</summary>
    public async Task SolveNextAsync(PasswordGate gate, string? account)
    {
        var offer = await gate.OfferAsync(account);
        Solution = Solve(offer.Challenge);
    }
}
