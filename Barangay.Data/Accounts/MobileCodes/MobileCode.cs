namespace Barangay.Data.Accounts.MobileCodes;

/// <summary>
/// One one-time code texted to a mobile number (addition: <c>mobile_codes</c>). Only its hash is kept; it dies at
/// <see cref="ExpiresAt"/>, on first use, or after <see cref="MobileCodeService.MaxWrongPerCode"/> wrong tries.
/// A row is also written, with no code anyone can know and no text sent, when a number has no account, so the
/// resend cooldown and the hourly caps are the same for every number and the answer says nothing about accounts.
/// </summary>
public class MobileCode
{
    public Guid Id { get; set; }
    /// <summary>+63 form (<see cref="Sms.SmsText.NormalizeNumber"/>).</summary>
    public string PhoneNumber { get; set; } = "";
    public string Purpose { get; set; } = "";
    public Guid? UserId { get; set; }
    public string CodeHash { get; set; } = "";
    public string? IpAddress { get; set; }
    public int WrongAttempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}

public static class MobileCodePurposes
{
    /// <summary>Proves the number before a registration without email is accepted.</summary>
    public const string Registration = "registration";
    /// <summary>Signs in an active resident account whose number is confirmed.</summary>
    public const string SignIn = "sign-in";
    /// <summary>Lets the same accounts as <see cref="SignIn"/> choose a new password (<see cref="MobilePasswordReset"/>).</summary>
    public const string PasswordReset = "password-reset";

    public static bool IsKnown(string? p) => p is Registration or SignIn or PasswordReset;

    /// <summary>Purposes whose code is texted only to a number that signs in to an account.</summary>
    public static bool NeedsAccount(string? p) => p is SignIn or PasswordReset;
}
