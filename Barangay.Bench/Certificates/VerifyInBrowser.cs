using System.Globalization;
using Microsoft.Playwright;

namespace Barangay.Bench.Certificates;

/// <summary>
/// <c>verify_offline_ms</c>: the verify page's own script (<c>Barangay.App/wwwroot/js/verify.js</c>) in Debian's
/// Chromium at 390×844, on a page served by request interception at an https origin (WebCrypto needs a secure
/// context), with the barangay's keys in the page as the app renders them. Each round changes the hash, which runs the
/// check again; the script's own measure of the signature check (import of the key and verify, <c>data-ms</c>) is read.
/// </summary>
internal static class VerifyInBrowser
{
    private const string Origin = "https://verify.bench";

    public static async Task<List<double>> MeasureAsync(string payload, string keysJson, int rounds, CancellationToken ct)
    {
        var script = await File.ReadAllTextAsync(FindScript(), ct);
        var html = $$"""
            <!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head><body>
            <main id="verify" data-t-genuine="Genuine"><p id="verify-title"></p><p id="verify-text"></p><table id="verify-claims" hidden><tbody></tbody></table>
            <p id="verify-revocation" hidden></p></main>
            <script id="verify-keys" type="application/json">{{keysJson}}</script><script src="/js/verify.js"></script></body></html>
            """;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        await context.RouteAsync(Origin + "/**", route => route.Request.Url switch
        {
            var u when u.StartsWith(Origin + "/js/verify.js", StringComparison.Ordinal) => route.FulfillAsync(new() { Body = script, ContentType = "text/javascript" }),
            var u when u.StartsWith(Origin + "/certificates/status", StringComparison.Ordinal) => route.FulfillAsync(new() { Body = """{"known":true,"revoked":false}""", ContentType = "application/json" }),
            _ => route.FulfillAsync(new() { Body = html, ContentType = "text/html" }),
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Origin + "/verify#" + payload);
        var times = new List<double>();
        for (var i = 0; i < rounds + 5; i++)
        {
            // Toggle the hash between two spellings of the same payload (a trailing space is trimmed by the script).
            await page.EvaluateAsync("p => { document.getElementById('verify').dataset.done = ''; location.hash = p; }", payload + (i % 2 == 0 ? "%20" : ""));
            await page.WaitForSelectorAsync("#verify[data-done=true]");
            if (await page.InnerTextAsync("#verify-title") != "Genuine") throw new InvalidOperationException("the browser did not find the bench payload genuine");
            var ms = double.Parse(await page.GetAttributeAsync("#verify", "data-ms") ?? "NaN", CultureInfo.InvariantCulture);
            if (i >= 5) times.Add(ms);
        }
        return times;
    }

    private static string FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "Barangay.App", "wwwroot", "js", "verify.js");
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException("Barangay.App/wwwroot/js/verify.js not found above " + AppContext.BaseDirectory);
    }
}
