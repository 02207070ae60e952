using Barangay.Data.Households;

namespace Barangay.App.Households;

/// <summary><c>GET /households/{id}/record.pdf</c>: the printable household record for officials who view households (audited); otherwise 404.</summary>
public static class HouseholdEndpoints
{
    public static IEndpointRouteBuilder MapHouseholds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/households/{id:guid}/record.pdf", RecordAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> RecordAsync(Guid id, string? paper, HttpContext http, HouseholdService households, TimeProvider clock, CancellationToken ct)
    {
        var record = await households.RecordAsync(id, ct);
        if (record is null) return Results.NotFound();
        http.Response.Headers.CacheControl = "private, no-store";
        return Results.File(HouseholdRecordPdf.Render(record, clock.GetUtcNow().UtcDateTime, paper ?? Barangay.Data.Reports.PrintFrame.Legal), "application/pdf", $"{record.HouseholdId}.pdf");
    }
}
