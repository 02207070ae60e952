using System.Security.Claims;
using Barangay.Data.Accounts;
using Barangay.Data.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Barangay.App.Accounts;

/// <summary>
/// Clicks and typing in an interactive page make no HTTP requests, so the circuit itself reports activity: at
/// most once a minute it moves the session's idle deadline on. An idle tab therefore times out; a busy one does not.
/// </summary>
public sealed class SessionActivityCircuitHandler(AuthenticationStateProvider authState, SessionService sessions, TimeProvider clock) : CircuitHandler
{
    private DateTimeOffset _lastTouch = DateTimeOffset.MinValue;

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            var now = clock.GetUtcNow();
            if (now - _lastTouch >= SessionTimeouts.TouchEvery)
            {
                _lastTouch = now;
                try
                {
                    var user = (await authState.GetAuthenticationStateAsync()).User;
                    if (user.FindFirst(BarangayClaims.SessionId)?.Value is { } token)
                        await sessions.TouchAsync(token, user.FindAll(ClaimTypes.Role).Select(c => c.Value));
                }
                catch (InvalidOperationException)
                {
                    // No authentication state yet (the circuit is starting): nothing to touch.
                }
            }
            await next(context);
        };
}
