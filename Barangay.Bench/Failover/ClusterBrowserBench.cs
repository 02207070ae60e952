using System.Diagnostics;
using System.Globalization;
using Barangay.Bench.Infrastructure;
using Barangay.Data.Seed;
using Microsoft.Playwright;

namespace Barangay.Bench.Failover;

/// <summary>
/// scripts/drill.sh's browser step: Chromium at 1366×900 signs in as the demo resident through HAProxy (the sign-in
/// form, then the live home page with its circuit), is photographed, and then the app process its circuit lives on is
/// killed (kill -9, through scripts/cluster.sh). Measured: from the kill until the same tab shows the home page live
/// again, still signed in, served by the other process (the reconnect is refused there, connection.js reloads, the
/// cookie still signs in because the Data Protection keys are shared). Screenshots before and after go to DRILL_DIR.
/// </summary>
internal sealed class ClusterBrowserBench : IBenchmark
{
    public string Name => "cluster_browser";

    public string Description => "Chromium signed in through HAProxy; the app process of its circuit killed; time until it is live again on the other";

    public async Task<BenchOutcome> RunAsync(BenchDatabase database, CancellationToken ct)
    {
        var outcome = new BenchOutcome();
        if (Environment.GetEnvironmentVariable("CLUSTER_WEB_URL") is not { Length: > 0 } web
            || Environment.GetEnvironmentVariable("DRILL_DIR") is not { Length: > 0 } dir)
        {
            outcome.Notes.Add("  skipped: CLUSTER_WEB_URL and DRILL_DIR are not set (scripts/drill.sh runs this step)");
            return outcome;
        }
        var cluster = Environment.GetEnvironmentVariable("CLUSTER_SCRIPT") ?? "scripts/cluster.sh";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox", "--disable-gpu"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = web, ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "en-PH",
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Identity/Account/Login");
        await page.FillAsync("#Input_UserName", DemoAccounts.ResidentUser);
        await page.FillAsync("#Input_Password", DemoAccounts.ResidentPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(u => !u.Contains("/Identity/Account/Login", StringComparison.Ordinal));
        await page.Locator("#app-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var before = await ReplicaAsync(context);
        await page.ScreenshotAsync(new() { Path = Path.Combine(dir, "browser-signed-in.png") });
        outcome.Notes.Add(Line($"  signed in as {DemoAccounts.ResidentUser} through {web}, circuit on {before}"));
        // In service both processes render every page all day; here the other one has served only health checks, and
        // its first resident home (JIT, caches) would be timed as part of the failover. The same page, once, on it.
        await WarmAsync(browser, context, web, before == "app1" ? "app2" : "app1");

        // The tab's own marker: gone once the page has been loaded again (by connection.js, not by us). The connection
        // states connection.js announces are kept in sessionStorage (it survives the reload) with their times.
        await page.EvaluateAsync("""
            () => {
              window.__drillBefore = true;
              sessionStorage.setItem('drill-log', '');
              window.addEventListener('barangay:connection', e =>
                sessionStorage.setItem('drill-log', sessionStorage.getItem('drill-log') + ' ' + e.detail + '@' + Date.now()));
            }
            """);
        var app = before.Replace("app", "", StringComparison.Ordinal);
        // drill.sh restarts this process afterwards, whatever happens below.
        await File.WriteAllTextAsync(Path.Combine(dir, "killed-app"), app, ct);
        var started = Stopwatch.GetTimestamp();
        await KillAsync(cluster, app, ct);
        await page.WaitForFunctionAsync(
            "() => !window.__drillBefore && document.readyState === 'complete' && document.getElementById('app-interactive') !== null",
            null, new() { Timeout = 60_000, PollingInterval = 100 });
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var after = await ReplicaAsync(context);
        var killedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - (long)(seconds * 1000);
        var timeline = await page.EvaluateAsync<string>("() => sessionStorage.getItem('drill-log') + ' loaded@' + Math.round(performance.timeOrigin)");
        outcome.Notes.Add("  after the kill (ms): " + string.Join(", ", timeline.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(x => x.Split('@')).Select(x => Line($"{x[0]} +{long.Parse(x[1], CultureInfo.InvariantCulture) - killedAt}"))));
        await page.ScreenshotAsync(new() { Path = Path.Combine(dir, "browser-after-kill.png") });
        if (page.Url.Contains("/Identity/Account/Login", StringComparison.Ordinal))
            outcome.Errors.Add("after the kill the tab was sent to sign in: the session did not survive on the other process");
        if (after == before) outcome.Errors.Add(Line($"after the kill the tab is still pinned to {before}"));
        outcome.Notes.Add(Line($"  live again on {after} at {page.Url}, signed in"));
        outcome.Results.Add(new BenchResult("cluster_circuit_reconnect_s", seconds, "s", Decimals: 1));
        return outcome;
    }

    /// <summary>The signed-in home page, until live, on <paramref name="app"/> (HAProxy's cookie names it), in a tab of its own.</summary>
    private static async Task WarmAsync(IBrowser browser, IBrowserContext signedIn, string web, string app)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = web, ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "en-PH",
        });
        var cookies = (await signedIn.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Name == "BARANGAY_REPLICA" ? app : c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure,
        });
        await context.AddCookiesAsync(cookies);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/", new() { Timeout = 60_000 });
        await page.Locator("#app-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        if (await ReplicaAsync(context) != app) throw new InvalidOperationException("the warm-up did not reach " + app);
    }

    private static async Task<string> ReplicaAsync(IBrowserContext context) =>
        (await context.CookiesAsync()).FirstOrDefault(c => c.Name == "BARANGAY_REPLICA")?.Value
        ?? throw new InvalidOperationException("HAProxy set no BARANGAY_REPLICA cookie");

    private static async Task KillAsync(string cluster, string app, CancellationToken ct)
    {
        using var kill = Process.Start(new ProcessStartInfo("bash", [cluster, "kill-app", app]) { RedirectStandardOutput = true })
                         ?? throw new InvalidOperationException("could not run " + cluster);
        await kill.WaitForExitAsync(ct);
        if (kill.ExitCode != 0) throw new InvalidOperationException(Line($"{cluster} kill-app {app} exited {kill.ExitCode}"));
    }

    private static string Line(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
