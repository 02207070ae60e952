namespace Barangay.Data.Accounts.Security;

/// <summary>What the authenticator app needs: the key (for typing in), the otpauth URI and its QR code (a PNG data URI).</summary>
public sealed record MfaSetup(string SharedKey, string AuthenticatorUri, string QrCodeDataUri);

/// <summary>The two-factor page's summary of one account.</summary>
public sealed record MfaStatus(bool Enabled, int RecoveryCodesLeft, bool Required);
