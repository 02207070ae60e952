using System.Security.Cryptography;
using System.Text;
using Barangay.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Accounts;

/// <summary>
/// Server-side sign-in sessions. The browser's cookie holds a random token; the table holds its SHA-256
/// hash, so a sign-out or an admin's revocation takes effect on the server, and a leaked table reveals no token.
/// </summary>
public sealed partial class SessionService(IDbContextFactory<BarangayDbContext> factory, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Starts a session, stamps the user's last sign-in and audits it, all in one SaveChanges. Returns the raw token.</summary>
    public async Task<string> StartAsync(Guid userId, string? ip, string? userAgent, CancellationToken ct = default)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        var user = await db.Users.FirstAsync(u => u.Id == userId, ct);
        db.Actor = new AuditActor(userId, user.UserName, ip, Truncate(userAgent), Guid.NewGuid());
        var residentId = await db.Residents.Where(r => r.UserId == userId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        db.Sessions.Add(new Session
        {
            UserId = userId, ResidentId = residentId, SessionToken = Hash(token), IssuedAt = now, ExpiresAt = SessionTimeouts.For(user.Roles).FirstExpiry(now),
            IpAddress = ip, UserAgent = Truncate(userAgent),
        });
        user.LastLoginAt = now;
        user.LastLoginIp = ip;
        db.Record(AuditActions.Login, "User", userId.ToString());
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task<bool> IsActiveAsync(string token, CancellationToken ct = default)
    {
        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Sessions.AsNoTracking().AnyAsync(s => s.SessionToken == hash && !s.Revoked && s.ExpiresAt > now, ct);
    }

    /// <summary>Ends a session (sign-out) and audits it.</summary>
    public async Task EndAsync(string token, Guid? userId, string? userName, string? ip, string? userAgent, CancellationToken ct = default)
    {
        var hash = Hash(token);
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = new AuditActor(userId, userName, ip, Truncate(userAgent), Guid.NewGuid());
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.SessionToken == hash, ct);
        if (session is null || session.Revoked) return;
        session.Revoked = true;
        db.Record(AuditActions.Logout, "User", session.UserId.ToString());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A failed sign-in: a failed_logins row for rate limiting and an audit row, together.</summary>
    public async Task RecordFailureAsync(string? username, Guid? userId, string reason, string? ip, string? userAgent, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = new AuditActor(userId, username, ip, Truncate(userAgent), Guid.NewGuid());
        db.FailedLogins.Add(new FailedLogin { Username = username, IpAddress = ip, AttemptedAt = clock.GetUtcNow().UtcDateTime });
        db.Record(AuditActions.LoginFailed, "User", userId?.ToString() ?? username, new { reason });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The moment an account becomes locked out (Identity's lockout after too many wrong passwords), audited once.</summary>
    public async Task RecordLockoutAsync(Guid userId, string? username, string? ip, string? userAgent, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = new AuditActor(userId, username, ip, Truncate(userAgent), Guid.NewGuid());
        db.Record(AuditActions.Lockout, "User", userId.ToString(), new { minutes = 15 });
        await db.SaveChangesAsync(ct);
    }

    private static string? Truncate(string? s) => s is { Length: > 512 } ? s[..512] : s;
}
