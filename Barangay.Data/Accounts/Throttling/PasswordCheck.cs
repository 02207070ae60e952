namespace Barangay.Data.Accounts.Throttling;

public enum PasswordCheckOutcome
{
    /// <summary>The password (or code) was right.</summary>
    Passed,

    /// <summary>It was wrong: recorded, answered after the delay.</summary>
    Wrong,

    /// <summary>The browser must first solve a (dearer) challenge; the password was not looked at.</summary>
    ChallengeNeeded,

    /// <summary>Too many failures: refused without looking at the password.</summary>
    Paused,
}

/// <summary>The gate's answer, with the challenge the form should carry next.</summary>
public sealed record PasswordCheck(PasswordCheckOutcome Outcome, ChallengeOffer Next)
{
    public const string PausedMessage = "Too many wrong attempts. Signing in to this account from this browser is paused for 15 minutes; try again later or use \"Forgot your password?\".";
    public const string ChallengeMessage = "Your browser was still finishing the security check. Please try again.";

    public bool Passed => Outcome == PasswordCheckOutcome.Passed;

    /// <summary>The message for a refusal the page does not word itself (a wrong password is the page's own words).</summary>
    public string? Refusal => Outcome switch
    {
        PasswordCheckOutcome.Paused => PausedMessage,
        PasswordCheckOutcome.ChallengeNeeded => ChallengeMessage,
        _ => null,
    };
}

/// <summary>A challenge for a form, and whether the form must be sent with it solved.</summary>
public sealed record ChallengeOffer(ProofOfWork.Challenge Challenge, bool Required);
