using Barangay.Data.Accounts;
using Barangay.Data.Security;

namespace Barangay.Bench.Infrastructure;

/// <summary>
/// The bench calling a service as the barangay secretary would: an official with the Secretary position's
/// permissions (so <see cref="Permissions.Residents.View"/>), exactly as the app maps them.
/// </summary>
internal sealed class OfficialCaller : ICurrentUser
{
    public static readonly Caller Secretary = Caller.Anonymous with
    {
        UserId = Guid.NewGuid(),
        Name = "bench secretary",
        Roles = [AppRoles.Official],
        Permissions = RolePermissions.For([AppRoles.Official], OfficialPositions.Secretary),
        CorrelationId = Guid.NewGuid(),
    };

    public Task<Caller> GetAsync(CancellationToken ct = default) => Task.FromResult(Secretary);
}
