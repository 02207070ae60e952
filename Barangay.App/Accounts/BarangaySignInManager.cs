using Barangay.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Barangay.App.Accounts;

/// <summary>Refuses sign-in to accounts that are disabled or still pending review, whatever page signs them in.</summary>
public sealed class BarangaySignInManager(
    UserManager<User> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<User> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<User>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<User> confirmation,
    SessionService sessions)
    : SignInManager<User>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(User user) =>
        user.Status == UserStatuses.Active && user.DeletedAt is null && await base.CanSignInAsync(user);

    public override async Task SignOutAsync()
    {
        var http = Context;
        var token = http.User.FindFirst(Barangay.Data.Security.BarangayClaims.SessionId)?.Value;
        if (token is not null)
        {
            var id = Guid.TryParse(UserManager.GetUserId(http.User), out var g) ? g : (Guid?)null;
            await sessions.EndAsync(token, id, http.User.Identity?.Name, http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString());
        }
        await base.SignOutAsync();
    }
}
