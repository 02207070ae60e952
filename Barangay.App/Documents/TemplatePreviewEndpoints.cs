using Barangay.Data.Common;
using Barangay.Data.Documents;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Net.Http.Headers;

namespace Barangay.App.Documents;

/// <summary>
/// <c>POST /documents/templates/preview.pdf</c> (form: type, language, text, antiforgery token): a sample certificate
/// worded with the editor's draft, opened in a new tab. A form post rather than an embedded frame: the app's
/// Content-Security-Policy allows no frames (<c>frame-src 'none'</c>), and a draft never needs to be stored to be previewed.
/// </summary>
public static class TemplatePreviewEndpoints
{
    public static IEndpointRouteBuilder MapTemplatePreview(this IEndpointRouteBuilder app)
    {
        app.MapPost("/documents/templates/preview.pdf", PreviewAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> PreviewAsync(HttpContext http, IAntiforgery antiforgery, CertificateTemplateService templates, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
        var form = await http.Request.ReadFormAsync(ct);
        var result = await templates.PreviewPdfAsync(form["type"].ToString(), form["language"].ToString(), form["text"].ToString(), form["paper"].ToString(), ct);
        if (result.Kind == ResultKind.NotFound) return Results.NotFound();
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName("sample-certificate.pdf");
        http.Response.Headers.ContentDisposition = disposition.ToString();
        return Results.Bytes(result.Value!, "application/pdf");
    }
}
