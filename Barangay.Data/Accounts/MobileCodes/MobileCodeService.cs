using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Barangay.Data.Accounts.Throttling;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Localization;
using Barangay.Data.Settings;
using Barangay.Data.Sms;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Accounts.MobileCodes;

/// <summary>
/// One-time codes by SMS, for residents with a mobile number and no email: proving the number before registering, and
/// signing in. The rules:
/// <list type="bullet">
/// <item>Six random digits, kept only as a password hash, for <see cref="Lifetime"/>; used once; dead after
/// <see cref="MaxWrongPerCode"/> wrong tries. Every check goes through <see cref="PasswordGate"/> with the number as
/// the account name, so a code is throttled exactly like a password (challenge, delay, pause, <c>failed_logins</c>).</item>
/// <item>A new code no sooner than <see cref="ResendAfter"/> after the last, at most <see cref="MaxPerNumberPerHour"/>
/// per number and <see cref="MaxPerAddressPerHour"/> per client address an hour (each text costs the barangay money,
/// and a robot must not bomb a phone).</item>
/// <item>No account enumeration: a number that signs in to nothing gets a row too (a code no one knows, no text), so
/// the answer, the cooldown and the caps are the same for every number.</item>
/// <item>The code is never logged: the outbox shows the text masked (<see cref="SmsSecrets"/>) and the audit row names
/// the number masked. The text is fixed wording plus the code: nothing a user typed goes into it.</item>
/// <item>Sign-in by code is for resident accounts whose number was proved, without MFA: a single texted code must not
/// replace an official's second factor.</item>
/// </list>
/// </summary>
public sealed partial class MobileCodeService(
    IDbContextFactory<BarangayDbContext> factory, PasswordGate gate, IPasswordHasher<User> hasher,
    SmsSecrets secrets, ISmsDispatcher sms, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(60);
    public const int MaxPerNumberPerHour = 5;
    public const int MaxPerAddressPerHour = 20;
    public const int MaxWrongPerCode = 5;
    public const int CodeLength = 6;

    public static string BadNumber => Texts.Say("Mobile number: enter a Philippine mobile number of 11 digits starting with 09 (like 0917 123 4567) or +63 (like +63 917 123 4567).");
    public static string TooMany => Texts.Say("Too many codes were asked for this number or from this connection in the last hour. Please try again later.");
    public const string CodeText = "{0} is your {1} code. It expires in 10 minutes. Do not share it: the barangay will never ask for it.";

    /// <summary>
    /// Texts a code to <paramref name="rawNumber"/> for <paramref name="purpose"/> when the number may use it, and
    /// answers the same either way. Inside the cooldown nothing is sent and <see cref="CodeRequest.Waiting"/> is true.
    /// </summary>
    public async Task<ServiceResult<CodeRequest>> RequestAsync(string? rawNumber, string purpose, string? ip, string? userAgent, CancellationToken ct = default)
    {
        if (!MobileCodePurposes.IsKnown(purpose)) throw new ArgumentOutOfRangeException(nameof(purpose));
        var number = SmsText.NormalizeNumber(rawNumber);
        if (number is null) return ServiceResult<CodeRequest>.Invalid("PhoneNumber", BadNumber);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        var codes = db.Set<MobileCode>().AsNoTracking();
        var hourAgo = now.AddHours(-1);
        var last = await codes.Where(c => c.PhoneNumber == number && c.Purpose == purpose).OrderByDescending(c => c.CreatedAt).Select(c => (DateTime?)c.CreatedAt).FirstOrDefaultAsync(ct);
        if (last is { } at && at + ResendAfter > now) return ServiceResult<CodeRequest>.Success(new CodeRequest(number, at + ResendAfter, Waiting: true));
        if (await codes.CountAsync(c => c.PhoneNumber == number && c.CreatedAt > hourAgo, ct) >= MaxPerNumberPerHour
            || (ip is not null && await codes.CountAsync(c => c.IpAddress == ip && c.CreatedAt > hourAgo, ct) >= MaxPerAddressPerHour))
            return ServiceResult<CodeRequest>.Conflict(TooMany);

        var user = MobileCodePurposes.NeedsAccount(purpose) ? await SignInAccountAsync(db, number, ct) : null;
        var sends = purpose == MobileCodePurposes.Registration || user is not null;
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        // The same hashing work whether or not a text goes out; the code of a row that sends nothing is never shown.
        db.Set<MobileCode>().Add(new MobileCode
        {
            PhoneNumber = number, Purpose = purpose, UserId = user?.Id, CodeHash = hasher.HashPassword(new User(), code),
            IpAddress = Truncate(ip, 64), CreatedAt = now, ExpiresAt = now + Lifetime,
        });
        db.Actor = new AuditActor(user?.Id, null, ip, Truncate(userAgent, 512), Guid.NewGuid());
        db.Record("MobileCodeSent", "User", user?.Id.ToString(), new { number = Masked(number), purpose, texted = sends });
        if (sends)
        {
            var barangay = await BarangayNameAsync(db, ct);
            var culture = CultureInfo.CurrentUICulture;
            var what = Texts.Format(PurposeText(purpose), culture, barangay);
            db.Set<SmsMessage>().Add(secrets.Message(number,
                Texts.Format(CodeText, culture, code, what), Texts.Format(CodeText, culture, SmsSecrets.Mask, what), user?.Id, purpose + " code", now));
        }
        await db.SaveChangesAsync(ct);
        if (sends) await sms.StartAsync(ct);
        return ServiceResult<CodeRequest>.Success(new CodeRequest(number, now + ResendAfter, Waiting: false));
    }

    /// <summary>
    /// Checks a typed code through <see cref="PasswordGate"/> (the number is the account name). Passed means the newest
    /// live code for the number and purpose matched and is now used; for sign-in it also names the account.
    /// </summary>
    public async Task<CodeCheck> VerifyAsync(string? rawNumber, string? code, string purpose, CancellationToken ct = default)
    {
        if (!MobileCodePurposes.IsKnown(purpose)) throw new ArgumentOutOfRangeException(nameof(purpose));
        var number = SmsText.NormalizeNumber(rawNumber);
        var typed = new string((code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = number is null ? null : await db.Set<MobileCode>().AsNoTracking()
            .Where(c => c.PhoneNumber == number && c.Purpose == purpose && c.UsedAt == null && c.ExpiresAt > now)
            .OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(ct);
        var check = await gate.CheckAsync(number ?? rawNumber, row?.UserId, purpose + " code", async token =>
        {
            var usable = row is not null && row.WrongAttempts < MaxWrongPerCode && (!MobileCodePurposes.NeedsAccount(purpose) || row.UserId is not null);
            if (!usable || !SixDigits().IsMatch(typed))
            {
                gate.DummyWork(typed);
                return false;
            }
            if (hasher.VerifyHashedPassword(new User(), row!.CodeHash, typed) == PasswordVerificationResult.Failed)
            {
                await db.Set<MobileCode>().Where(c => c.Id == row.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.WrongAttempts, c => c.WrongAttempts + 1), token);
                return false;
            }
            // Used once: of two checks racing with the same code, one wins.
            return await db.Set<MobileCode>().Where(c => c.Id == row.Id && c.UsedAt == null && c.WrongAttempts < MaxWrongPerCode)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.UsedAt, now), token) == 1;
        }, ct);
        if (!check.Passed) return new CodeCheck(check, null, null);

        db.Actor = new AuditActor(row!.UserId, null, null, null, Guid.NewGuid());
        db.Record("MobileCodeUsed", "User", row.UserId?.ToString(), new { number = Masked(number!), purpose });
        await db.SaveChangesAsync(ct);
        return new CodeCheck(check, row.UserId, number);
    }

    /// <summary>
    /// The one account a number signs in to (and may reset the password of): active, a resident only, number proved,
    /// no MFA; none when two share it.
    /// </summary>
    internal static async Task<User?> SignInAccountAsync(BarangayDbContext db, string number, CancellationToken ct)
    {
        var found = await db.Users.AsNoTracking()
            .Where(u => u.PhoneNumber == number && u.PhoneNumberConfirmed && u.Status == UserStatuses.Active && !u.TwoFactorEnabled)
            .Take(2).ToListAsync(ct);
        return found.Count == 1 && found[0].Roles.All(r => r == AppRoles.Resident) ? found[0] : null;
    }

    /// <summary>What the code is for, as the text names it ("Barangay San Isidro sign-in"): a catalogue key.</summary>
    internal static string PurposeText(string purpose) => purpose switch
    {
        MobileCodePurposes.SignIn => "{0} sign-in",
        MobileCodePurposes.PasswordReset => "{0} password reset",
        _ => "{0} registration",
    };

    internal static async Task<string> BarangayNameAsync(BarangayDbContext db, CancellationToken ct)
    {
        var json = await db.AppSettings.AsNoTracking().Where(s => s.Key == SettingKeys.BarangayName).Select(s => s.Value).FirstOrDefaultAsync(ct);
        // Set by an admin, but a text message is plain: keep letters, digits and simple punctuation only.
        var name = new string(SettingJson.ReadText(json).Where(c => char.IsLetterOrDigit(c) || c is ' ' or '.' or '-' or '\'').ToArray()).Trim();
        return name.Length == 0 ? "Barangay" : name.Length > 40 ? name[..40] : name;
    }

    /// <summary>+63917•••4567: enough for the audit log to tell numbers apart, not enough to text one.</summary>
    public static string Masked(string number) => number.Length > 8 ? number[..6] + "•••" + number[^4..] : "•••";

    private static string? Truncate(string? s, int max) => s is not null && s.Length > max ? s[..max] : s;

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex SixDigits();
}
