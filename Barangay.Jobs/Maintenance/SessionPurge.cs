using Barangay.Data;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Jobs.Maintenance;

/// <summary>
/// Removes revoked or expired <c>sessions</c> and <c>failed_logins</c> older than the rate-limit window.
/// On CockroachDB row-level TTL does the same; on PostgreSQL this runs on a schedule.
/// </summary>
public sealed class SessionPurge(IDbContextFactory<BarangayDbContext> factory, TimeProvider clock)
{
    public static readonly TimeSpan FailedLoginWindow = TimeSpan.FromDays(1);

    public async Task<(int Sessions, int FailedLogins)> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        var sessions = await db.Sessions.Where(s => s.Revoked || s.ExpiresAt < now).ExecuteDeleteAsync(ct);
        var cutoff = now - FailedLoginWindow;
        var failed = await db.FailedLogins.Where(f => f.AttemptedAt < cutoff).ExecuteDeleteAsync(ct);
        return (sessions, failed);
    }
}
