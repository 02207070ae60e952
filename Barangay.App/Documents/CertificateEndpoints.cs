using Barangay.Data.Documents;
using Barangay.Data.Files;
using Microsoft.Net.Http.Headers;

namespace Barangay.App.Documents;

/// <summary>
/// <c>GET /documents/{id}/certificate.pdf?paper=A4|Letter|Legal</c>: the certificate for its resident or the hall
/// (every print audited), and <c>GET /documents/collections.{pdf|xlsx}?day=yyyy-MM-dd</c> for the treasurer.
/// Anything not the caller's is a plain 404.
/// </summary>
public static class CertificateEndpoints
{
    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder app)
    {
        app.MapGet("/documents/{id:guid}/certificate.pdf", CertificateAsync).RequireAuthorization();
        app.MapGet("/documents/collections.{format}", CollectionsAsync).RequireAuthorization();
        return app;
    }

    /// <summary>The link printed in the QR code: this app's own address, unless <c>Documents:PublicBaseUrl</c> says otherwise.</summary>
    public static string VerifyUrl(HttpRequest request, IConfiguration config, string code)
    {
        var baseUrl = config["Documents:PublicBaseUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}";
        return $"{baseUrl}/verify/{code}";
    }

    private static async Task<IResult> CertificateAsync(Guid id, string? paper, HttpContext http, DocumentRequestService requests, FileService files,
        IConfiguration config, CancellationToken ct)
    {
        var certificate = await requests.PrintAsync(id, ct);
        if (certificate is null) return Results.NotFound();
        byte[]? seal = null;
        if (Guid.TryParse(certificate.SealFileId, out var sealId) && await files.ReadAsync(sealId, ct) is { Status: FileReadStatus.Ok } file) seal = file.Content;
        var pdf = CertificatePdf.Render(certificate, VerifyUrl(http.Request, config, certificate.VerificationCode), seal, paper);
        return Pdf(http, pdf, $"{certificate.ControlNumber}.pdf");
    }

    private static async Task<IResult> CollectionsAsync(string format, DateOnly? day, HttpContext http, DocumentRequestService requests, TimeProvider clock, CancellationToken ct)
    {
        var report = await requests.CollectionsAsync(day ?? Barangay.Data.Common.TimeZones.ManilaToday(clock), ct);
        if (report is null) return Results.NotFound();
        http.Response.Headers.CacheControl = "private, no-store";
        var name = $"collections-{report.Day:yyyy-MM-dd}";
        return format switch
        {
            "pdf" => Pdf(http, CollectionReportPdf.Render(report), name + ".pdf"),
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
