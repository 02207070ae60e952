using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Throttling;
using Barangay.Data.Common;
using Barangay.Data.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Municipality;

/// <summary>
/// A signed-in municipal account, as the pages and the audit see it. <paramref name="PasswordStamp"/> changes when the
/// password does, so a session opened with the old one ends at its next request (MunicipalAuth).
/// </summary>
public sealed record MunicipalCaller(Guid AccountId, string UserName, string FullName, string Office, string Role, string PasswordStamp)
{
    public bool IsAdmin => Role == MunicipalRoles.Admin;
    public string Actor => $"{FullName} ({Office})";
}

/// <summary>
/// Municipal accounts: created by the command (or the demo), signed in with a password through
/// <see cref="MunicipalSignIn"/> (the one <see cref="PasswordGate"/>, its failures kept in this database).
/// </summary>
public sealed class MunicipalAccounts(IDbContextFactory<MunicipalityDbContext> factory, TimeProvider clock)
{
    public const string SignInFailed = MunicipalPasswordFailures.SignInFailed;
    public const string SignedIn = "Login";

    private static readonly PasswordHasher<MunicipalAccount> Hasher = new();
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(new MunicipalAccount(), Guid.NewGuid().ToString()));

    public async Task<ServiceResult<MunicipalCaller>> CreateAsync(string userName, string fullName, string office, string role, string password, string actor, CancellationToken ct = default)
    {
        var name = SignInThrottle.Key(userName);
        var errors = new Dictionary<string, string>();
        if (name.Length is 0 or > 64) errors["UserName"] = Texts.Say("Give a username (up to 64 characters).");
        if (string.IsNullOrWhiteSpace(fullName)) errors["FullName"] = Texts.Say("Give the person's full name.");
        if (string.IsNullOrWhiteSpace(office)) errors["Office"] = Texts.Say("Give the office (for example MLGOO, Office of the Mayor).");
        if (role is not (MunicipalRoles.Viewer or MunicipalRoles.Admin)) errors["Role"] = Texts.Say("The role is viewer or admin.");
        if (PasswordPolicy.Check(password, name, null) is { } weak) errors["Password"] = weak;
        if (errors.Count > 0) return ServiceResult<MunicipalCaller>.Invalid(errors);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.Accounts.AnyAsync(a => a.UserName == name, ct)) return ServiceResult<MunicipalCaller>.Invalid("UserName", Texts.Say("That username is taken."));
        var account = new MunicipalAccount
        {
            Id = Guid.NewGuid(), UserName = name, FullName = fullName.Trim(), Office = office.Trim(), Role = role, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        account.PasswordHash = Hasher.HashPassword(account, password);
        db.Accounts.Add(account);
        db.Audit.Add(MunicipalAudit.Entry(clock, actor, null, "AccountCreated", name, new { office = account.Office, role }));
        await db.SaveChangesAsync(ct);
        return ServiceResult<MunicipalCaller>.Success(Caller(account));
    }

    /// <summary>
    /// Sets a new password for an account whose holder forgot it (the operator's <c>set-municipal-password</c> command:
    /// municipal accounts have no email reset), audited; sessions opened with the old password end at their next request.
    /// </summary>
    public async Task<ServiceResult<MunicipalCaller>> SetPasswordAsync(string userName, string password, string actor, CancellationToken ct = default)
    {
        var name = SignInThrottle.Key(userName);
        await using var db = await factory.CreateDbContextAsync(ct);
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.UserName == name, ct);
        if (account is null) return ServiceResult<MunicipalCaller>.Invalid("UserName", Texts.Say("There is no municipal account with that username."));
        if (PasswordPolicy.Check(password, name, null) is { } weak) return ServiceResult<MunicipalCaller>.Invalid("Password", weak);
        account.PasswordHash = Hasher.HashPassword(account, password);
        db.Audit.Add(MunicipalAudit.Entry(clock, actor, null, "PasswordSet", name));
        await db.SaveChangesAsync(ct);
        return ServiceResult<MunicipalCaller>.Success(Caller(account));
    }

    /// <summary>The active account of that name, for a sign-in (none for unknown and suspended names).</summary>
    public async Task<MunicipalAccount?> FindForSignInAsync(string? userName, CancellationToken ct = default)
    {
        var name = SignInThrottle.Key(userName);
        if (name.Length is 0 or > 64) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.UserName == name && a.Status == "active", ct);
    }

    /// <summary>Checks a password; for no account, the same hashing work against a throw-away hash, so an unknown name takes as long.</summary>
    public static bool Verify(MunicipalAccount? account, string? password) =>
        Hasher.VerifyHashedPassword(account ?? new MunicipalAccount(), account?.PasswordHash ?? DummyHash.Value, password ?? "") != PasswordVerificationResult.Failed
        && account is not null;

    /// <summary>After the gate let a right password through: stamps and audits the sign-in.</summary>
    public async Task<MunicipalCaller?> RecordSignInAsync(Guid accountId, string? ip, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == accountId && a.Status == "active", ct);
        if (account is null) return null;
        account.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        var signIn = MunicipalAudit.Entry(clock, Caller(account).Actor, account.Id, SignedIn, account.UserName);
        signIn.IpAddress = ip;
        db.Audit.Add(signIn);
        await db.SaveChangesAsync(ct);
        return Caller(account);
    }

    /// <summary>The account as it is now (a suspended or deleted account signs out at its next request).</summary>
    public async Task<MunicipalCaller?> FindAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var a = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.Status == "active", ct);
        return a is null ? null : Caller(a);
    }

    private static MunicipalCaller Caller(MunicipalAccount a) => new(a.Id, a.UserName, a.FullName, a.Office, a.Role, Stamp(a.PasswordHash));

    /// <summary>A short digest of the password hash (never the hash itself) for the session cookie to carry.</summary>
    private static string Stamp(string passwordHash) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(passwordHash)))[..16];
}
