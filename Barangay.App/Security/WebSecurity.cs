using Barangay.Data.Common;
using Microsoft.AspNetCore.CookiePolicy;

namespace Barangay.App.Security;

/// <summary>
/// How the app meets the network: its public address and hosts (<see cref="PublicAddress"/>), which proxies may
/// tell it the client's address and scheme (<see cref="TrustedProxies"/>), secure cookies and HSTS, and the
/// headers every response carries (<see cref="SecurityHeaders"/>).
/// </summary>
public static class WebSecurity
{
    public static WebApplicationBuilder AddWebSecurity(this WebApplicationBuilder b)
    {
        b.AddPublicAddress();
        b.AddTrustedProxies();
        b.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false; // a municipality's other sites under the same domain are not ours to pin
        });
        return b;
    }

    /// <summary>
    /// After the exception handler, so an error page (a re-execution of the pipeline after it) carries them too.
    /// Every cookie is Secure on an HTTPS request (as the trusted proxy reports it), and always when the public
    /// address is https, so a proxy that forgets X-Forwarded-Proto still cannot make a cookie travel in clear.
    /// </summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        // Read here, not through PublicLinks: one-shot commands build the app without serving it or configuring an address.
        var publicUrl = app.Configuration[PublicLinks.ConfigKey]?.Trim();
        var publicHttps = PublicLinks.Problem(publicUrl) is null && new Uri(publicUrl!).Scheme == Uri.UriSchemeHttps;
        app.UseCookiePolicy(new CookiePolicyOptions
        {
            Secure = publicHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest,
            HttpOnly = HttpOnlyPolicy.None, // each cookie's own setting (the antiforgery and auth cookies are HttpOnly already)
        });
        if (app.Environment.IsProduction()) app.UseHsts();
        app.UseMiddleware<SecurityHeaders>();
        return app;
    }
}
