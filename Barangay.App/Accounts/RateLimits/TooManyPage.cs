using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;

namespace Barangay.App.Accounts.RateLimits;

/// <summary>The answer to a refused request: 429, Retry-After, and a short page in plain words (no scripts, no user text).</summary>
public static class TooManyPage
{
    public const string Heading = "Too many emails asked for";

    public static async ValueTask WriteAsync(HttpContext ctx, RateLimitLease lease, CancellationToken ct)
    {
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromMinutes(15);
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        ctx.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        ctx.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        ctx.Response.ContentType = "text/html; charset=utf-8";
        var when = minutes == 1 ? "a minute" : $"{minutes} minutes";
        await ctx.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Heading}</title></head>
            <body>
            <main>
            <h1>{Heading}</h1>
            <p data-testid="too-many">This sends an email, and it was asked for too many times in a short while, from here or for the same address.
            To protect everyone's inbox, please wait about {WebUtility.HtmlEncode(when)} and try again. Check your email (and its spam folder) first: what you asked for may already be there.</p>
            <p><a href="/Identity/Account/Login">Back to sign in</a></p>
            </main>
            </body></html>
            """, ct);
    }
}
