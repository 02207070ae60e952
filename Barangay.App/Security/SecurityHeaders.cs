namespace Barangay.App.Security;

/// <summary>
/// The headers every response carries: the one Content-Security-Policy of the app (no inline or remote scripts,
/// no framing), no MIME sniffing, no referrer (reset and confirmation links carry codes in their query), and no
/// camera, microphone or location for anything a page could load.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>
    /// Blazor Server needs only its own scripts and a WebSocket back to the same origin ('self' covers ws/wss there).
    /// MudBlazor sets positions and sizes in style attributes and its theme in a style element, so styles keep
    /// 'unsafe-inline' (styles cannot run code). Images: the app's own, and data: URIs (MudBlazor's and uploads' previews).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; frame-src 'none'; worker-src 'self'";

    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    public Task InvokeAsync(HttpContext context)
    {
        Apply(context);
        return next(context);
    }

    /// <summary>Sets the headers; also for the responses written before this middleware runs (the tenancy's 404 and 503 pages).</summary>
    public static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers.XFrameOptions = "DENY"; // for browsers that predate frame-ancestors
    }
}
