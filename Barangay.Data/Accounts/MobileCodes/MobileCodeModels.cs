using Barangay.Data.Accounts.Throttling;

namespace Barangay.Data.Accounts.MobileCodes;

/// <summary>The answer to "text me a code": the number as it will be used, and when another code may be asked for.</summary>
public sealed record CodeRequest(string PhoneNumber, DateTime ResendAt, bool Waiting);

/// <summary>
/// The gate's verdict on a typed code, with the account it signs in (sign-in) and the number it proved. A number
/// with no account and a wrong code get the same refusal.
/// </summary>
public sealed record CodeCheck(PasswordCheck Check, Guid? UserId, string? PhoneNumber)
{
    public bool Passed => Check.Passed;
}
