using System.Security.Claims;
using Barangay.Data;
using Barangay.Data.Accounts;
using Barangay.Data.Officials;
using Barangay.Data.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Barangay.App.Accounts;

/// <summary>Puts roles, the official's position and the resulting permissions on the signed-in principal.</summary>
public sealed class BarangayClaimsFactory(UserManager<User> users, IOptions<IdentityOptions> options, IDbContextFactory<BarangayDbContext> factory)
    : UserClaimsPrincipalFactory<User>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        await using var db = await factory.CreateDbContextAsync();
        var position = await db.Officials.AsNoTracking()
            .Where(o => o.UserId == user.Id && o.Status == OfficialStatuses.Active)
            .Select(o => o.Position).FirstOrDefaultAsync();
        var residentId = await db.Residents.AsNoTracking().Where(r => r.UserId == user.Id).Select(r => (Guid?)r.Id).FirstOrDefaultAsync();

        identity.AddClaim(new Claim(BarangayClaims.FullName, user.FullName));
        foreach (var role in user.Roles) identity.AddClaim(new Claim(ClaimTypes.Role, role));
        if (position is not null) identity.AddClaim(new Claim(BarangayClaims.Position, position));
        if (residentId is not null) identity.AddClaim(new Claim(BarangayClaims.ResidentId, residentId.Value.ToString()));
        foreach (var p in RolePermissions.For(user.Roles, position)) identity.AddClaim(new Claim(Permissions.ClaimType, p));
        return identity;
    }
}
