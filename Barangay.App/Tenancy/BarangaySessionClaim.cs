using System.Security.Claims;
using Barangay.Data.Accounts;
using Barangay.Data.Tenancy;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Barangay.App.Tenancy;

/// <summary>
/// A session belongs to exactly one barangay: the principal carries the barangay's id (<see cref="ClaimType"/>), and a
/// cookie whose claim is not the current barangay's is refused. The Data Protection key ring is shared by all the
/// barangays, so another barangay could decrypt the cookie: this check, not the encryption, is what refuses it.
/// </summary>
public static class BarangaySessionClaim
{
    public const string ClaimType = "barangay_id";

    /// <summary>The same cookie on the same barangay: true; another barangay, or no claim on a deployment of several: false.</summary>
    public static bool Matches(ClaimsPrincipal? principal) =>
        BarangayAmbient.Current is not { } current || principal?.FindFirst(ClaimType)?.Value == current.Id.ToString();

    /// <summary>Runs before the session check (SessionCookieEvents), which would otherwise look the session up in this barangay's database.</summary>
    public static void Attach(CookieAuthenticationOptions options)
    {
        options.Events ??= new CookieAuthenticationEvents();
        var inner = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            if (!Matches(context.Principal))
            {
                context.RejectPrincipal();
                return;
            }
            await inner(context);
        };
    }
}

/// <summary>Adds the barangay claim to every principal Identity makes (sign-in and the security stamp's refresh alike).</summary>
public sealed class BarangayClaimStamp(IUserClaimsPrincipalFactory<User> inner) : IUserClaimsPrincipalFactory<User>
{
    public async Task<ClaimsPrincipal> CreateAsync(User user)
    {
        var principal = await inner.CreateAsync(user);
        if (BarangayAmbient.Current is { } barangay && principal.Identity is ClaimsIdentity identity)
            identity.AddClaim(new Claim(BarangaySessionClaim.ClaimType, barangay.Id.ToString()));
        return principal;
    }
}
