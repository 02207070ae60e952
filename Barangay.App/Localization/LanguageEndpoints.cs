using System.Security.Claims;
using Barangay.Data;
using Barangay.Data.Localization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Barangay.App.Localization;

/// <summary>
/// The switch on pages that are not interactive (sign-in, registration, the account pages): a small form posts the
/// language here; the cookie keeps it on this device and a signed-in person's account keeps it everywhere.
/// </summary>
public static class LanguageEndpoints
{
    public const string Path = "/language";

    public static void Map(WebApplication app)
    {
        app.MapPost(Path, async ([FromForm] string language, [FromForm] string? returnUrl, HttpContext http, BarangayDb dbs, LanguagePreferences prefs, TimeProvider clock) =>
        {
            var code = AppLanguages.Match(language);
            var back = IsLocal(returnUrl) ? returnUrl! : "/";
            if (code is null) return Results.LocalRedirect(back);
            WriteCookie(http.Response, code, clock.GetUtcNow());
            if (Guid.TryParse(http.User.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var userId))
                await prefs.SaveAsync(dbs, userId, code, http.RequestAborted);
            return Results.LocalRedirect(back);
        }).AllowAnonymous();
    }

    public static void WriteCookie(HttpResponse response, string code, DateTimeOffset now) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieValue(code), new CookieOptions
        {
            Expires = now.AddYears(1),
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
            Path = "/",
        });

    public static string CookieValue(string code) => CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(code));

    /// <summary>"/x" but not "//host" or "/\host" (browsers treat those as another site).</summary>
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
