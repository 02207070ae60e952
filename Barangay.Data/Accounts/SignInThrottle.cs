using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Accounts;

/// <summary>
/// Brute-force defences from the <c>failed_logins</c> rows of the last 15 minutes, per username (as typed, lower
/// case, whether or not it exists) and per IP address: a proof-of-work challenge after 3 failures, a growing delay
/// on each further failure, and a pause after 10. An IP is held to higher numbers than a username because many
/// residents share one carrier (CGNAT) address.
/// </summary>
public sealed class SignInThrottle(IDbContextFactory<BarangayDbContext> factory, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public const int ChallengeAfter = 3;
    public const int PauseAfter = 10;
    public const int IpChallengeAfter = 10;
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);

    public sealed record Counts(int UserFailures, int IpFailures)
    {
        public bool ChallengeRequired => UserFailures >= ChallengeAfter || IpFailures >= IpChallengeAfter;

        /// <summary>Sign-in for this name is paused (the same for names that exist and names that do not).</summary>
        public bool Paused => UserFailures >= PauseAfter;

        /// <summary>How long to hold the answer to a failed attempt: 250 ms doubling from the third failure, at most 2 s.</summary>
        public TimeSpan Delay
        {
            get
            {
                var n = Math.Max(UserFailures - ChallengeAfter + 1, (IpFailures - IpChallengeAfter + 1) / 2);
                if (n <= 0) return TimeSpan.Zero;
                var ms = 250 * Math.Pow(2, Math.Min(n - 1, 10));
                return TimeSpan.FromMilliseconds(Math.Min(ms, MaxDelay.TotalMilliseconds));
            }
        }
    }

    public static string Key(string? userName) => (userName ?? "").Trim().ToLowerInvariant();

    public async Task<Counts> CountAsync(string? userName, string? ip, CancellationToken ct = default)
    {
        var since = clock.GetUtcNow().UtcDateTime - Window;
        var name = Key(userName);
        await using var db = await factory.CreateDbContextAsync(ct);
        var recent = db.FailedLogins.AsNoTracking().Where(f => f.AttemptedAt > since);
        var user = name.Length == 0 ? 0 : await recent.CountAsync(f => f.Username == name, ct);
        var byIp = string.IsNullOrEmpty(ip) ? 0 : await recent.CountAsync(f => f.IpAddress == ip, ct);
        return new Counts(user, byIp);
    }
}
