using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Accounts.Throttling;

/// <summary>
/// The numbers behind every password check, from the <c>failed_logins</c> rows of the last 15 minutes: failures
/// for the account (the name as typed, lower case, whether or not it exists) from anywhere, and failures from the
/// client's address for any account. <see cref="PasswordGate"/> turns them into a challenge, a delay and a pause.
/// </summary>
/// <remarks>
/// Why the rules are what they are:
/// <list type="bullet">
/// <item>Challenge after 3 failures for the account or 10 from the address (many residents share one carrier
/// CGNAT address, so the address is held to higher numbers); its cost doubles with each further failure of the
/// account, up to <see cref="ProofOfWork.MaxCost"/>, so a guessing robot pays more for every guess and a person
/// never more than a few seconds; an address's failures raise it at most 4 times (its neighbours are innocent).</item>
/// <item>Each failure is answered more slowly (250 ms doubling, at most 2 s); a right password is never delayed.</item>
/// <item>Pause after 10 failures for the account, or 100 from one address, for browsers that have not signed in to
/// that account before. A browser that has (it holds the account's device mark, given only after a right password)
/// is never paused by failures someone else made: an attacker can slow everyone down but cannot keep the real
/// admin out, and the pause ends 15 minutes after the last failure. This is why no password check uses Identity's
/// account-wide lockout any more: anyone could trigger it for any account, for ever, 10 guesses each 15 minutes.</item>
/// </list>
/// </remarks>
public sealed class SignInThrottle(IDbContextFactory<BarangayDbContext> factory, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public const int ChallengeAfter = 3;
    public const int PauseAfter = 10;
    public const int IpChallengeAfter = 10;
    public const int IpPauseAfter = 100;
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);

    public sealed record Counts(int UserFailures, int IpFailures)
    {
        public bool ChallengeRequired => UserFailures >= ChallengeAfter || IpFailures >= IpChallengeAfter;

        /// <summary>
        /// How far past the challenge thresholds: 0 at the first challenge, one more per further failure of the
        /// account; the address adds one per 10 failures and at most 2, because the neighbours behind a carrier's
        /// shared address are innocent and the address is all a fresh page knows.
        /// </summary>
        private int Level => Math.Max(UserFailures - ChallengeAfter, Math.Min((IpFailures - IpChallengeAfter) / 10, MaxAddressLevel));

        private const int MaxAddressLevel = 2;

        /// <summary>The proof-of-work cost: doubles with each failure past the threshold, capped.</summary>
        public int ChallengeCost => ChallengeRequired
            ? (int)Math.Min((long)ProofOfWork.BaseCost << Math.Clamp(Level, 0, 10), ProofOfWork.MaxCost)
            : ProofOfWork.BaseCost;

        /// <summary>
        /// What a browser that signed in to the account before owes: only its address's share, which the form it
        /// was given already carried (a page does not know the account until it is sent), so the owner of an
        /// attacked account is not asked twice.
        /// </summary>
        public Counts For(bool knownDevice) => knownDevice ? this with { UserFailures = 0 } : this;

        /// <summary>Sign-in for this name is paused for browsers unknown to the account (the same for names that exist and names that do not).</summary>
        public bool Paused => UserFailures >= PauseAfter || IpFailures >= IpPauseAfter;

        /// <summary>Whether this attempt is paused: never for a browser that signed in to this account before.</summary>
        public bool PausedFor(bool knownDevice) => !knownDevice && Paused;

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
