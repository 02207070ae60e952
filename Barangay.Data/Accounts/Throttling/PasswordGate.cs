using Microsoft.AspNetCore.Identity;

namespace Barangay.Data.Accounts.Throttling;

/// <summary>
/// The one gate every password (and sign-in code) check passes: sign-in, the registration-status page, the MFA
/// step, changing the password or the email address, turning MFA off. Per account and per client address it asks
/// for a proof-of-work whose cost grows with the failures, refuses paused attempts without looking at the password
/// (after the same hashing work, so a pause and a wrong password take as long), records every failure in
/// the failure store and the audit log, and holds back the answer to a failure. The rules are in
/// <see cref="SignInThrottle"/>; what the browser sent and its address come from <see cref="IPasswordAttemptSource"/>;
/// the failures are kept where the accounts live (<see cref="IPasswordFailures"/>): a barangay's <c>failed_logins</c>,
/// or the municipality database for municipal sign-in (<c>MunicipalSignIn</c>), so municipal passwords pass the same gate.
/// The browser's "signed in here before" marks it reads are those of its own barangay or of the municipality
/// (<see cref="KnownAccountScope"/>, applied where each gate is made).
/// </summary>
/// <remarks><paramref name="users"/> serves only <see cref="VerifyAsync"/> (a barangay <see cref="User"/>'s password); a gate over other accounts has none.</remarks>
public sealed class PasswordGate(
    IPasswordFailures failures, ProofOfWork pow, IPasswordAttemptSource attempts, IPasswordHasher<User> hasher, UserManager<User>? users = null)
{
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<User>().HashPassword(new User(), Guid.NewGuid().ToString()));

    /// <summary>The challenge a form showing a password field carries: required when the address (or the account, if known) has failed often.</summary>
    public async Task<ChallengeOffer> OfferAsync(string? account = null, CancellationToken ct = default)
    {
        var counts = await failures.CountAsync(account, attempts.Current.IpAddress, ct);
        return new ChallengeOffer(pow.Create(counts.ChallengeCost), counts.ChallengeRequired);
    }

    /// <summary>
    /// Checks one password (or code) for <paramref name="account"/> (a username, or what was typed for one) with
    /// <paramref name="verify"/>, which runs only when the attempt is allowed. <paramref name="userId"/> names the
    /// account in the audit row when it exists; <paramref name="purpose"/> says where ("sign-in", "change password").
    /// </summary>
    public async Task<PasswordCheck> CheckAsync(string? account, Guid? userId, string purpose, Func<CancellationToken, Task<bool>> verify, CancellationToken ct = default)
    {
        var key = SignInThrottle.Key(account);
        var attempt = attempts.Current;
        var known = attempt.KnownAccounts.Contains(key);
        var before = await failures.CountAsync(key, attempt.IpAddress, ct);
        var owed = before.For(known);
        if (owed.ChallengeRequired && !pow.Verify(attempt.ChallengeSolution, owed.ChallengeCost))
            return new PasswordCheck(PasswordCheckOutcome.ChallengeNeeded, new ChallengeOffer(pow.Create(owed.ChallengeCost), true));

        if (before.PausedFor(known))
        {
            DummyWork();
            await failures.RecordFailureAsync(Stored(key), userId, $"{purpose}: paused after too many failures", attempt.IpAddress, attempt.UserAgent, ct);
            return new PasswordCheck(PasswordCheckOutcome.Paused, await NextAsync(key, attempt, ct));
        }

        if (await verify(ct))
        {
            if (key.Length > 0) attempts.RememberAccount(key);
            return new PasswordCheck(PasswordCheckOutcome.Passed, new ChallengeOffer(pow.Create(), false));
        }

        // Sign-in keeps the words the audit log and its searches always used.
        var reason = purpose == "sign-in" ? "wrong username or password" : $"{purpose}: wrong password or code";
        await failures.RecordFailureAsync(Stored(key), userId, reason, attempt.IpAddress, attempt.UserAgent, ct);
        var after = await failures.CountAsync(key, attempt.IpAddress, ct);
        if (userId is { } id && before.UserFailures < SignInThrottle.PauseAfter && after.UserFailures >= SignInThrottle.PauseAfter)
            await failures.RecordPauseAsync(id, Stored(key), attempt.IpAddress, attempt.UserAgent, ct);
        // The answer to a failed guess is held back, longer with each failure; a right password is never delayed.
        if (after.Delay > TimeSpan.Zero) await Task.Delay(after.Delay, ct);
        var next = after.For(known);
        return new PasswordCheck(after.PausedFor(known) ? PasswordCheckOutcome.Paused : PasswordCheckOutcome.Wrong,
            new ChallengeOffer(pow.Create(next.ChallengeCost), next.ChallengeRequired));
    }

    /// <summary>
    /// A password check against an account that may not exist: for no account, the same hashing work against a
    /// throw-away hash, so an unknown name takes as long as a known one.
    /// </summary>
    public async Task<bool> VerifyAsync(User? user, string? password)
    {
        if (user?.PasswordHash is null || string.IsNullOrEmpty(password))
        {
            DummyWork(password);
            return false;
        }
        return await (users ?? throw new InvalidOperationException("This gate checks no barangay accounts.")).CheckPasswordAsync(user, password);
    }

    /// <summary>One password hash's worth of work whose answer is thrown away.</summary>
    public void DummyWork(string? password = null) =>
        hasher.VerifyHashedPassword(new User(), DummyHash.Value, string.IsNullOrEmpty(password) ? "-" : password);

    private async Task<ChallengeOffer> NextAsync(string key, PasswordAttempt attempt, CancellationToken ct)
    {
        var counts = await failures.CountAsync(key, attempt.IpAddress, ct);
        return new ChallengeOffer(pow.Create(counts.ChallengeCost), counts.ChallengeRequired);
    }

    private static string? Stored(string key) => key.Length is > 0 and <= 256 ? key : null;
}
