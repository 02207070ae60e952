using Barangay.Data.Documents;
using Barangay.Data.Localization;
using Barangay.Data.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Barangay.App.Charter;

/// <summary>
/// The Citizen's Charter (RA 11032 §6), public: <c>GET /charter</c> rendered on the server as a plain page (no Blazor
/// circuit, so it opens on any phone and prints cleanly) and <c>GET /charter.pdf</c>, the A3 poster for the hall's
/// entrance. Both are generated from the document types and the officials on each request, so they follow the settings.
/// The page is worded in the reader's language (request localization sets the culture: her choice, else her browser's);
/// the poster in the barangay's report language, since it hangs at the hall for everyone (issue 26).
/// </summary>
public static class CharterEndpoints
{
    public static IEndpointRouteBuilder MapCharter(this IEndpointRouteBuilder app)
    {
        app.MapGet("/charter", async (CitizensCharterService charter, CancellationToken ct) =>
            new RazorComponentResult<CharterView>(new { Charter = await charter.GetAsync(PrintLanguage.Of(AppLanguages.Current.Name), ct) }))
            .AllowAnonymous();
        app.MapGet("/charter.pdf", async (CitizensCharterService charter, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            var pdf = CharterPdf.Render(await charter.PosterAsync(ct), clock.GetUtcNow().UtcDateTime);
            http.Response.Headers.ContentDisposition = "inline; filename=\"citizens-charter.pdf\"";
            return Results.Bytes(pdf, "application/pdf");
        }).AllowAnonymous();
        return app;
    }

    public static IServiceCollection AddCharter(this IServiceCollection services) => services.AddSingleton<CitizensCharterService>();
}
