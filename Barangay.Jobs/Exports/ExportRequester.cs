using Barangay.Data;
using Barangay.Data.Accounts;
using Barangay.Data.Officials;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Jobs.Exports;

/// <summary>
/// The job's caller: the requester's roles and active position as they are when the job runs, mapped through
/// <see cref="RolePermissions"/> exactly as the sign-in does. A disabled or deleted account can do nothing.
/// </summary>
public static class ExportRequester
{
    public static async Task<Caller> LoadAsync(BarangayDbContext db, Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.Status == UserStatuses.Active)
            .Select(u => new { u.FullName, u.Roles }).FirstOrDefaultAsync(ct);
        if (user is null) return Caller.Anonymous;
        var position = await db.Officials.AsNoTracking().Where(o => o.UserId == userId && o.Status == OfficialStatuses.Active)
            .Select(o => o.Position).FirstOrDefaultAsync(ct);
        return new Caller(userId, user.FullName, user.Roles, RolePermissions.For(user.Roles, position), null, null, Guid.NewGuid());
    }
}
