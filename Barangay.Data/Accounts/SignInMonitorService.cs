using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Accounts;

public sealed record SuspiciousAddress(string IpAddress, int Failures, int Names, DateTime LastAttempt);

public sealed record SuspiciousAccount(string UserName, int Failures, int Addresses, DateTime LastAttempt, bool Exists, bool LockedOut);

/// <summary>The worst addresses and accounts first, and how many there are in all (the lists stop at what was asked for).</summary>
public sealed record SuspiciousActivity(IReadOnlyList<SuspiciousAddress> Addresses, IReadOnlyList<SuspiciousAccount> Accounts, DateTime Since, int AddressTotal = 0, int AccountTotal = 0);

/// <summary>The admins' "suspicious activity": many failed sign-ins from one address, or against one account, in the last 24 hours.</summary>
public sealed class SignInMonitorService(BarangayDb dbs, TimeProvider clock)
{
    public const int Threshold = 5;
    public const int PageSize = 50;

    /// <summary>
    /// The <paramref name="addresses"/> addresses and <paramref name="accounts"/> accounts with the most failures, with
    /// the totals, so the page says how many more there are and can ask for them (it used to stop at 50 silently).
    /// </summary>
    public async Task<SuspiciousActivity?> GetAsync(int addresses = PageSize, int accounts = PageSize, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Users.Manage)) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddHours(-24);
        var recent = db.FailedLogins.AsNoTracking().Where(f => f.AttemptedAt > since);
        var byAddress = recent.Where(f => f.IpAddress != null).GroupBy(f => f.IpAddress!)
            .Select(g => new { Ip = g.Key, Failures = g.Count(), Names = g.Select(f => f.Username).Distinct().Count(), Last = g.Max(f => f.AttemptedAt) })
            .Where(x => x.Failures >= Threshold);
        var byAccount = recent.Where(f => f.Username != null).GroupBy(f => f.Username!)
            .Select(g => new { Name = g.Key, Failures = g.Count(), Ips = g.Select(f => f.IpAddress).Distinct().Count(), Last = g.Max(f => f.AttemptedAt) })
            .Where(x => x.Failures >= Threshold);
        var addressTotal = await byAddress.CountAsync(ct);
        var accountTotal = await byAccount.CountAsync(ct);
        var addressRows = await byAddress.OrderByDescending(x => x.Failures).ThenBy(x => x.Ip).Take(Math.Clamp(addresses, 1, 10_000)).ToListAsync(ct);
        var accountRows = await byAccount.OrderByDescending(x => x.Failures).ThenBy(x => x.Name).Take(Math.Clamp(accounts, 1, 10_000)).ToListAsync(ct);
        var names = accountRows.Select(a => a.Name.ToUpperInvariant()).ToList();
        // Identity (.NET 10) sets and checks LockoutEnd on the system clock, not on a TimeProvider: compare on that clock.
        var identityNow = DateTimeOffset.UtcNow;
        var known = await db.Users.AsNoTracking().Where(u => names.Contains(u.NormalizedUserName!))
            .Select(u => new { u.NormalizedUserName, Locked = u.LockoutEnd != null && u.LockoutEnd > identityNow }).ToListAsync(ct);
        return new SuspiciousActivity(
            addressRows.Select(a => new SuspiciousAddress(a.Ip, a.Failures, a.Names, a.Last)).ToList(),
            accountRows.Select(a =>
            {
                var k = known.FirstOrDefault(x => x.NormalizedUserName == a.Name.ToUpperInvariant());
                return new SuspiciousAccount(a.Name, a.Failures, a.Ips, a.Last, k is not null, k?.Locked == true);
            }).ToList(),
            since, addressTotal, accountTotal);
    }
}
