using System.Net;
using System.Text.RegularExpressions;
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

    [GeneratedRegex("""(?:src|href)="(?<url>[^"]+)"(?=[^>]*>)""")]
    private static partial Regex Asset();
}
