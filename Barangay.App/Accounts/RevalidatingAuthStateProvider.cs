using System.Security.Claims;
using Barangay.Data.Accounts;
using Barangay.Data.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Barangay.App.Accounts;

/// <summary>
/// A circuit outlives its cookie check, so every minute it asks whether the session is still open and the
/// account's security stamp unchanged; a revoked session, a password change or a disabled account ends the
/// signed-in state of open pages within that minute.
/// </summary>
public sealed class RevalidatingAuthStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IConfiguration config)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    /// <summary>
    /// 55 s, not a minute: with the batcher's gathering (2 s) and its query, a revoked session's open page ends within 60 s.
    /// <c>Sessions:RevalidationSeconds</c> may shorten it (tests do), never lengthen it past that minute.
    /// </summary>
    public const int DefaultRevalidationSeconds = 55;

    protected override TimeSpan RevalidationInterval { get; } =
        TimeSpan.FromSeconds(Math.Clamp(config.GetValue("Sessions:RevalidationSeconds", DefaultRevalidationSeconds), 1, DefaultRevalidationSeconds));

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var token = authenticationState.User.FindFirst(BarangayClaims.SessionId)?.Value;
        if (token is null) return authenticationState.User.Identity?.IsAuthenticated != true;
        await using var scope = scopes.CreateAsyncScope();
        var batcher = scope.ServiceProvider.GetRequiredService<SessionRevalidationBatcher>();
        var stamp = authenticationState.User.FindFirst(StampClaim)?.Value;
        return await batcher.ValidateAsync(token, stamp, cancellationToken);
    }

    /// <summary>Identity's default claim type for the security stamp (IdentityOptions.ClaimsIdentity.SecurityStampClaimType).</summary>
    public const string StampClaim = "AspNet.Identity.SecurityStamp";

    public static Guid? UserId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var g) ? g : null;
}
