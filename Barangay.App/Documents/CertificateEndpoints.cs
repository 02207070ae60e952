using Barangay.Data.Common;
using Barangay.Data.Documents;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Net.Http.Headers;

namespace Barangay.App.Documents;

/// <summary>
/// <c>GET /documents/{id}/certificate.pdf?paper=A4|Letter|Legal</c>: the certificate for its resident or the hall
/// (every print audited; a GET never changes the request), <c>POST /documents/{id}/receive</c>: the resident takes
/// their approved certificate (form with antiforgery token and the request's version), and <c>GET /documents/collections.{pdf|xlsx}?day=yyyy-MM-dd</c> for the treasurer.
/// Anything not the caller's is a plain 404.
/// </summary>
public static class CertificateEndpoints
{
    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder app)
    {
        app.MapGet("/documents/{id:guid}/certificate.pdf", CertificateAsync).RequireAuthorization();
        app.MapPost("/documents/{id:guid}/receive", ReceiveAsync).RequireAuthorization();
        app.MapGet("/documents/collections.{format}", CollectionsAsync).RequireAuthorization();
        app.MapCertificateVerification();
        app.MapTemplatePreview();
        return app;
    }

    /// <summary>The link printed in the QR code, on the app's public address (<c>PublicBaseUrl</c>).</summary>
    public static string VerifyUrl(PublicLinks links, string code) => links.To($"/verify/{code}");

    /// <summary>The QR code's link: the offline check, with the signed payload after the <c>#</c> (never sent to the server).</summary>
    public static string ScanUrl(PublicLinks links, CertificateData c) =>
        c.SignedPayload is { } payload ? links.To("/verify") + "#" + payload : VerifyUrl(links, c.VerificationCode);

    private static async Task<IResult> CertificateAsync(Guid id, string? paper, HttpContext http, DocumentRequestService requests, CertificateImages images,
        PublicLinks links, CancellationToken ct)
    {
        var certificate = await requests.PrintAsync(id, ct);
        if (certificate is null) return Results.NotFound();
        var pictures = await images.LoadAsync(certificate, ct);
        var pdf = CertificatePdf.Render(certificate, VerifyUrl(links, certificate.VerificationCode), pictures.Seal, paper, ScanUrl(links, certificate),
            pictures.MunicipalSeal, pictures.Signature, pictures.Photo);
        return Pdf(http, pdf, $"{certificate.ControlNumber}.pdf");
    }

    /// <summary>
    /// The form must carry the page's antiforgery token (400 otherwise; checked here, not left to form binding, so the
    /// refusal is a plain 400 and not an exception). On success, or when the request is already released,
    /// post/redirect/get to the certificate (safe to reload); anything else goes back to the request page, which shows
    /// where the request stands.
    /// </summary>
    private static async Task<IResult> ReceiveAsync(Guid id, HttpContext http, IAntiforgery antiforgery, DocumentRequestService requests, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
        var form = await http.Request.ReadFormAsync(ct);
        if (!Guid.TryParse(form["version"], out var version)) return Results.BadRequest();
        var result = await requests.ReceiveAsync(id, version, ct);
        if (result.Kind == ResultKind.NotFound) return Results.NotFound();
        var released = result.Ok || result.Value?.Status == DocumentRequestStatuses.Released;
        http.Response.Headers.Location = released ? $"/documents/{id}/certificate.pdf" : $"/my/requests/{id}";
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static async Task<IResult> CollectionsAsync(string format, DateOnly? day, string? paper, HttpContext http, DocumentRequestService requests, TimeProvider clock, CancellationToken ct)
    {
        var report = await requests.CollectionsAsync(day ?? Barangay.Data.Common.TimeZones.ManilaToday(clock), ct);
        if (report is null) return Results.NotFound();
        http.Response.Headers.CacheControl = "private, no-store";
        var name = $"collections-{report.Day:yyyy-MM-dd}";
        return format switch
        {
            "pdf" => Pdf(http, CollectionReportPdf.Render(report, clock.GetUtcNow().UtcDateTime, paper), name + ".pdf"),
            "xlsx" => Results.File(CollectionReportXlsx.Render(report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"),
            _ => Results.NotFound(),
        };
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
