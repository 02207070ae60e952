using Barangay.Data.Files;
using Microsoft.Net.Http.Headers;

namespace Barangay.App.Files;

/// <summary>
/// The one download endpoint: <c>GET /files/{id}</c> for a signed-in caller with a right to the file, or with a
/// signed, time-limited link (<c>?exp=…&amp;sub=…&amp;sig=…</c>) for files meant to be passed on (never an export).
/// Anything refused is a plain 404, and audited by <see cref="FileService"/>.
/// </summary>
public static class FileEndpoints
{
    public static IEndpointRouteBuilder MapFileDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/files/{id:guid}", DownloadAsync).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> DownloadAsync(Guid id, string? exp, string? sub, string? sig, HttpContext http, FileService files, CancellationToken ct)
    {
        FileReadResult result;
        if (exp is not null || sig is not null) result = await files.ReadByLinkAsync(id, exp, sub, sig, ct);
        else if (http.User.Identity?.IsAuthenticated != true) return Results.Challenge();
        else result = await files.ReadAsync(id, ct);

        var headers = http.Response.Headers;
        headers.CacheControl = "private, no-store";
        headers.XContentTypeOptions = "nosniff";
        return result.Status switch
        {
            FileReadStatus.Ok => Deliver(http, result),
            FileReadStatus.Damaged => Results.Problem(statusCode: StatusCodes.Status500InternalServerError,
                title: "This file cannot be shown", detail: "This file failed its integrity check and cannot be shown."),
            _ => Results.NotFound(),
        };
    }

    private static IResult Deliver(HttpContext http, FileReadResult file)
    {
        // PDFs and pictures open in the browser; workbooks and CSV files are saved. Either way the original name is
        // offered in both forms: an ASCII fallback and the RFC 5987 UTF-8 one (Ñ survives).
        var inline = file.ContentType is "application/pdf" or "image/jpeg" or "image/png";
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(file.FileName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        if (!inline) http.Response.Headers.ContentSecurityPolicy = "sandbox";
        return Results.Bytes(file.Content!, file.ContentType);
    }
}
