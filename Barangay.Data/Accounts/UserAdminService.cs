using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Accounts;

/// <summary>The admins' list of accounts. Anyone without <see cref="Permissions.Users.Manage"/> gets an empty page.</summary>
public sealed partial class UserAdminService(BarangayDb dbs)
{
    public async Task<Page<UserRow>> ListAsync(UserFilter filter, int page, int size, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Users.Manage)) return new Page<UserRow>([], 0);
        size = Math.Clamp(size, 1, 200);
        var q = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var s = $"%{filter.Search.Trim()}%";
            q = q.Where(u => EF.Functions.ILike(u.UserName!, s) || EF.Functions.ILike(u.FullName, s) || EF.Functions.ILike(u.Email ?? "", s));
        }
        if (!string.IsNullOrWhiteSpace(filter.Role)) q = q.Where(u => u.Roles.Contains(filter.Role));
        if (!string.IsNullOrWhiteSpace(filter.Status)) q = q.Where(u => u.Status == filter.Status);
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(u => u.UserName).Skip(Math.Max(0, page) * size).Take(size)
            .Select(u => new UserRow(u.Id, u.UserName!, u.FullName, u.Email, u.Roles, u.Status, u.LastLoginAt, u.TwoFactorEnabled))
            .ToListAsync(ct);
        return new Page<UserRow>(items, total);
    }
}
