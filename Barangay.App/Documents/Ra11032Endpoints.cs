using Barangay.Data.Documents;
using Barangay.Data.Files;
using Microsoft.Net.Http.Headers;

namespace Barangay.App.Documents;

/// <summary>
/// RA 11032 prints: <c>GET /documents/{id}/acknowledgement.pdf?paper=A4|Legal</c> (§9(a), for online filings from the
/// acknowledgement card and walk-ins at the desk) and <c>GET /documents/{id}/extension-notice.pdf</c> (§9(b)(2)). For the
/// request's resident or the hall; anything else is a plain 404. Reading only: a GET changes nothing.
/// </summary>
public static class Ra11032Endpoints
{
    public static IEndpointRouteBuilder MapRa11032Prints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/documents/{id:guid}/acknowledgement.pdf", (Guid id, string? paper, HttpContext http, DocumentRequestService requests, FileService files, TimeProvider clock, CancellationToken ct) =>
            RenderAsync(id, paper, http, requests, files, clock, extension: false, ct)).RequireAuthorization();
        app.MapGet("/documents/{id:guid}/extension-notice.pdf", (Guid id, string? paper, HttpContext http, DocumentRequestService requests, FileService files, TimeProvider clock, CancellationToken ct) =>
            RenderAsync(id, paper, http, requests, files, clock, extension: true, ct)).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> RenderAsync(Guid id, string? paper, HttpContext http, DocumentRequestService requests, FileService files, TimeProvider clock, bool extension, CancellationToken ct)
    {
        var a = await requests.AcknowledgementAsync(id, ct);
        if (a is null || (extension && a.Extension is null)) return Results.NotFound();
        byte[]? seal = null;
        if (Guid.TryParse(a.Profile.SealFileId, out var sealId) && await files.ReadAsync(sealId, ct) is { Status: FileReadStatus.Ok } file) seal = file.Content;
        var now = clock.GetUtcNow().UtcDateTime;
        var pdf = extension ? AcknowledgementPdf.RenderExtension(a, now, seal, paper) : AcknowledgementPdf.Render(a, now, seal, paper);
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName($"{a.RequestId}-{(extension ? "extension-notice" : "acknowledgement")}.pdf");
        http.Response.Headers.ContentDisposition = disposition.ToString();
        return Results.Bytes(pdf, "application/pdf");
    }
}
