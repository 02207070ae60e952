using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Barangay.App.Security;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies named in configuration
/// (<c>ForwardedHeaders:KnownProxies</c>: addresses; <c>ForwardedHeaders:KnownNetworks</c>: CIDR ranges; each a list
/// or one string separated by ';'). Behind them the client's own address reaches the sign-in throttle and the audit
/// log, and a request that reached the proxy over TLS counts as HTTPS (secure cookies, HSTS). With none configured,
/// nothing is believed, not even from loopback (ASP.NET's default trusts loopback).
/// </summary>
public static class TrustedProxies
{
    public const string Section = "ForwardedHeaders";

    public static WebApplicationBuilder AddTrustedProxies(this WebApplicationBuilder b)
    {
        var proxies = List(b.Configuration, "KnownProxies").Select(v => IPAddress.TryParse(v, out var ip) ? ip : throw Bad("KnownProxies", v)).ToList();
        var networks = List(b.Configuration, "KnownNetworks").Select(v => System.Net.IPNetwork.TryParse(v, out var n) ? n : throw Bad("KnownNetworks", v)).ToList();
        b.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1; // the entry our proxy appended; anything before it is what the client claimed
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
#pragma warning disable CS0618, ASPDEPR005 // the obsolete list still holds 127.0.0.0/8 by default, and the middleware still reads it
            o.KnownNetworks.Clear();
#pragma warning restore CS0618, ASPDEPR005
            foreach (var p in proxies) o.KnownProxies.Add(p);
            foreach (var n in networks) o.KnownIPNetworks.Add(n);
        });
        return b;
    }

    /// <summary>
    /// First in the pipeline, so everything after it sees the client's address and scheme. With no proxy configured
    /// the middleware is left out: given two empty lists, ASP.NET believes forwarded headers from anyone.
    /// </summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        var o = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        if (o.KnownProxies.Count > 0 || o.KnownIPNetworks.Count > 0) app.UseForwardedHeaders();
        return app;
    }

    private static IEnumerable<string> List(IConfiguration config, string key)
    {
        var section = config.GetSection(Section).GetSection(key);
        var values = section.GetChildren().Select(c => c.Value).ToList();
        if (values.Count == 0) values.Add(section.Value);
        return values.SelectMany(v => (v ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static InvalidOperationException Bad(string key, string value) =>
        new($"{Section}:{key} has \"{value}\", which is not an IP address{(key == "KnownNetworks" ? " range such as 172.28.0.0/24" : "")}.");
}
