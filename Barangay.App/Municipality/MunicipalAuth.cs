using System.Security.Claims;
using Barangay.Data.Municipality;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace Barangay.App.Municipality;

/// <summary>
/// Municipal accounts sign in with a cookie scheme of their own, scoped to <c>/municipality</c>: the barangay pages
/// authenticate with Identity's scheme only, so a municipal cookie opens no barangay page (no resident record is
/// reachable with it), and a barangay official's cookie opens no municipal page.
/// </summary>
public static class MunicipalAuth
{
    public const string Scheme = "Municipal";
    public const string Policy = "Municipal";
    public const string AdminPolicy = "MunicipalAdmin";
    public const string AccountClaim = "municipal_account";
    public const string RoleClaim = "municipal_role";
    public const string PasswordStampClaim = "municipal_password_stamp";
    public const string CookieName = "municipality.auth";

    public static void AddMunicipalAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication().AddCookie(Scheme, o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.Path = "/municipality";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/municipality/sign-in";
            o.AccessDeniedPath = "/municipality/forbidden";
            // A suspended account is signed out at its next request, and so is one whose role or password is no longer the
            // one its cookie carries: every role change and every new password ends the open sessions.
            o.Events.OnValidatePrincipal = async ctx =>
            {
                if (!Guid.TryParse(ctx.Principal?.FindFirstValue(AccountClaim), out var id)
                    || await ctx.HttpContext.RequestServices.GetRequiredService<MunicipalAccounts>().FindAsync(id) is not { } account
                    || account.Role != ctx.Principal!.FindFirstValue(RoleClaim)
                    || account.PasswordStamp != ctx.Principal!.FindFirstValue(PasswordStampClaim))
                {
                    ctx.RejectPrincipal();
                    await ctx.HttpContext.SignOutAsync(Scheme);
                }
            };
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireClaim(AccountClaim))
            .AddPolicy(AdminPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireClaim(AccountClaim).RequireClaim(RoleClaim, MunicipalRoles.Admin));
    }

    public static ClaimsPrincipal Principal(MunicipalCaller c) => new(new ClaimsIdentity(
    [
        new Claim(AccountClaim, c.AccountId.ToString()), new Claim(ClaimTypes.Name, c.UserName), new Claim(RoleClaim, c.Role),
        new Claim("municipal_name", c.FullName), new Claim("municipal_office", c.Office), new Claim(PasswordStampClaim, c.PasswordStamp),
    ], Scheme));

    public static MunicipalCaller Caller(ClaimsPrincipal p) => new(Guid.Parse(p.FindFirstValue(AccountClaim)!), p.FindFirstValue(ClaimTypes.Name) ?? "",
        p.FindFirstValue("municipal_name") ?? "", p.FindFirstValue("municipal_office") ?? "", p.FindFirstValue(RoleClaim) ?? "", p.FindFirstValue(PasswordStampClaim) ?? "");
}
