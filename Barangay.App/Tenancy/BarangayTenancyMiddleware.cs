using Barangay.Data.Municipality;
using Barangay.Data.Tenancy;

namespace Barangay.App.Tenancy;

/// <summary>
/// Chooses the barangay of each request on a deployment of several: the path prefix <c>/b/{slug}/</c> (local runs and
/// tests; it becomes the PathBase, so Blazor's base href, links, cookies' path and the circuit all live under it), else
/// the host name. Unknown: 404. Suspended: a 503 page saying so. The choice becomes the ambient barangay
/// (<see cref="BarangayAmbient"/>) for everything the request does, and the request scope's <see cref="ICurrentBarangay"/>.
/// </summary>
public sealed class BarangayTenancyMiddleware(RequestDelegate next, IBarangayDirectory directory)
{
    public const string Prefix = "/b";

    /// <summary>The municipal accounts' pages, served on any host of the deployment.</summary>
    public const string MunicipalPath = "/municipality";
    public const string MunicipalScript = "/js/altcha.js";

    /// <summary>The Web Worker that script starts (it solves the proof-of-work off the page's main thread).</summary>
    public const string MunicipalScriptWorker = "/js/altcha-worker.js";

    /// <summary>Remembers the last prefix used in this browser, for the app's root-absolute links (<c>href="/residents"</c>).</summary>
    public const string PathCookie = "barangay.path";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.Equals("/healthz", StringComparison.OrdinalIgnoreCase))
        {
            // No barangay's: the pipeline's own reads (the language default) go to the home database.
            using var home = BarangayAmbient.UseHome();
            await next(context);
            return;
        }

        if (request.Path.StartsWithSegments(MunicipalPath, StringComparison.OrdinalIgnoreCase, out var municipal))
        {
            // The sign-in's proof-of-work scripts are the app's own static files; under this path so no barangay is needed to fetch them.
            if (municipal.Equals(MunicipalScript, StringComparison.OrdinalIgnoreCase) || municipal.Equals(MunicipalScriptWorker, StringComparison.OrdinalIgnoreCase))
            {
                request.PathBase = request.PathBase.Add(new PathString(MunicipalPath));
                request.Path = municipal;
            }
            // The municipality's own pages (Municipality/MunicipalEndpoints): no barangay is chosen, so nothing they do can
            // open a barangay's records; roll-ups open each database by name, counts only. The pipeline's own reads (the
            // language default) go to the home database, as for /healthz; no barangay page is mapped under this path.
            using var home = BarangayAmbient.UseHome();
            await next(context);
            return;
        }

        BarangayListing? barangay;
        if (request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase, out var rest)
            && SlugOf(rest, out var slug, out var remainder))
        {
            barangay = await directory.FindBySlugAsync(slug, context.RequestAborted);
            if (barangay is null)
            {
                await NotFoundAsync(context);
                return;
            }
            if (!remainder.HasValue)
            {
                // "/b/a" → "/b/a/": the base href and every relative link need the trailing slash.
                context.Response.Redirect(request.PathBase + Prefix + "/" + barangay.Slug + "/" + request.QueryString);
                return;
            }
            request.PathBase = request.PathBase.Add(new PathString(Prefix + "/" + barangay.Slug));
            request.Path = remainder;
            if (barangay.IsActive)
            {
                context.Response.Cookies.Append(PathCookie, barangay.Slug,
                    new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = request.IsHttps, IsEssential = true });
            }
        }
        else
        {
            barangay = await directory.FindByHostAsync(request.Host.Host, context.RequestAborted);
            if (barangay is null)
            {
                if (request.Cookies[PathCookie] is { Length: > 0 } last && await directory.FindBySlugAsync(last, context.RequestAborted) is { } remembered)
                {
                    // A root-absolute link followed from a prefixed page: back under the same prefix.
                    var target = request.PathBase + Prefix + "/" + remembered.Slug + request.Path + request.QueryString;
                    context.Response.Redirect(target, permanent: false, preserveMethod: !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method));
                    return;
                }
                await NotFoundAsync(context);
                return;
            }
        }

        if (!barangay.IsActive)
        {
            await SuspendedAsync(context, barangay);
            return;
        }
        using var scope = BarangayAmbient.Use(barangay);
        context.RequestServices.GetService<ICurrentBarangay>()?.Set(barangay);
        await next(context);
    }

    private static bool SlugOf(PathString rest, out string slug, out PathString remainder)
    {
        slug = "";
        remainder = default;
        var value = rest.Value;
        if (string.IsNullOrEmpty(value) || value.Length < 2) return false;
        var end = value.IndexOf('/', 1);
        slug = end < 0 ? value[1..] : value[1..end];
        if (end >= 0) remainder = new PathString(value[end..]);
        return slug.Length > 0;
    }

    private static Task NotFoundAsync(HttpContext context) => TenancyPages.NotFoundAsync(context);

    private static Task SuspendedAsync(HttpContext context, BarangayListing barangay) => TenancyPages.SuspendedAsync(context, barangay.Name);
}
