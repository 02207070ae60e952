using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Accounts.Security;

/// <summary>The rules of multi-factor sign-in (TOTP authenticator apps): how many recovery codes, and who must use it.</summary>
public static class MfaPolicy
{
    public const int RecoveryCodeCount = 10;

    /// <summary>The admin setting "MFA required for admins" (off unless an admin turned it on).</summary>
    public static async Task<bool> RequiredForAdminsAsync(BarangayDbContext db, CancellationToken ct = default)
    {
        var value = await db.AppSettings.AsNoTracking().Where(s => s.Key == SettingKeys.MfaRequiredForAdmins).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return SettingJson.ReadBool(value);
    }

    /// <summary>Must this account use MFA now? Admins, while the setting is on.</summary>
    public static async Task<bool> RequiredForAsync(BarangayDbContext db, IEnumerable<string> roles, CancellationToken ct = default) =>
        roles.Contains(AppRoles.Admin) && await RequiredForAdminsAsync(db, ct);

    /// <summary>An app's code as typed: spaces and dashes removed (apps show "123 456").</summary>
    public static string Normalize(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    /// <summary>A recovery code as typed: Identity's codes are upper case with a dash ("BCD23-FGH45"); spaces removed.</summary>
    public static string NormalizeRecovery(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant).ToArray());

    public static bool LooksLikeTotp(string code) => code.Length == 6 && code.All(char.IsAsciiDigit);
}
