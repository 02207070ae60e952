namespace Barangay.Data.Accounts.Throttling;

/// <summary>
/// Where <see cref="PasswordGate"/> keeps and counts the failures it decides on. The rules are the gate's and
/// <see cref="SignInThrottle"/>'s, one copy for every password in the deployment; only the store differs with where
/// the accounts live: a barangay's own <c>failed_logins</c> (<see cref="BarangayPasswordFailures"/>), or the municipality
/// database for municipal accounts, which belong to no barangay.
/// </summary>
public interface IPasswordFailures
{
    /// <summary>Failures within <see cref="SignInThrottle.Window"/> for the account key (any address) and from the address (any account).</summary>
    Task<SignInThrottle.Counts> CountAsync(string? account, string? ip, CancellationToken ct = default);

    /// <summary>Records one failure (counted from then on) and its audit row, together.</summary>
    Task RecordFailureAsync(string? account, Guid? userId, string reason, string? ip, string? userAgent, CancellationToken ct = default);

    /// <summary>The moment the account's failures reach the pause, audited once.</summary>
    Task RecordPauseAsync(Guid userId, string? account, string? ip, string? userAgent, CancellationToken ct = default);
}

/// <summary>A barangay's accounts: <c>failed_logins</c> and the barangay's audit log, through <see cref="SessionService"/>.</summary>
public sealed class BarangayPasswordFailures(SignInThrottle throttle, SessionService sessions) : IPasswordFailures
{
    public Task<SignInThrottle.Counts> CountAsync(string? account, string? ip, CancellationToken ct = default) => throttle.CountAsync(account, ip, ct);

    public Task RecordFailureAsync(string? account, Guid? userId, string reason, string? ip, string? userAgent, CancellationToken ct = default) =>
        sessions.RecordFailureAsync(account, userId, reason, ip, userAgent, ct);

    public Task RecordPauseAsync(Guid userId, string? account, string? ip, string? userAgent, CancellationToken ct = default) =>
        sessions.RecordLockoutAsync(userId, account, ip, userAgent, ct);
}
