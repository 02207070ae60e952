using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Localization;
using Barangay.Data.Sms;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Accounts.MobileCodes;

/// <summary>
/// "Forgot your password?" for residents with no email: a code texted to the account's proved mobile number, then a new
/// password. The rules:
/// <list type="bullet">
/// <item>The code is a <see cref="MobileCodeService"/> code (purpose <see cref="MobileCodePurposes.PasswordReset"/>):
/// the same cooldown, hourly caps, 10-minute life, single use, 5 wrong tries, and every check through the one
/// <c>PasswordGate</c> keyed by the number. The same accounts as sign-in by text (a resident only, number proved, no
/// MFA), and the same answer for a number with no such account.</item>
/// <item>A right code gives a proof, not a new password: the proof names the account and its security stamp and lives
/// <see cref="ProofLifetime"/>. A new password ends it (the stamp changes), so it works once.</item>
/// <item>The new password rotates the security stamp and revokes every open session of the account in the same
/// transaction, with a <c>PasswordReset</c> audit row; a text then tells the number the password was changed.</item>
/// </list>
/// </summary>
public sealed class MobilePasswordReset(
    MobileCodeService codes, IDbContextFactory<BarangayDbContext> factory, UserManager<User> users, IDataProtectionProvider protection,
    ISmsDispatcher sms, TimeProvider clock)
{
    public const string Action = "PasswordReset";
    public static readonly TimeSpan ProofLifetime = TimeSpan.FromMinutes(10);
    public static string ProofGone => Texts.Say("This password reset has expired or was already used. Ask for a new code and start again.");
    public static string EnterPassword => Texts.Say("New password: enter a new password.");
    public static string NotTheSame => Texts.Say("Confirm new password: the two passwords are not the same.");
    public const string ChangedText = "Your {0} password was changed and all your devices were signed out. If this was not you, tell the barangay hall at once.";

    private readonly IDataProtector _protector = protection.CreateProtector("Barangay.Accounts.MobilePasswordReset");

    public Task<ServiceResult<CodeRequest>> RequestAsync(string? rawNumber, string? ip, string? userAgent, CancellationToken ct = default) =>
        codes.RequestAsync(rawNumber, MobileCodePurposes.PasswordReset, ip, userAgent, ct);

    /// <summary>Checks the code; when it passed, <see cref="CodeCheck"/> comes with the proof the new-password form carries.</summary>
    public async Task<(CodeCheck Check, string? Proof)> VerifyAsync(string? rawNumber, string? code, CancellationToken ct = default)
    {
        var check = await codes.VerifyAsync(rawNumber, code, MobileCodePurposes.PasswordReset, ct);
        if (!check.Passed || check.UserId is not { } id) return (check, null);
        await using var db = await factory.CreateDbContextAsync(ct);
        var stamp = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.SecurityStamp).FirstOrDefaultAsync(ct);
        var proof = new Proof(id, stamp ?? "", check.PhoneNumber!, clock.GetUtcNow().UtcDateTime + ProofLifetime);
        return (check, _protector.Protect(JsonSerializer.Serialize(proof)));
    }

    /// <summary>
    /// Sets the new password for the account the proof names, ends all its sessions, and returns how many were ended.
    /// A bad password is refused by field and leaves the proof usable; a used, expired or forged proof is a conflict.
    /// </summary>
    public async Task<ServiceResult<int>> ResetAsync(string? proof, string? newPassword, string? confirmPassword, string? ip, string? userAgent, CancellationToken ct = default)
    {
        var p = Read(proof);
        if (p is null) return ServiceResult<int>.Conflict(ProofGone);
        if (string.IsNullOrEmpty(newPassword)) return ServiceResult<int>.Invalid("NewPassword", EnterPassword);
        if (newPassword != confirmPassword) return ServiceResult<int>.Invalid("ConfirmPassword", NotTheSame);

        var user = await users.FindByIdAsync(p.UserId.ToString());
        if (user is null || user.SecurityStamp != p.Stamp || user.PhoneNumber != p.Number || !user.PhoneNumberConfirmed || user.Status != UserStatuses.Active)
            return ServiceResult<int>.Conflict(ProofGone);
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, newPassword);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }
        if (errors.Count > 0) return ServiceResult<int>.Invalid("NewPassword", string.Join(" ", errors));
        var hash = users.PasswordHasher.HashPassword(user, newPassword);

        await using var first = await factory.CreateDbContextAsync(ct);
        // Fresh context per attempt: a retried transaction starts clean, and the stamp check makes a replay a refusal.
        var done = await first.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var db = await factory.CreateDbContextAsync(token);
            await using var tx = await db.Database.BeginTransactionAsync(token);
            var row = await db.Users.FirstOrDefaultAsync(u => u.Id == p.UserId && u.SecurityStamp == p.Stamp, token);
            if (row is null) return ServiceResult<int>.Conflict(ProofGone);
            row.PasswordHash = hash;
            row.SecurityStamp = Guid.NewGuid().ToString("N");
            row.ConcurrencyStamp = Guid.NewGuid().ToString();
            db.Actor = new AuditActor(row.Id, row.UserName, Truncate(ip, 64), Truncate(userAgent, 512), Guid.NewGuid());
            var ended = await SessionService.RevokeAllAsync(db, row.Id, "password reset with a texted code", token);
            db.Record(Action, "User", row.Id.ToString(), new { user = row.UserName, by = "the account holder, with a code texted to " + MobileCodeService.Masked(p.Number), sessions_ended = ended });
            // The account's language when it chose one, else the language of the page the reset was made on.
            var language = AppLanguages.Match(row.PreferredLanguage) is { } chosen ? AppLanguages.Culture(chosen) : CultureInfo.CurrentUICulture;
            db.Set<SmsMessage>().Add(new SmsMessage
            {
                ToNumber = p.Number, UserId = row.Id, Source = "password reset", CreatedAt = clock.GetUtcNow().UtcDateTime,
                Body = SmsText.Trim(Texts.Format(ChangedText, language, await MobileCodeService.BarangayNameAsync(db, token))),
            });
            await db.SaveChangesAsync(token);
            await tx.CommitAsync(token);
            return ServiceResult<int>.Success(ended);
        }, ct);
        if (done.Ok) await sms.StartAsync(ct);
        return done;
    }

    private Proof? Read(string? protectedProof)
    {
        if (string.IsNullOrEmpty(protectedProof)) return null;
        try
        {
            var proof = JsonSerializer.Deserialize<Proof>(_protector.Unprotect(protectedProof));
            return proof is not null && proof.ExpiresAt > clock.GetUtcNow().UtcDateTime ? proof : null;
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    private static string? Truncate(string? s, int max) => s is not null && s.Length > max ? s[..max] : s;

    private sealed record Proof(Guid UserId, string Stamp, string Number, DateTime ExpiresAt);
}
