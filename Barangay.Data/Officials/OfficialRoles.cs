using Barangay.Data.Accounts;
using Barangay.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Officials;

/// <summary>
/// Keeps <c>users.roles</c> in step with the officials roster: an account holds the <c>official</c> role while any of its
/// official records is active or on leave. When the last one becomes former the role goes, the account keeps its sign-in,
/// and an account left with no role at all gets <c>resident</c>, the role every account starts with. Each change is one
/// PermissionChange audit row in the same SaveChanges; the save also ends the account's open sessions
/// (<see cref="AccountAccessInterceptor"/>), as any change of an official's position or status does.
/// </summary>
public static class OfficialRoles
{
    public static async Task SyncAsync(BarangayDbContext db, Guid userId, Official changed, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return;
        var inOffice = OfficialStatusLabels.InOffice(changed.Status)
                       || await db.Officials.AnyAsync(o => o.UserId == userId && o.Id != changed.Id
                                                           && (o.Status == OfficialStatuses.Active || o.Status == OfficialStatuses.OnLeave), ct);
        var before = user.Roles.ToList();
        var after = before.ToList();
        if (inOffice && !after.Contains(AppRoles.Official)) after.Add(AppRoles.Official);
        if (!inOffice && after.Remove(AppRoles.Official) && after.Count == 0) after.Add(AppRoles.Resident);
        if (after.SequenceEqual(before)) return;

        user.Roles = after;
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        db.Record(AuditActions.PermissionChange, "User", userId.ToString(), new
        {
            user_name = user.UserName,
            reason = inOffice ? "official record in office" : "no official record in office",
            official_id = changed.OfficialId,
            official_status = changed.Status,
            roles = new { old = before, @new = after },
        });
    }
}
