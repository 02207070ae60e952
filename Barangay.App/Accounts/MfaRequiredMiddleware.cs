using System.Security.Claims;
using Barangay.Data;
using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.App.Accounts;

/// <summary>
/// While "MFA required for admins" is on, an admin without an authenticator app is sent to set one up before
/// anything else: every page answers with a redirect to the set-up page (sign-out, the set-up pages and static
/// files excepted). Only admins' requests cost a look-up.
/// </summary>
public sealed class MfaRequiredMiddleware(RequestDelegate next)
{
    public const string SetupPath = "/Identity/Account/Manage/EnableAuthenticator";

    private static readonly string[] Allowed =
    [
        SetupPath, "/Identity/Account/Manage/ShowRecoveryCodes", "/Identity/Account/Logout", "/Identity/Account/Login",
        "/Identity/lib", "/_framework", "/_content", "/_blazor", "/healthz", "/error", "/not-found", "/forbidden",
    ];

    public async Task InvokeAsync(HttpContext context, IDbContextFactory<BarangayDbContext> factory)
    {
        if (context.User.IsInRole(AppRoles.Admin) && !IsAllowed(context) && await MustSetUpAsync(context.User, factory, context.RequestAborted))
        {
            context.Response.Redirect(SetupPath + "?required=true");
            return;
        }
        await next(context);
    }

    /// <summary>
    /// The set-up pages, the framework's files, and static files. An address with an extension counts as a static file
    /// only when no authorization guards it: the blotter, KP forms, household records, reports and attendee lists end in
    /// .pdf, .xlsx or .csv too, and a password alone must not fetch them before the authenticator is set up.
    /// </summary>
    private static bool IsAllowed(HttpContext context)
    {
        var path = context.Request.Path;
        if (Allowed.Any(a => path.StartsWithSegments(a, StringComparison.OrdinalIgnoreCase))) return true;
        return Path.HasExtension(path.Value) && context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>() is null;
    }

    private static async Task<bool> MustSetUpAsync(ClaimsPrincipal user, IDbContextFactory<BarangayDbContext> factory, CancellationToken ct)
    {
        if (!Guid.TryParse(user.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var id)) return false;
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await MfaPolicy.RequiredForAdminsAsync(db, ct)) return false;
        return !await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).FirstOrDefaultAsync(ct);
    }
}
