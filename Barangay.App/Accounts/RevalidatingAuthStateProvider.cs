using System.Security.Claims;
using Barangay.Data.Accounts;
using Barangay.Data.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Barangay.App.Accounts;

/// <summary>
/// A circuit outlives its cookie check, so every minute it asks whether the session is still open;
/// a revoked session or a disabled account ends the signed-in state of open pages too.
/// </summary>
public sealed class RevalidatingAuthStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var token = authenticationState.User.FindFirst(BarangayClaims.SessionId)?.Value;
        if (token is null) return authenticationState.User.Identity?.IsAuthenticated != true;
        await using var scope = scopes.CreateAsyncScope();
        var sessions = scope.ServiceProvider.GetRequiredService<SessionService>();
        return await sessions.IsActiveAsync(token, cancellationToken);
    }

    public static Guid? UserId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var g) ? g : null;
}
