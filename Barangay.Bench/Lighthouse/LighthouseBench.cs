using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Barangay.Bench.Circuits;
using Barangay.Bench.Infrastructure;
using Microsoft.Playwright;

namespace Barangay.Bench.Lighthouse;

/// <summary>
/// Issue 29, item 6: Lighthouse (mobile, simulated slow 4G and a 4× slower CPU, its defaults) on every public page and
/// on the resident home after sign-in: each should score at least 90 with LCP at most 2.5 s. Lighthouse itself is the
/// npm package (./bench.sh installs it under .data/lighthouse; BENCH_LIGHTHOUSE names its cli/index.js). It drives
/// Debian's Chromium, started here with a debugging port so that the resident's sign-in (made in that browser's own
/// profile) is the session Lighthouse's tab carries; Lighthouse clears caches and storage but not cookies.
/// Three runs a page, the median reported (Lighthouse's own advice: single runs vary).
/// </summary>
internal sealed class LighthouseBench : IBenchmark
{
    private const int Runs = 3;

    /// <summary>The pages a visitor reaches without an account, then the resident's first page.</summary>
    private static readonly (string Name, string Path, bool SignedIn)[] Pages =
    [
        ("signin", "/Identity/Account/Login", false),
        ("register", "/Identity/Account/Register", false),
        ("officials", "/officials", false),
        ("charter", "/charter", false),
        ("verify", "/verify", false),
        ("resident_home", "/", true),
    ];

    public string Name => "lighthouse";

    public string Description => "Lighthouse (mobile, simulated slow 4G) on the public pages and the resident home: score and LCP";

    public async Task<BenchOutcome> RunAsync(BenchDatabase database, CancellationToken ct)
    {
        var outcome = new BenchOutcome();
        var cli = Environment.GetEnvironmentVariable("BENCH_LIGHTHOUSE");
        if (cli is null || !File.Exists(cli))
        {
            outcome.Errors.Add("Lighthouse is not installed (./bench.sh installs it with npm when node is on the PATH; BENCH_LIGHTHOUSE names its cli/index.js).");
            return outcome;
        }
        await BenchAppProcess.SeedDemoAsync(ct);
        await using var app = await BenchAppProcess.StartAsync(new Dictionary<string, string>(), ct);
        outcome.Notes.Add("  app: " + BenchAppProcess.AppDll);
        outcome.Notes.Add(Line($"  load average at the start: {LoadAverage()} (TBT, and so the score, counts the CPU time the page took here, times 4)"));

        var port = FreePort();
        var profile = Directory.CreateTempSubdirectory("barangay-lighthouse-");
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = "/usr/bin/chromium", Headless = true, BaseURL = app.Url,
                Args = ["--no-sandbox", "--disable-gpu", $"--remote-debugging-port={port}", "--remote-debugging-address=127.0.0.1"],
            });
            foreach (var (name, path, signedIn) in Pages)
            {
                if (signedIn) await FirstVisitBench.SignInAsync(browser); // in the browser's own profile: the cookie Lighthouse's tab uses
                // The first run warms the server's page up (its first render after start); it is not counted.
                await RunLighthouseAsync(cli, port, app.Url + path, ct);
                var runs = new List<(double Score, double LcpMs, double Kib, string Final)>();
                for (var i = 0; i < Runs; i++) runs.Add(await RunLighthouseAsync(cli, port, app.Url + path, ct));
                var median = runs.OrderBy(r => r.Score).ElementAt(Runs / 2);
                outcome.Notes.Add(Line($"  {path}: scores {string.Join(", ", runs.Select(r => r.Score.ToString("F0", CultureInfo.InvariantCulture)))}; LCP {string.Join(", ", runs.Select(r => r.LcpMs.ToString("F0", CultureInfo.InvariantCulture)))} ms; {median.Kib:F0} KiB; ended on {new Uri(median.Final).PathAndQuery}"));
                if (new Uri(median.Final).AbsolutePath != new Uri(app.Url + path).AbsolutePath)
                    outcome.Errors.Add(Line($"{path} ended on {median.Final}: not the page meant (signed out?)."));
                outcome.Results.Add(new BenchResult($"lighthouse_{name}_score", median.Score, "points", Decimals: 0));
                outcome.Results.Add(new BenchResult($"lighthouse_{name}_lcp_ms", median.LcpMs, "ms", Decimals: 0));
                if (median.Score < 90) outcome.Errors.Add(Line($"lighthouse_{name}_score is {median.Score:F0} (target at least 90)."));
                if (median.LcpMs > 2500) outcome.Errors.Add(Line($"lighthouse_{name}_lcp_ms is {median.LcpMs:F0} (target at most 2,500)."));
            }
        }
        finally
        {
            try { profile.Delete(recursive: true); } catch (IOException) { } // Chromium may still hold a file for a moment
        }
        return outcome;
    }

    private static async Task<(double Score, double LcpMs, double Kib, string Final)> RunLighthouseAsync(string cli, int port, string url, CancellationToken ct)
    {
        var psi = new ProcessStartInfo("node", [cli, url, $"--port={port}", "--hostname=127.0.0.1", "--only-categories=performance", "--output=json", "--output-path=stdout", "--quiet"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync(ct);
        var errors = p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        var json = await output;
        if (p.ExitCode != 0 || json.Length == 0) throw new InvalidOperationException($"lighthouse {url} failed ({p.ExitCode}): {await errors}");
        using var report = JsonDocument.Parse(json);
        var root = report.RootElement;
        if (root.TryGetProperty("runtimeError", out var error) && error.ValueKind == JsonValueKind.Object)
            throw new InvalidOperationException($"lighthouse {url}: {error.GetProperty("message").GetString()}");
        var score = root.GetProperty("categories").GetProperty("performance").GetProperty("score").GetDouble() * 100;
        var audits = root.GetProperty("audits");
        var lcp = audits.GetProperty("largest-contentful-paint").GetProperty("numericValue").GetDouble();
        var bytes = audits.GetProperty("total-byte-weight").GetProperty("numericValue").GetDouble();
        return (Math.Round(score), lcp, bytes / 1024, root.GetProperty("finalDisplayedUrl").GetString()!);
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Line(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
