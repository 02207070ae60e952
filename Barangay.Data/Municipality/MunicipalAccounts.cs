using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Throttling;
using Barangay.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Municipality;

/// <summary>A signed-in municipal account, as the pages and the audit see it.</summary>
public sealed record MunicipalCaller(Guid AccountId, string UserName, string FullName, string Office, string Role)
{
    public bool IsAdmin => Role == MunicipalRoles.Admin;
    public string Actor => $"{FullName} ({Office})";
}

public enum MunicipalSignInOutcome { Passed, Failed, Paused }

/// <summary>
/// Municipal accounts: created by the command (or the demo), signed in with a password. Failures are held to the same
/// numbers as every barangay password check (<see cref="SignInThrottle.Counts"/>: the held-back answer and the pause,
/// per account and per address, over the same window), counted from this database's own audit rows because a municipal
/// account has no barangay whose <c>failed_logins</c> it could use. A paused attempt does the same hashing work as a
/// wrong password and is answered the same way.
/// </summary>
public sealed class MunicipalAccounts(IDbContextFactory<MunicipalityDbContext> factory, TimeProvider clock)
{
    public const string SignInFailed = "LoginFailed";
    public const string SignedIn = "Login";

    private static readonly PasswordHasher<MunicipalAccount> Hasher = new();
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(new MunicipalAccount(), Guid.NewGuid().ToString()));

    public async Task<ServiceResult<MunicipalCaller>> CreateAsync(string userName, string fullName, string office, string role, string password, string actor, CancellationToken ct = default)
    {
        var name = SignInThrottle.Key(userName);
        var errors = new Dictionary<string, string>();
        if (name.Length is 0 or > 64) errors["UserName"] = "Give a username (up to 64 characters).";
        if (string.IsNullOrWhiteSpace(fullName)) errors["FullName"] = "Give the person's full name.";
        if (string.IsNullOrWhiteSpace(office)) errors["Office"] = "Give the office (for example MLGOO, Office of the Mayor).";
        if (role is not (MunicipalRoles.Viewer or MunicipalRoles.Admin)) errors["Role"] = "The role is viewer or admin.";
        if (PasswordPolicy.Check(password, name, null) is { } weak) errors["Password"] = weak;
        if (errors.Count > 0) return ServiceResult<MunicipalCaller>.Invalid(errors);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.Accounts.AnyAsync(a => a.UserName == name, ct)) return ServiceResult<MunicipalCaller>.Invalid("UserName", "That username is taken.");
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

    /// <summary>Checks a password; the failure is recorded and its answer held back as the barangays' throttle says.</summary>
    public async Task<(MunicipalSignInOutcome Outcome, MunicipalCaller? Caller)> SignInAsync(string? userName, string? password, string? ip, CancellationToken ct = default)
    {
        var name = SignInThrottle.Key(userName);
        await using var db = await factory.CreateDbContextAsync(ct);
        var before = await CountAsync(db, name, ip, ct);
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.UserName == name && a.Status == "active", ct);
        var hash = account?.PasswordHash ?? DummyHash.Value;
        var ok = Hasher.VerifyHashedPassword(account ?? new MunicipalAccount(), hash, password ?? "") != PasswordVerificationResult.Failed && account is not null;
        if (before.Paused) ok = false; // the same hashing work was done, so a pause and a wrong password take as long
        if (ok)
        {
            account!.LastSignInAt = clock.GetUtcNow().UtcDateTime;
            var signIn = MunicipalAudit.Entry(clock, Caller(account).Actor, account.Id, SignedIn, name);
            signIn.IpAddress = ip;
            db.Audit.Add(signIn);
            await db.SaveChangesAsync(ct);
            return (MunicipalSignInOutcome.Passed, Caller(account));
        }
        var failure = MunicipalAudit.Entry(clock, name, account?.Id, SignInFailed, name, new { reason = before.Paused ? "paused after too many failures" : "wrong username or password" });
        failure.IpAddress = ip;
        db.Audit.Add(failure);
        await db.SaveChangesAsync(ct);
        var after = await CountAsync(db, name, ip, ct);
        await Task.Delay(after.Delay, clock, ct);
        return (before.Paused ? MunicipalSignInOutcome.Paused : MunicipalSignInOutcome.Failed, null);
    }

    /// <summary>The account as it is now (a suspended or deleted account signs out at its next request).</summary>
    public async Task<MunicipalCaller?> FindAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var a = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.Status == "active", ct);
        return a is null ? null : Caller(a);
    }

    private async Task<SignInThrottle.Counts> CountAsync(MunicipalityDbContext db, string name, string? ip, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime - SignInThrottle.Window;
        var recent = db.Audit.AsNoTracking().Where(a => a.Action == SignInFailed && a.Timestamp > since);
        var user = name.Length == 0 ? 0 : await recent.CountAsync(a => a.Target == name, ct);
        var byIp = string.IsNullOrEmpty(ip) ? 0 : await recent.CountAsync(a => a.IpAddress == ip, ct);
        return new SignInThrottle.Counts(user, byIp);
    }

    private static MunicipalCaller Caller(MunicipalAccount a) => new(a.Id, a.UserName, a.FullName, a.Office, a.Role);
}
