using System.Globalization;
using System.Text;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Localization;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Barangay.Data.Accounts.Security;

public sealed partial class AccountSecurityService
{
    public const string CodeMissing = "Code: enter the 6-digit code your authenticator app shows.";
    public const string CodeWrong = "Code: that code is not right. Enter the newest 6-digit code from your app, and check that your phone sets its clock automatically.";
    public static string DisableProofMissing => Texts.Say("Enter your password or a code from your authenticator app (or a recovery code) to turn MFA off.");
    public static string DisableProofWrong => Texts.Say("That password or code is not right, so MFA stays on.");
    public const string RequiredCannotDisable = "MFA is required for administrators, so it cannot be turned off. An administrator can reset it for you if you lost your phone.";

    /// <summary>Identity keeps recovery codes as a token of its own store under these names.</summary>
    private const string StoreProvider = "[AspNetUserStore]";
    private const string RecoveryCodesName = "RecoveryCodes";

    public async Task<MfaStatus> MfaStatusAsync(User user, CancellationToken ct = default)
    {
        var db = await ContextAsync(ct);
        var enabled = await users.GetTwoFactorEnabledAsync(user);
        var left = enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        return new MfaStatus(enabled, left, await MfaPolicy.RequiredForAsync(db, user.Roles, ct));
    }

    /// <summary>
    /// The key to put in the authenticator app. A new key is made when the account has none; that changes the
    /// security stamp, so the page refreshes its own sign-in (<paramref name="keyCreated"/> says so).
    /// </summary>
    public async Task<(MfaSetup Setup, bool KeyCreated)> SetupAsync(User user, string issuer, CancellationToken ct = default)
    {
        await ContextAsync(ct);
        var key = await users.GetAuthenticatorKeyAsync(user);
        var created = false;
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("Identity made no authenticator key.");
            created = true;
        }
        var account = user.UserName ?? user.Id.ToString();
        var uri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6");
        return (new MfaSetup(FormatKey(key), uri, QrDataUri(uri)), created);
    }

    /// <summary>
    /// Turns MFA on once the app proves it has the key (a right code), and returns the 10 recovery codes, to be
    /// shown once. <c>users.mfa_enabled</c> is Identity's TwoFactorEnabled, so it is set in the same save.
    /// </summary>
    public async Task<ServiceResult<IReadOnlyList<string>>> EnableMfaAsync(User user, string? code, CancellationToken ct = default)
    {
        var db = await ContextAsync(ct);
        var typed = MfaPolicy.Normalize(code);
        if (!MfaPolicy.LooksLikeTotp(typed)) return ServiceResult<IReadOnlyList<string>>.Invalid("Code", CodeMissing);
        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)) || !await VerifyTotpAsync(user, typed))
        {
            db.Record("MfaSetupFailed", "User", user.Id.ToString(), new { reason = "wrong code" });
            await db.SaveChangesAsync(ct);
            return ServiceResult<IReadOnlyList<string>>.Invalid("Code", CodeWrong);
        }
        db.Record("MfaEnabled", "User", user.Id.ToString(), new { method = "authenticator app", recovery_codes = MfaPolicy.RecoveryCodeCount });
        var result = await users.SetTwoFactorEnabledAsync(user, true);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, MfaPolicy.RecoveryCodeCount);
        return ServiceResult<IReadOnlyList<string>>.Success([.. codes ?? []]);
    }

    /// <summary>10 new recovery codes; the old ones stop working. Only while MFA is on.</summary>
    public async Task<ServiceResult<IReadOnlyList<string>>> RegenerateRecoveryCodesAsync(User user, CancellationToken ct = default)
    {
        var db = await ContextAsync(ct);
        if (!await users.GetTwoFactorEnabledAsync(user))
            return ServiceResult<IReadOnlyList<string>>.Invalid("Mfa", "MFA is not on, so there are no recovery codes to replace.");
        db.Record("MfaRecoveryCodesRegenerated", "User", user.Id.ToString(), new { recovery_codes = MfaPolicy.RecoveryCodeCount });
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, MfaPolicy.RecoveryCodeCount);
        return ServiceResult<IReadOnlyList<string>>.Success([.. codes ?? []]);
    }

    /// <summary>
    /// Turns MFA off, proven by the password or a code (authenticator or recovery). The key and the recovery codes
    /// are removed, so setting it up again starts with a new key. Refused while MFA is required for this account.
    /// </summary>
    public async Task<ServiceResult<bool>> DisableMfaAsync(User user, string? password, string? code, CancellationToken ct = default)
    {
        var db = await ContextAsync(ct);
        if (!await users.GetTwoFactorEnabledAsync(user)) return ServiceResult<bool>.Success(false);
        if (await MfaPolicy.RequiredForAsync(db, user.Roles, ct)) return ServiceResult<bool>.Invalid("Mfa", RequiredCannotDisable);
        var typed = MfaPolicy.Normalize(code);
        var recovery = MfaPolicy.NormalizeRecovery(code);
        if (string.IsNullOrEmpty(password) && typed.Length == 0) return ServiceResult<bool>.Invalid("Proof", DisableProofMissing);
        string? proof = null;
        // Password and codes alike pass the PasswordGate: guessing either here costs what guessing at sign-in does.
        var check = await gate.CheckAsync(user.UserName, user.Id, "turn off MFA", async _ =>
        {
            proof = !string.IsNullOrEmpty(password) && await users.CheckPasswordAsync(user, password) ? "password"
                : MfaPolicy.LooksLikeTotp(typed) && await VerifyTotpAsync(user, typed) ? "authenticator code"
                : recovery.Length > 0 && !MfaPolicy.LooksLikeTotp(typed) && (await users.RedeemTwoFactorRecoveryCodeAsync(user, recovery)).Succeeded ? "recovery code"
                : null;
            return proof is not null;
        }, ct);
        if (check.Refusal is { } refusal) return ServiceResult<bool>.Invalid("Proof", refusal);
        if (proof is null)
        {
            db.Record("MfaDisableRefused", "User", user.Id.ToString(), new { reason = "wrong password or code" });
            await db.SaveChangesAsync(ct);
            return ServiceResult<bool>.Invalid("Proof", DisableProofWrong);
        }
        db.Record("MfaDisabled", "User", user.Id.ToString(), new { proven_by = proof });
        await users.RemoveAuthenticationTokenAsync(user, StoreProvider, RecoveryCodesName);
        var result = await users.SetTwoFactorEnabledAsync(user, false);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.ResetAuthenticatorKeyAsync(user);
        return ServiceResult<bool>.Success(true);
    }

    /// <summary>A recovery code was used to sign in (the sign-in itself is audited as a Login).</summary>
    public async Task RecordRecoveryCodeUsedAsync(User user, CancellationToken ct = default)
    {
        var db = await ContextAsync(ct);
        db.Actor = new AuditActor(user.Id, user.UserName, db.Actor?.IpAddress, db.Actor?.UserAgent, Guid.NewGuid());
        db.Record("MfaRecoveryCodeUsed", "User", user.Id.ToString(), new { recovery_codes_left = await users.CountRecoveryCodesAsync(user) });
        await db.SaveChangesAsync(ct);
    }

    private Task<bool> VerifyTotpAsync(User user, string code) =>
        users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);

    /// <summary>"abcd efgh …": easier to type into an app by hand.</summary>
    private static string FormatKey(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) sb.Append(' ');
            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return sb.ToString().ToLowerInvariant();
    }

    private static string QrDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
