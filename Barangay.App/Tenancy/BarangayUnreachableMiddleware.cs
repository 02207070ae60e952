using Barangay.Data.Tenancy;

namespace Barangay.App.Tenancy;

/// <summary>
/// A barangay whose database does not answer says so on its own pages (a 503 in plain words, <see cref="TenancyPages"/>)
/// instead of the generic error page; the other barangays' requests never pass its database, so they keep working.
/// Inside the exception handler and after the security headers, so it sees the page's exception first and its answer
/// carries the headers. Only for a request with a barangay chosen and a response not yet started. While the barangay is
/// marked down (<see cref="BarangayOutages"/>) its requests get the page at once.
/// </summary>
public sealed class BarangayUnreachableMiddleware(RequestDelegate next, BarangayOutages outages, ILogger<BarangayUnreachableMiddleware> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (BarangayAmbient.Current is { } current && await outages.StillDownAsync(current, context.RequestAborted))
        {
            await TenancyPages.UnreachableAsync(context, current.Name);
            return;
        }
        try
        {
            await next(context);
        }
        catch (Exception ex) when (BarangayAmbient.Current is { } barangay && DatabaseUnreachable.Is(ex) && !context.Response.HasStarted)
        {
            if (!outages.IsMarked(barangay)) log.LogWarning(ex, "Barangay {Slug}'s database cannot be reached: its pages answer 503 until it does", barangay.Slug);
            outages.MarkDown(barangay);
            context.Response.Clear();
            await TenancyPages.UnreachableAsync(context, barangay.Name);
        }
    }
}
