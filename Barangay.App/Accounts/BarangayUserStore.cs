using Barangay.Data;
using Barangay.Data.Accounts;
using Barangay.Data.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Barangay.App.Accounts;

/// <summary>
/// Identity's user store over the <c>users</c> table, with roles served from <c>users.roles</c> (text[]):
/// one source of roles, no second table to keep in sync. Changes made through Identity (password,
/// profile) are audited with the signed-in user as the actor.
/// </summary>
public sealed class BarangayUserStore : UserOnlyStore<User, BarangayDbContext, Guid>, IUserRoleStore<User>
{
    public BarangayUserStore(BarangayDbContext context, IHttpContextAccessor http, IdentityErrorDescriber? describer = null)
        : base(context, describer)
    {
        var h = http.HttpContext;
        if (h is not null && context.Actor is null)
        {
            var id = Guid.TryParse(h.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var g) ? g : (Guid?)null;
            context.Actor = new AuditActor(id, h.User.Identity?.Name, h.Connection.RemoteIpAddress?.ToString(), h.Request.Headers.UserAgent.ToString(), Guid.NewGuid());
        }
    }

    private static string Norm(string role) => role.Trim().ToLowerInvariant();

    public Task AddToRoleAsync(User user, string roleName, CancellationToken cancellationToken)
    {
        var role = Norm(roleName);
        if (!AppRoles.All.Contains(role)) throw new InvalidOperationException($"Unknown role '{roleName}'.");
        if (!user.Roles.Contains(role)) user.Roles = [.. user.Roles, role];
        return Task.CompletedTask;
    }

    public Task RemoveFromRoleAsync(User user, string roleName, CancellationToken cancellationToken)
    {
        var role = Norm(roleName);
        user.Roles = user.Roles.Where(r => r != role).ToList();
        return Task.CompletedTask;
    }

    public Task<IList<string>> GetRolesAsync(User user, CancellationToken cancellationToken) =>
        Task.FromResult<IList<string>>(user.Roles.ToList());

    public Task<bool> IsInRoleAsync(User user, string roleName, CancellationToken cancellationToken) =>
        Task.FromResult(user.Roles.Contains(Norm(roleName)));

    public async Task<IList<User>> GetUsersInRoleAsync(string roleName, CancellationToken cancellationToken)
    {
        var role = Norm(roleName);
        return await Users.Where(u => u.Roles.Contains(role)).ToListAsync(cancellationToken);
    }
}
