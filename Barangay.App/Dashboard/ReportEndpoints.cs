using System.Globalization;
using Barangay.Data.Common;
using Barangay.Data.Reports;
using Microsoft.AspNetCore.Mvc;

namespace Barangay.App.Dashboard;

/// <summary>
/// <c>GET /reports/{kind}.{format}</c>: a monitoring report as PDF or XLSX for officials with the reports permission
/// (audited by the service); 404 for anyone else, 400 with the reason for a bad period or quarter.
/// </summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/{kind}.{format}", DownloadAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> DownloadAsync(
        string kind, string format, HttpContext http, ReportService reports,
        [FromQuery] int? year, [FromQuery] int? quarter, [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? purok, [FromQuery] string? paper,
        CancellationToken ct)
    {
        var request = new ReportRequest(kind, format, year is { } y && quarter is { } q ? new Quarter(y, q) : null, Day(from), Day(to), purok) { Paper = paper };
        var result = await reports.DownloadAsync(request, ct);
        if (result.Kind == ResultKind.NotFound) return Results.NotFound();
        if (!result.Ok) return Results.BadRequest(result.Message);
        http.Response.Headers.CacheControl = "private, no-store";
        return Results.File(result.Value!.Content, result.Value.ContentType, result.Value.FileName);
    }

    private static DateOnly? Day(string? s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>The link the Reports page offers for a download.</summary>
    public static string Link(string kind, string format, Quarter? quarter = null, DateOnly? from = null, DateOnly? to = null, string? purok = null)
    {
        var query = new List<string>();
        if (quarter is not null) query.Add(string.Create(CultureInfo.InvariantCulture, $"year={quarter.Year}&quarter={quarter.Number}"));
        if (from is { } f) query.Add("from=" + f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (to is { } t) query.Add("to=" + t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (!string.IsNullOrWhiteSpace(purok)) query.Add("purok=" + Uri.EscapeDataString(purok));
        return $"/reports/{kind}.{format}" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }
}
