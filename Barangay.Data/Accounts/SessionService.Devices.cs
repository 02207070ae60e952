using Barangay.Data.Audit;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Accounts;

public sealed record DeviceRow(Guid Id, DateTime IssuedAt, DateTime ExpiresAt, string? IpAddress, string? UserAgent, bool IsThisDevice);

public sealed partial class SessionService
{
    /// <summary>
    /// The whole check, in one query: the session is open and unexpired, the account is active and its security
    /// stamp is still the one signed in with (a password change or an admin's action changes it). A session that
    /// fails because of the account is marked revoked, so it stays closed.
    /// </summary>
    public async Task<bool> ValidateAsync(string token, string? securityStamp, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token)) return false;
        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await (from s in db.Sessions.AsNoTracking()
                         join u in db.Users.IgnoreQueryFilters().AsNoTracking() on s.UserId equals u.Id
                         where s.SessionToken == hash
                         select new { s.Id, s.Revoked, s.ExpiresAt, u.SecurityStamp, u.Status, u.DeletedAt }).FirstOrDefaultAsync(ct);
        if (row is null || row.Revoked || row.ExpiresAt <= now) return false;
        var accountChanged = row.Status != UserStatuses.Active || row.DeletedAt is not null
                             || (securityStamp is not null && row.SecurityStamp != securityStamp);
        if (!accountChanged) return true;
        await db.Sessions.Where(s => s.Id == row.Id).ExecuteUpdateAsync(x => x.SetProperty(s => s.Revoked, true), ct);
        return false;
    }

    /// <summary>Activity: moves the idle deadline on (at most once a minute), never past the absolute limit.</summary>
    public async Task TouchAsync(string token, IEnumerable<string> roles, CancellationToken ct = default)
    {
        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var policy = SessionTimeouts.For(roles);
        await using var db = await factory.CreateDbContextAsync(ct);
        var s = await db.Sessions.AsNoTracking().Where(x => x.SessionToken == hash && !x.Revoked && x.ExpiresAt > now)
            .Select(x => new { x.Id, x.IssuedAt, x.ExpiresAt }).FirstOrDefaultAsync(ct);
        if (s is null) return;
        var next = policy.NextExpiry(s.IssuedAt, now);
        if (next - s.ExpiresAt < SessionTimeouts.TouchEvery) return;
        await db.Sessions.Where(x => x.Id == s.Id && !x.Revoked).ExecuteUpdateAsync(x => x.SetProperty(r => r.ExpiresAt, next), ct);
    }

    /// <summary>The caller's open sessions ("Your devices"), newest first, marking the one this browser holds.</summary>
    public async Task<IReadOnlyList<DeviceRow>> MyDevicesAsync(Caller caller, string? currentToken, CancellationToken ct = default)
    {
        if (caller.UserId is not { } me) return [];
        var now = clock.GetUtcNow().UtcDateTime;
        var current = currentToken is null ? null : Hash(currentToken);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Sessions.AsNoTracking().Where(s => s.UserId == me && !s.Revoked && s.ExpiresAt > now)
            .OrderByDescending(s => s.IssuedAt)
            .Select(s => new DeviceRow(s.Id, s.IssuedAt, s.ExpiresAt, s.IpAddress, s.UserAgent, s.SessionToken == current))
            .ToListAsync(ct);
    }

    /// <summary>Signs out every other device of the caller; returns how many. Audited.</summary>
    public async Task<int> SignOutOtherDevicesAsync(Caller caller, string? currentToken, CancellationToken ct = default)
    {
        if (caller.UserId is not { } me) return 0;
        var current = currentToken is null ? "" : Hash(currentToken);
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = caller.ToActor();
        var ids = await db.Sessions.Where(s => s.UserId == me && !s.Revoked && s.SessionToken != current).Select(s => s.Id).ToListAsync(ct);
        if (ids.Count == 0) return 0;
        await db.Sessions.Where(s => ids.Contains(s.Id)).ExecuteUpdateAsync(x => x.SetProperty(s => s.Revoked, true), ct);
        db.Record("SessionsRevoked", "User", me.ToString(), new { count = ids.Count, by = "owner", kept_current = currentToken is not null });
        await db.SaveChangesAsync(ct);
        return ids.Count;
    }

    /// <summary>Revokes every session of a user (an admin's "revoke sessions", disabling, a password reset). Audited in the caller's context.</summary>
    public static async Task<int> RevokeAllAsync(BarangayDbContext db, Guid userId, string reason, CancellationToken ct = default)
    {
        var count = await db.Sessions.Where(s => s.UserId == userId && !s.Revoked).ExecuteUpdateAsync(x => x.SetProperty(s => s.Revoked, true), ct);
        db.Record("SessionsRevoked", "User", userId.ToString(), new { count, reason });
        return count;
    }
}

public sealed partial class SessionService
{
    /// <summary>
    /// <see cref="ValidateAsync"/> for many checks in one query (the process's idle circuits revalidate together):
    /// answers each check, in the order given, on its own. The same session appears once per open tab, each tab with
    /// the stamp it signed in with, so a token may repeat; a malformed check is refused alone. Sessions failed because
    /// of the account are marked revoked.
    /// </summary>
    public async Task<IReadOnlyList<bool>> ValidateManyAsync(IReadOnlyList<(string Token, string? Stamp)> checks, CancellationToken ct = default)
    {
        var hashes = checks.Select(c => string.IsNullOrEmpty(c.Token) ? null : Hash(c.Token)).ToList();
        var wanted = hashes.OfType<string>().Distinct().ToList();
        var answers = new bool[checks.Count];
        if (wanted.Count == 0) return answers;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = (await (from s in db.Sessions.AsNoTracking()
                           join u in db.Users.IgnoreQueryFilters().AsNoTracking() on s.UserId equals u.Id
                           where wanted.Contains(s.SessionToken)
                           select new { s.Id, s.SessionToken, s.Revoked, s.ExpiresAt, u.SecurityStamp, u.Status, u.DeletedAt }).ToListAsync(ct))
            .ToLookup(r => r.SessionToken);
        var revoke = new HashSet<Guid>();
        for (var i = 0; i < checks.Count; i++)
        {
            if (hashes[i] is not { } hash || rows[hash].FirstOrDefault() is not { } row) continue;
            if (row.Revoked || row.ExpiresAt <= now) continue;
            var stamp = checks[i].Stamp;
            if (row.Status != UserStatuses.Active || row.DeletedAt is not null || (stamp is not null && row.SecurityStamp != stamp)) { revoke.Add(row.Id); continue; }
            answers[i] = true;
        }
        if (revoke.Count > 0) await db.Sessions.Where(s => revoke.Contains(s.Id)).ExecuteUpdateAsync(x => x.SetProperty(s => s.Revoked, true), ct);
        return answers;
    }
}
