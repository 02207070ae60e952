using System.Net;
using Barangay.App.Security;

namespace Barangay.App.Tenancy;

/// <summary>
/// The plain pages the tenancy answers with when no barangay page can run: no barangay at this address (404), a
/// suspended barangay and a barangay whose records cannot be reached (503). Written outside the app's layout (which
/// reads the barangay's database), in English and Filipino, with the app's security headers (they are written before
/// <see cref="SecurityHeaders"/> runs, or after the exception that cleared the response's headers).
/// </summary>
public static class TenancyPages
{
    public static Task NotFoundAsync(HttpContext context)
    {
        Prepare(context, StatusCodes.Status404NotFound);
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("No barangay is served at this address.");
    }

    public static Task SuspendedAsync(HttpContext context, string barangayName) =>
        PageAsync(context, barangayName, "suspended", $"{Full(barangayName)} is suspended",
            "This barangay's online services are suspended by the municipality. Its records are kept safe. Please visit or call the barangay hall.",
            $"Pansamantalang itinigil ng munisipyo ang mga serbisyong online ng {Full(barangayName)}. Ligtas ang mga talaan nito. Pumunta o tumawag po sa barangay hall.");

    /// <summary>The barangay's database does not answer: say so in plain words, on its own address only.</summary>
    public static Task UnreachableAsync(HttpContext context, string barangayName)
    {
        context.Response.Headers.RetryAfter = "60";
        return PageAsync(context, barangayName, "records unreachable", $"{Full(barangayName)}: records cannot be reached right now",
            "The barangay's records are kept on a server that is not answering at the moment. Nothing you sent was lost or changed. Please try again in a few minutes; for something urgent, visit or call the barangay hall.",
            $"Hindi maabot ngayon ang server ng mga talaan ng {Full(barangayName)}. Walang nawala o nabago sa ipinadala ninyo. Subukan po ulit pagkalipas ng ilang minuto; kung madalian, pumunta o tumawag sa barangay hall.");
    }

    private static Task PageAsync(HttpContext context, string barangayName, string titleState, string heading, string english, string filipino)
    {
        Prepare(context, StatusCodes.Status503ServiceUnavailable);
        context.Response.ContentType = "text/html; charset=utf-8";
        var name = WebUtility.HtmlEncode(Full(barangayName));
        return context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{name}: {titleState}</title></head>
            <body><main><h1>{WebUtility.HtmlEncode(heading)}</h1>
            <p>{WebUtility.HtmlEncode(english)}</p>
            <p lang="fil">{WebUtility.HtmlEncode(filipino)}</p></main></body></html>
            """);
    }

    /// <summary>"Poblacion" → "Barangay Poblacion"; a name that already says so is kept.</summary>
    private static string Full(string name) => name.StartsWith("Barangay ", StringComparison.OrdinalIgnoreCase) ? name : "Barangay " + name;

    private static void Prepare(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        SecurityHeaders.Apply(context);
        context.Response.Headers.CacheControl = "no-store";
    }
}
