namespace Barangay.Data.Accounts.Throttling;

/// <summary>Who is typing a password: their address, browser, the solved challenge they sent, and the accounts this browser signed in to before.</summary>
public sealed record PasswordAttempt(string? IpAddress, string? UserAgent, string? ChallengeSolution, IReadOnlySet<string> KnownAccounts)
{
    public static readonly PasswordAttempt Nobody = new(null, null, null, new HashSet<string>());
}

/// <summary>
/// Where <see cref="PasswordGate"/> learns about the attempt in hand (the app reads the request; elsewhere there is
/// no request), and where it marks a browser as known to an account after a right password.
/// </summary>
public interface IPasswordAttemptSource
{
    PasswordAttempt Current { get; }

    void RememberAccount(string accountKey);
}

/// <summary>Outside a web request (jobs, tests): no address, no challenge, no browser.</summary>
public sealed class NoRequestAttemptSource : IPasswordAttemptSource
{
    public PasswordAttempt Current => PasswordAttempt.Nobody;

    public void RememberAccount(string accountKey) { }
}
