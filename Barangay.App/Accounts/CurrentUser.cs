using System.Security.Claims;
using Barangay.Data.Security;
using Microsoft.AspNetCore.Components.Authorization;

namespace Barangay.App.Accounts;

/// <summary>
/// The caller for services: the circuit's authentication state in interactive components, the request's
/// principal in endpoints and account pages. IP and user agent come from the connection.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authState, IHttpContextAccessor http) : ICurrentUser
{
    private readonly Guid _correlationId = Guid.NewGuid();

    public async Task<Caller> GetAsync(CancellationToken ct = default)
    {
        ClaimsPrincipal principal;
        try
        {
            principal = (await authState.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            // Outside a component render (an endpoint, a Razor Page) the provider has no state; use the request's.
            principal = http.HttpContext?.User ?? new ClaimsPrincipal();
        }
        return FromPrincipal(principal, http.HttpContext, _correlationId);
    }

    public static Caller FromPrincipal(ClaimsPrincipal principal, HttpContext? context, Guid correlationId)
    {
        if (principal.Identity?.IsAuthenticated != true) return Caller.Anonymous with { CorrelationId = correlationId };
        var id = Guid.TryParse(principal.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var g) ? g : (Guid?)null;
        var permissions = principal.FindAll(Permissions.ClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        var ua = context?.Request.Headers.UserAgent.ToString();
        return new Caller(id, principal.Identity.Name, roles, permissions, context?.Connection.RemoteIpAddress?.ToString(),
            ua is { Length: > 512 } ? ua[..512] : ua, correlationId);
    }
}
