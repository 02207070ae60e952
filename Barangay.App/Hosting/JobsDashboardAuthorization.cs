using Barangay.Data.Security;
using Hangfire.Dashboard;

namespace Barangay.App.Hosting;

/// <summary>The Hangfire dashboard opens only for a signed-in user holding <see cref="Permissions.Jobs.Dashboard"/> (admins).</summary>
public sealed class JobsDashboardAuthorization : IDashboardAsyncAuthorizationFilter
{
    public Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        var allowed = user.Identity?.IsAuthenticated == true && user.HasClaim(Permissions.ClaimType, Permissions.Jobs.Dashboard);
        return Task.FromResult(allowed);
    }
}
