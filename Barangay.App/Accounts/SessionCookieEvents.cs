using System.Security.Claims;
using Barangay.Data.Accounts;
using Barangay.Data.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Barangay.App.Accounts;

/// <summary>Ties Identity's cookie to a server-side <c>sessions</c> row: created at sign-in, checked on every request.</summary>
public static class SessionCookieEvents
{
    public static void Attach(CookieAuthenticationOptions o)
    {
        o.Events.OnSigningIn = OnSigningInAsync;
        o.Events.OnValidatePrincipal = OnValidatePrincipalAsync;
    }

    private static async Task OnSigningInAsync(CookieSigningInContext ctx)
    {
        if (ctx.Principal?.Identity is not ClaimsIdentity identity) return;
        var userId = identity.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        if (!Guid.TryParse(userId, out var id)) return;
        // A refresh of the same user's cookie (profile or password change) keeps the session it already has.
        var current = ctx.HttpContext.User;
        var existing = current.FindFirst(BarangayClaims.SessionId)?.Value;
        if (existing is not null && current.FindFirst(ClaimTypes.NameIdentifier)?.Value == userId)
        {
            identity.AddClaim(new Claim(BarangayClaims.SessionId, existing));
            return;
        }
        var sessions = ctx.HttpContext.RequestServices.GetRequiredService<SessionService>();
        var token = await sessions.StartAsync(id, ctx.HttpContext.Connection.RemoteIpAddress?.ToString(), ctx.HttpContext.Request.Headers.UserAgent.ToString());
        identity.AddClaim(new Claim(BarangayClaims.SessionId, token));
    }

    private static async Task OnValidatePrincipalAsync(CookieValidatePrincipalContext ctx)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(ctx);
        if (ctx.Principal is null) return;
        var token = ctx.Principal.FindFirst(BarangayClaims.SessionId)?.Value;
        var sessions = ctx.HttpContext.RequestServices.GetRequiredService<SessionService>();
        var stamp = ctx.Principal.FindFirst(RevalidatingAuthStateProvider.StampClaim)?.Value;
        if (token is null || !await sessions.ValidateAsync(token, stamp, ctx.HttpContext.RequestAborted))
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        // A request is activity: the idle deadline moves on (at most once a minute).
        await sessions.TouchAsync(token, ctx.Principal.FindAll(ClaimTypes.Role).Select(c => c.Value), ctx.HttpContext.RequestAborted);
    }

    /// <summary>When Identity rebuilds the principal (security stamp check), keep the session claim.</summary>
    public static Task KeepSessionClaim(SecurityStampRefreshingPrincipalContext ctx)
    {
        var sid = ctx.CurrentPrincipal?.FindFirst(BarangayClaims.SessionId);
        if (sid is not null && ctx.NewPrincipal?.Identity is ClaimsIdentity id) id.AddClaim(new Claim(BarangayClaims.SessionId, sid.Value));
        return Task.CompletedTask;
    }
}
