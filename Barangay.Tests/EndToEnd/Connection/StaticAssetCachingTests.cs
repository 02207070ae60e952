using System.Net;
using System.Text.RegularExpressions;
using Barangay.App.Components.Layout;
using Barangay.Tests.Infrastructure;

namespace Barangay.Tests.EndToEnd.Connection;

/// <summary>
/// Issue 29, first-visit budget: every script and stylesheet the app shell links is fingerprinted (MapStaticAssets
/// via @Assets) and served immutable, cached for a year: a phone never downloads it twice. This test's app runs from
/// the build output, as ./run.sh does: <c>ReloadStaticAssetsAtRuntime=false</c> (appsettings.json) keeps
/// MapStaticAssets from treating it as a developer's hot-reload build (no-cache everywhere, and compressed files
/// re-made on the fly without compression).
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public partial class StaticAssetCachingTests(EndToEndFixture e2e)
{
    [Fact]
    public async Task AppShell_EveryLinkedScriptAndStylesheet_IsFingerprinted()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(e2e.App.Url) };
        // Any page of the app's own shell (App.razor) links the same assets; this one needs no sign-in.
        var html = await (await http.GetAsync("/not-found")).Content.ReadAsStringAsync();
        var assets = Asset().Matches(html).Select(m => m.Groups["url"].Value)
            .Where(u => u.EndsWith(".js", StringComparison.Ordinal) || u.EndsWith(".css", StringComparison.Ordinal)).ToList();
        assets.Should().Contain(u => u.Contains("blazor.web", StringComparison.Ordinal)).And.Contain(u => u.Contains("connection", StringComparison.Ordinal));

        foreach (var url in assets.Where(u => !u.StartsWith("_content/MudBlazor/", StringComparison.Ordinal)))
        {
            url.Should().MatchRegex(@"\.[a-z0-9]{8,}\.(js|css)$", $"{url} carries its content's fingerprint");
            using var response = await http.GetAsync("/" + url.TrimStart('/'));
            response.StatusCode.Should().Be(HttpStatusCode.OK, url);
            response.Headers.CacheControl.Should().NotBeNull(url);
            response.Headers.CacheControl!.MaxAge.Should().Be(TimeSpan.FromDays(365), $"{url} is cached for a year");
            response.Headers.CacheControl.ToString().Should().Contain("immutable", url);
        }
    }

    /// <summary>
    /// MudBlazor's stylesheet and script are linked by their plain address: the SDK gives a package's fingerprinted
    /// address no compressed copy, and 613 KiB of CSS over mobile data broke the first-visit budget. Served compressed.
    /// </summary>
    [Fact]
    public async Task AppShell_MudBlazorFiles_AreServedCompressed()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(e2e.App.Url) };
        var html = await (await http.GetAsync("/not-found")).Content.ReadAsStringAsync();
        var mud = Asset().Matches(html).Select(m => m.Groups["url"].Value).Where(u => u.StartsWith("_content/MudBlazor/", StringComparison.Ordinal)).ToList();
        mud.Should().HaveCount(2);
        foreach (var url in mud)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/" + url);
            request.Headers.AcceptEncoding.ParseAdd("gzip");
            using var response = await http.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.OK, url);
            response.Content.Headers.ContentEncoding.Should().Contain("gzip", $"{url} goes to a phone compressed");
            // The bytes on the wire, not the header: a gzip stream can be stored without compression (what the
            // hot-reload handler sends), which is as large as the file. CSS and JS compress to well under a third.
            var sent = (await response.Content.ReadAsByteArrayAsync()).Length;
            using var plain = await http.GetAsync("/" + url);
            var size = (await plain.Content.ReadAsByteArrayAsync()).Length;
            sent.Should().BeLessThan(size / 3, $"{url}: {sent:N0} bytes sent for {size:N0}");
            response.Headers.ETag.Should().NotBeNull($"{url} is revalidated, not downloaded again");
        }
    }

    /// <summary>
    /// The theme's CSS variables (MudThemeProvider's, light and dark) were 24 KB written into every page, uncompressed
    /// (pages are not compressed: BREACH) and sent again on each enhanced navigation. They are one fingerprinted
    /// stylesheet now (ThemeStylesheet): compressed, cached for a year, revalidated by ETag, the dark block saying
    /// only what the dark palette changes.
    /// </summary>
    [Fact]
    public async Task AppShell_ThemeVariables_AreOneCachedCompressedStylesheet_NotInThePage()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(e2e.App.Url) };
        var html = await (await http.GetAsync("/officials")).Content.ReadAsStringAsync();
        html.Should().NotContain("--mud-palette-", "the theme's variables are not written into the page");
        var url = Asset().Matches(html).Select(m => m.Groups["url"].Value).Single(u => u.StartsWith("theme.", StringComparison.Ordinal));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/" + url);
        request.Headers.AcceptEncoding.ParseAdd("br");
        using var response = await http.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/css");
        response.Content.Headers.ContentEncoding.Should().Contain("br");
        response.Headers.CacheControl!.MaxAge.Should().Be(TimeSpan.FromDays(365));
        response.Headers.CacheControl.ToString().Should().Contain("immutable");
        var sent = (await response.Content.ReadAsByteArrayAsync()).Length;

        var css = await http.GetStringAsync("/" + url);
        sent.Should().BeLessThan(css.Length / 4, $"{sent:N0} bytes sent for {css.Length:N0}");
        var light = Block(css, ":root{");
        var dark = Block(css, ":root:has(#app-interactive[data-theme=dark]){");
        light.Should().Contain($"--mud-palette-background: {Rgba(BarangayTheme.Theme.PaletteLight.Background)};");
        dark.Should().Contain($"--mud-palette-background: {Rgba(BarangayTheme.Theme.PaletteDark.Background)};");
        dark.Should().Contain("--mud-native-html-color-scheme: dark;");
        dark.Should().NotContain("--mud-typography-", "what the dark palette does not change is said once, on :root");
        Declarations(dark).Should().BeLessThan(Declarations(light) / 2);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/" + url);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var revalidated = await http.SendAsync(again);
        revalidated.StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    private static string Block(string css, string selector)
    {
        var start = css.IndexOf(selector, StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, $"the sheet has a {selector} block");
        return css[start..css.IndexOf('}', start)];
    }

    private static int Declarations(string block) => block.Count(c => c == ';');

    private static string Rgba(MudBlazor.Utilities.MudColor c) => c.ToString(MudBlazor.Utilities.MudColorOutputFormats.RGBA);

    [GeneratedRegex("""(?:src|href)="(?<url>[^"]+)"(?=[^>]*>)""")]
    private static partial Regex Asset();
}
