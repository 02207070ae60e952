using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Net.Http.Headers;
using MudBlazor;

namespace Barangay.App.Components.Layout;

/// <summary>
/// The theme's CSS as one fingerprinted stylesheet, cached by the phone for a year (issue 29, first-visit budget).
/// MudThemeProvider writes its CSS variables into the page: about 24 KB in the head of every page (light and dark, the
/// dark block repeating the ~140 variables that do not change with the palette), sent uncompressed with the HTML (pages
/// are not compressed: BREACH) and again on every enhanced navigation between public pages. Here the same providers
/// are rendered once per process, the dark block keeps only what differs from the light one, and the result is served
/// compressed under its content's hash.
/// </summary>
public sealed partial class ThemeStylesheet(IServiceProvider services, ILoggerFactory loggers)
{
    private readonly Lazy<Task<Sheet>> _sheet = new(() => BuildAsync(services, loggers));

    /// <summary>The stylesheet's address, relative to the page's base (so it works under a barangay's /b/{slug}/ prefix).</summary>
    public async Task<string> HrefAsync() => $"theme.{(await _sheet.Value).Version}.css";

    /// <summary>The CSS text (for tests and for reading).</summary>
    public async Task<string> CssAsync() => (await _sheet.Value).Css;

    public static void Map(WebApplication app) =>
        app.MapGet("/theme.{version}.css", async (string version, HttpContext http, ThemeStylesheet sheet) =>
        {
            var s = await sheet._sheet.Value;
            var headers = http.Response.Headers;
            headers.ContentType = "text/css; charset=utf-8";
            headers.Vary = HeaderNames.AcceptEncoding;
            headers.ETag = $"\"{s.Version}\"";
            // An old page asking for the sheet of an earlier build gets today's, but not kept: its address is not today's.
            headers.CacheControl = version == s.Version ? "public, max-age=31536000, immutable" : "no-cache";
            if (http.Request.Headers.IfNoneMatch.ToString().Contains($"\"{s.Version}\"", StringComparison.Ordinal))
            {
                http.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            var accepts = http.Request.Headers.AcceptEncoding.ToString();
            var (body, encoding) = accepts.Contains("br", StringComparison.OrdinalIgnoreCase) ? (s.Brotli, "br")
                : accepts.Contains("gzip", StringComparison.OrdinalIgnoreCase) ? (s.Gzip, "gzip")
                : (s.Plain, null);
            if (encoding is not null) headers.ContentEncoding = encoding;
            headers.ContentLength = body.Length;
            await http.Response.Body.WriteAsync(body, http.RequestAborted);
        }).AllowAnonymous();

    private static async Task<Sheet> BuildAsync(IServiceProvider services, ILoggerFactory loggers)
    {
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        // Exactly what the head held before: the light theme on :root (with its scrollbar and chart rules), and the
        // dark theme under the scope that matches while the live layout shows dark (BarangayTheme.DarkWhenShown).
        var light = await RenderAsync(renderer, BarangayTheme.Theme, dark: false);
        var dark = await RenderAsync(renderer, BarangayTheme.DarkWhenShown, dark: true);

        var css = new StringBuilder();
        foreach (var block in Styles().Matches(light).Select(m => m.Groups["css"].Value.Trim()).Distinct())
            css.Append(block).Append('\n');
        var lightVariables = Variables(ThemeBlock(light));
        var darkBlock = ThemeBlock(dark);
        var darkSelector = darkBlock[..darkBlock.IndexOf('{')].Trim();
        // The dark selector is more specific than :root, so it needs to say only what the dark palette changes.
        css.Append(darkSelector).Append("{\n");
        foreach (var (name, value) in Variables(darkBlock).Where(v => !lightVariables.Contains(v)))
            css.Append(name).Append(": ").Append(value).Append(";\n");
        css.Append("}\n");

        var text = css.ToString();
        var plain = Encoding.UTF8.GetBytes(text);
        var version = Convert.ToHexStringLower(SHA256.HashData(plain))[..12];
        return new Sheet(text, version, plain, Compress(plain, s => new BrotliStream(s, CompressionLevel.SmallestSize)),
            Compress(plain, s => new GZipStream(s, CompressionLevel.SmallestSize)));
    }

    private static Task<string> RenderAsync(HtmlRenderer renderer, MudTheme theme, bool dark) =>
        renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = new Dictionary<string, object?> { [nameof(MudThemeProvider.Theme)] = theme };
            if (dark)
            {
                parameters[nameof(MudThemeProvider.IsDarkMode)] = true;
                parameters[nameof(MudThemeProvider.DefaultScrollbar)] = true;
                parameters[nameof(MudThemeProvider.ObserveSystemDarkModeChange)] = false;
            }
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });

    private static string ThemeBlock(string html) =>
        Styles().Matches(html).Select(m => m.Groups["css"].Value.Trim()).Single(c => c.Contains("--mud-palette-primary:", StringComparison.Ordinal));

    private static List<(string Name, string Value)> Variables(string block) =>
        Variable().Matches(block).Select(m => (m.Groups["name"].Value, m.Groups["value"].Value.Trim())).ToList();

    private static byte[] Compress(byte[] plain, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output)) stream.Write(plain);
        return output.ToArray();
    }

    private sealed record Sheet(string Css, string Version, byte[] Plain, byte[] Brotli, byte[] Gzip);

    [GeneratedRegex(@"<style[^>]*>(?<css>.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex Styles();

    [GeneratedRegex(@"(?<name>--[\w-]+)\s*:\s*(?<value>[^;]*);")]
    private static partial Regex Variable();
}
