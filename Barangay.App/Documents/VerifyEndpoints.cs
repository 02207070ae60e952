using System.Text.Json;
using Barangay.App.Components.Pages.Verify;
using Barangay.Data.Documents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Barangay.App.Documents;

/// <summary>
/// The offline certificate check. <c>GET /verify</c>: a static, server-rendered page (no Blazor circuit) whose script
/// reads the signed payload after the <c>#</c> and checks it with WebCrypto against the barangay's public keys, which
/// the page carries; a service worker (<c>/verify-sw.js</c>) keeps the page, its script and the keys so it works with
/// no signal. <c>GET /certificates/keys.json</c> and <c>/certificates/keys</c>: the public keys with their
/// fingerprints. <c>GET /certificates/status?control=…</c>: whether a certificate was revoked (the only thing the
/// page asks the server, and only when online: the control number, never the holder).
/// </summary>
public static class VerifyEndpoints
{
    public static IEndpointRouteBuilder MapCertificateVerification(this IEndpointRouteBuilder app)
    {
        app.MapGet("/verify", PageAsync).AllowAnonymous();
        app.MapGet("/certificates/keys", KeysPageAsync).AllowAnonymous();
        app.MapGet("/certificates/keys.json", KeysAsync).AllowAnonymous();
        app.MapGet("/certificates/status", StatusAsync).AllowAnonymous();
        return app;
    }

    private static async Task<RazorComponentResult<OfflineVerifyPage>> PageAsync(HttpContext http, DocumentRequestService requests, CancellationToken ct)
    {
        // Revalidated each time online (new keys after a rotation); the service worker keeps its own copy for offline.
        http.Response.Headers.CacheControl = "no-cache";
        return new RazorComponentResult<OfflineVerifyPage>(new { Keys = await requests.SigningKeysAsync(ct) });
    }

    private static async Task<RazorComponentResult<SigningKeysPage>> KeysPageAsync(DocumentRequestService requests, CancellationToken ct) =>
        new(new { Keys = await requests.SigningKeysAsync(ct) });

    private static async Task<IResult> KeysAsync(HttpContext http, DocumentRequestService requests, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Text(KeysJson(await requests.SigningKeysAsync(ct)), "application/json");
    }

    private static async Task<IResult> StatusAsync(string? control, HttpContext http, DocumentRequestService requests, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        var s = await requests.StatusAsync(control, ct);
        return Results.Json(new { known = s.Known, revoked = s.Revoked, revoked_on = s.RevokedOn?.ToString("yyyy-MM-dd") });
    }

    /// <summary>The keys as the page's script reads them: key id → SubjectPublicKeyInfo (base64) and fingerprint.</summary>
    public static string KeysJson(IReadOnlyList<Barangay.Data.Documents.Verification.PublicSigningKey> keys) =>
        JsonSerializer.Serialize(keys.Select(k => new { kid = k.KeyId, spki = k.PublicKey, fingerprint = k.Fingerprint }));
}
