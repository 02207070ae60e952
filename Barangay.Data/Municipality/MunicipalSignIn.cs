using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Throttling;
using Microsoft.AspNetCore.Identity;

namespace Barangay.Data.Municipality;

/// <summary>What a municipal sign-in came to: the gate's answer (and the challenge the form carries next), and the account when it passed.</summary>
public sealed record MunicipalSignInResult(PasswordCheck Check, MunicipalCaller? Caller)
{
    /// <summary>
    /// The pause in words for this page: the barangay's message points to "Forgot your password?", which municipal
    /// accounts do not have (no email on file); their way back is the operator's <c>set-municipal-password</c>.
    /// </summary>
    public const string PausedMessage = "Too many wrong attempts. Signing in to this account from this browser is paused for 15 minutes; "
        + "try again later. If you have forgotten your password, ask the administrator of this system to set a new one.";

    public bool Passed => Check.Passed && Caller is not null;

    /// <summary>The message for a refusal the page does not word itself (a wrong password is the page's own words).</summary>
    public string? Refusal => Check.Outcome == PasswordCheckOutcome.Paused ? PausedMessage : Check.Refusal;
}

/// <summary>
/// Municipal sign-in through the one <see cref="PasswordGate"/>: the same challenge, delays, pause and owner's-browser
/// exception as a barangay's sign-in, with the failures kept in the municipality database
/// (<see cref="MunicipalPasswordFailures"/>). The browser's "signed in here before" mark names municipal accounts
/// in their own realm (<see cref="KnownAccountScope"/>), so a barangay account of the same name earns no exception here, nor the reverse.
/// </summary>
public sealed class MunicipalSignIn(
    MunicipalAccounts accounts, MunicipalPasswordFailures failures, ProofOfWork pow, IPasswordAttemptSource attempts, IPasswordHasher<User> hasher)
{
    private readonly PasswordGate _gate = new(failures, pow, KnownAccountScope.ForMunicipality(attempts), hasher);

    /// <summary>The challenge the sign-in form carries (required after failures from this address).</summary>
    public Task<ChallengeOffer> OfferAsync(string? userName = null, CancellationToken ct = default) => _gate.OfferAsync(userName, ct);

    public async Task<MunicipalSignInResult> SignInAsync(string? userName, string? password, CancellationToken ct = default)
    {
        var account = await accounts.FindForSignInAsync(userName, ct);
        // Unknown names and suspended accounts cost the same hashing work as a wrong password (MunicipalAccounts.Verify).
        var check = await _gate.CheckAsync(userName, account?.Id, "sign-in", _ => Task.FromResult(MunicipalAccounts.Verify(account, password)), ct);
        if (!check.Passed || account is null) return new MunicipalSignInResult(check, null);
        return new MunicipalSignInResult(check, await accounts.RecordSignInAsync(account.Id, attempts.Current.IpAddress, ct));
    }
}
