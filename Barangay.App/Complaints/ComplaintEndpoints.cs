using Barangay.Data.Complaints;
using Barangay.Data.Complaints.Kp;
using Microsoft.Net.Http.Headers;

namespace Barangay.App.Complaints;

/// <summary>
/// <c>GET /complaints/kp/{id}/{form}.pdf</c> (<c>KpService.Slug</c>): a KP case's forms for the hall (every print
/// audited; a GET never changes the case: the certificate is issued on the case page, <c>KpService.IssueCertificateAsync</c>), and <c>GET /complaints/blotter.pdf?from=yyyy-MM-dd&amp;to=yyyy-MM-dd</c>: the blotter book. Anything the
/// caller may not see is a plain 404.
/// </summary>
public static class ComplaintEndpoints
{
    public static IEndpointRouteBuilder MapComplaints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/complaints/kp/{id:guid}/{form}.pdf", FormAsync).RequireAuthorization();
        app.MapGet("/complaints/blotter.pdf", BlotterAsync).RequireAuthorization();
        app.MapGet("/complaints/kp/transmittal/{month}.{format}", KpTransmittalAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> FormAsync(Guid id, string form, HttpContext http, KpService kp, CancellationToken ct)
    {
        var which = KpService.FromSlug(form);
        if (which is null || await kp.PrintAsync(id, which.Value, ct) is not { } printed) return Results.NotFound();
        return Pdf(http, printed.Pdf, printed.FileName);
    }

    private static async Task<IResult> BlotterAsync(DateOnly? from, DateOnly? to, string? paper, HttpContext http, ComplaintService complaints, TimeProvider clock, CancellationToken ct)
    {
        var today = Barangay.Data.Common.TimeZones.ManilaToday(clock);
        var book = await complaints.BlotterAsync(from ?? today.AddDays(-30), to ?? today, ct);
        if (book is null) return Results.NotFound();
        return Pdf(http, BlotterPdf.Render(book, clock.GetUtcNow().UtcDateTime, paper), $"blotter-{book.From:yyyy-MM-dd}-{book.To:yyyy-MM-dd}.pdf");
    }

    /// <summary>The Lupon's Monthly Transmittal of Final Reports for a month (yyyy-MM), as pdf or xlsx (KpService.MonthlyTransmittalAsync).</summary>
    private static async Task<IResult> KpTransmittalAsync(string month, string format, HttpContext http, KpService kp, TimeProvider clock, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var first)
            || format is not ("pdf" or "xlsx") || await kp.MonthlyTransmittalAsync(first, ct) is not { } t) return Results.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        if (format == "pdf") return Pdf(http, KpTransmittalPrint.Pdf(t, now), KpTransmittalPrint.FileStem(t) + ".pdf");
        http.Response.Headers.CacheControl = "private, no-store";
        return Results.File(KpTransmittalPrint.Xlsx(t, now), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", KpTransmittalPrint.FileStem(t) + ".xlsx");
    }

    private static IResult Pdf(HttpContext http, byte[] pdf, string fileName)
    {
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(fileName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        return Results.Bytes(pdf, "application/pdf");
    }
}
