using Barangay.Data.Accounts.Throttling;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Municipality;

/// <summary>
/// The <see cref="PasswordGate"/>'s failure store for municipal accounts: they live in the municipality database and
/// belong to no barangay, so their failures are <c>municipal_audit_logs</c> rows (action <see cref="SignInFailed"/>,
/// target the name as typed), counted over the gate's own window by name and by address, as a barangay counts its
/// <c>failed_logins</c>. The audit table has no user-agent column; the browser is not kept.
/// </summary>
public sealed class MunicipalPasswordFailures(IDbContextFactory<MunicipalityDbContext> factory, TimeProvider clock) : IPasswordFailures
{
    public const string SignInFailed = "LoginFailed";
    public const string Paused = "Lockout";
    private const int MaxTarget = 160; // municipal_audit_logs.target

    public async Task<SignInThrottle.Counts> CountAsync(string? account, string? ip, CancellationToken ct = default)
    {
        var since = clock.GetUtcNow().UtcDateTime - SignInThrottle.Window;
        var name = SignInThrottle.Key(account);
        await using var db = await factory.CreateDbContextAsync(ct);
        var recent = db.Audit.AsNoTracking().Where(a => a.Action == SignInFailed && a.Timestamp > since);
        var user = name.Length is 0 or > MaxTarget ? 0 : await recent.CountAsync(a => a.Target == name, ct);
        var byIp = string.IsNullOrEmpty(ip) ? 0 : await recent.CountAsync(a => a.IpAddress == ip, ct);
        return new SignInThrottle.Counts(user, byIp);
    }

    public Task RecordFailureAsync(string? account, Guid? userId, string reason, string? ip, string? userAgent, CancellationToken ct = default) =>
        AddAsync(SignInFailed, account, userId, new { reason }, ip, ct);

    public Task RecordPauseAsync(Guid userId, string? account, string? ip, string? userAgent, CancellationToken ct = default) =>
        AddAsync(Paused, account, userId, new { minutes = (int)SignInThrottle.Window.TotalMinutes }, ip, ct);

    private async Task AddAsync(string action, string? account, Guid? userId, object details, string? ip, CancellationToken ct)
    {
        var target = account is { Length: > 0 and <= MaxTarget } ? account : null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var entry = MunicipalAudit.Entry(clock, target ?? "(no name)", userId, action, target, details);
        entry.IpAddress = ip is { Length: > 64 } ? ip[..64] : ip;
        db.Audit.Add(entry);
        await db.SaveChangesAsync(ct);
    }
}
