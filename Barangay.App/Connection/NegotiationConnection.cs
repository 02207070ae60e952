namespace Barangay.App.Connection;

/// <summary>
/// Closes the HTTP/1.1 connection that carried a circuit's SignalR negotiation once it is answered (issue 29, capacity).
/// blazor.web.js negotiates with a POST and then opens the WebSocket on a connection of its own; the negotiation's
/// connection would otherwise sit idle in Kestrel for its keep-alive time (130 s) with its buffers and pipes, about
/// 10 KB for every page opened. Other requests keep Kestrel's keep-alive: a phone on a slow link reuses its
/// connections for the page's files. HTTP/2 multiplexes one connection, so it is left alone.
/// </summary>
internal sealed class NegotiationConnectionFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IsNegotiation(context.Request)) context.Response.Headers.Connection = "close";
            return nextMiddleware(context);
        });
        next(app);
    };

    internal static bool IsNegotiation(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && request.Protocol is "HTTP/1.1" or "HTTP/1.0"
        && request.Path.StartsWithSegments("/_blazor/negotiate", StringComparison.OrdinalIgnoreCase);
}
