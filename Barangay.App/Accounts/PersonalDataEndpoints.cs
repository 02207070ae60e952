using Barangay.Data.Accounts.Privacy;

namespace Barangay.App.Accounts;

/// <summary>"Download my data": the signed-in person's own JSON file. The address takes no id: it is always one's own.</summary>
public static class PersonalDataEndpoints
{
    public const string Path = "/me/my-data";

    public static void MapPersonalData(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, async (PersonalDataService data, HttpContext http, CancellationToken ct) =>
        {
            var result = await data.ExportMineAsync(ct);
            if (!result.Ok) return Results.NotFound();
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(result.Value!.Content, "application/json", result.Value.FileName);
        }).RequireAuthorization();
}
