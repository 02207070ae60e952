using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Barangay.Bench.Infrastructure;
using Barangay.Data.Seed;

namespace Barangay.Bench.Circuits;

/// <summary>
/// Issue 29: what one app instance holds. The demo barangay in an app process of its own; real circuits opened through
/// the Blazor Server protocol (<see cref="BlazorCircuitClient"/>, no browser per circuit) on the resident home "/" and
/// on the officials' document queue "/documents". Prints
/// <c>circuit_kb</c> at 200, 1,000 and 2,000 open resident homes (server managed heap after a full collection, less the
/// heap with none open, per circuit; target at most 300), <c>circuits_per_4gb</c> (4 GiB less the idle process's working
/// set, over the working set each open resident home adds at 2,000, both after an aggressive collection; target at least 10,000),
/// <c>interaction_p95_ms</c> (a click on the menu button that re-renders the page, with 1,000 open; target at most 100)
/// and <c>official_queue_circuit_kb</c> at 200 open queues.
/// </summary>
internal sealed partial class CircuitCapacityBench : IBenchmark
{
    /// <summary>BENCH_CIRCUIT_STAGES (e.g. "5") runs smaller stages, to try the client out.</summary>
    private static readonly int[] Stages = Environment.GetEnvironmentVariable("BENCH_CIRCUIT_STAGES") is { Length: > 0 } custom
        ? custom.Split(',').Select(int.Parse).ToArray() : [200, 1_000, 2_000];
    private static readonly bool Trial = Environment.GetEnvironmentVariable("BENCH_CIRCUIT_STAGES") is { Length: > 0 };
    private static readonly int InteractionStage = Stages.Length > 1 ? Stages[1] : Stages[0];
    /// <summary>BENCH_CIRCUIT_CLICKS overrides the number of timed clicks (300 in a full run, 5 in a one-stage trial).</summary>
    private static readonly int Clicks = int.TryParse(Environment.GetEnvironmentVariable("BENCH_CIRCUIT_CLICKS"), out var c) ? c : Stages.Length > 1 ? 300 : 5;
    private const string MenuButton = "Open the menu";

    public string Name => "circuit_capacity";

    public string Description => "circuits per app instance: memory per open resident home at 200/1,000/2,000 circuits, a click's p95 with 1,000 open";

    public async Task<BenchOutcome> RunAsync(BenchDatabase database, CancellationToken ct)
    {
        var outcome = new BenchOutcome();
        await BenchAppProcess.SeedDemoAsync(ct);
        await using var app = await BenchAppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Circuits__Diagnostics"] = "true",
            // Pages closed by the bench (warm-up, then the resident stage) leave at once, so each baseline is clean.
            ["Circuits__DisconnectedRetention"] = "00:00:02",
            ["DetailedErrors"] = "true", // a failed click says why (no user data here: the demo barangay)
        }, ct);
        var baseUri = new Uri(app.Url + "/");
        using var diag = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(3) };
        var resident = await SignInAsync(baseUri, DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, ct);
        var official = await SignInAsync(baseUri, DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, ct);

        // Warm-up: the first pages compile and cache what every later one shares; not a circuit's own memory.
        await CloseAllAsync(await OpenAsync(baseUri, resident, "/", Trial ? 2 : 20, outcome, ct), diag, ct);
        if (!Trial) await CloseAllAsync(await OpenAsync(baseUri, official, "/documents", 5, outcome, ct), diag, ct);
        var idle = await MeasureAsync(diag, ct);
        var idleLean = await MeasureAsync(diag, ct, aggressive: true);
        outcome.Notes.Add(Line($"  idle: managed {idle.ManagedBytes / 1048576.0:F1} MiB, working set {idle.WorkingSetBytes / 1048576.0:F1} MiB ({idleLean.WorkingSetBytes / 1048576.0:F1} MiB after an aggressive collection)"));
        await HoldForADumpAsync(app, 0, ct); // the N=0 dump, to compare the open stage's with

        var open = new List<BlazorCircuitClient>();
        try
        {
            foreach (var stage in Stages)
            {
                var started = DateTime.UtcNow;
                open.AddRange(await OpenAsync(baseUri, resident, "/", stage - open.Count, outcome, ct));
                var m = await MeasureAsync(diag, ct);
                var lean = await MeasureAsync(diag, ct, aggressive: true);
                var kb = (m.ManagedBytes - idle.ManagedBytes) / 1024.0 / m.Open;
                var wsKb = (m.WorkingSetBytes - idle.WorkingSetBytes) / 1024.0 / m.Open;
                var leanKb = (lean.WorkingSetBytes - idleLean.WorkingSetBytes) / 1024.0 / lean.Open;
                Note(outcome, Line($"  {m.Open:N0} open resident homes (opened in {(DateTime.UtcNow - started).TotalSeconds:F0} s): managed {m.ManagedBytes / 1048576.0:F1} MiB, working set {m.WorkingSetBytes / 1048576.0:F1} MiB ({lean.WorkingSetBytes / 1048576.0:F1} MiB after an aggressive collection); per circuit {kb:F0} KiB managed, {wsKb:F0} KiB working set ({leanKb:F0} KiB after an aggressive collection)"));
                outcome.Results.Add(new BenchResult($"circuit_kb_{stage}", kb, "KiB", Decimals: 0));
                if (m.Open < stage) outcome.Errors.Add($"only {m.Open} of {stage} circuits were open on the server.");
                if (kb > 300) outcome.Errors.Add(Line($"circuit_kb at {stage} circuits is {kb:F0} KiB (target at most 300)."));

                if (stage == InteractionStage)
                {
                    List<double> timings;
                    try { timings = await ClickAsync(open, ct); }
                    catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
                    {
                        outcome.Errors.Add("interaction: " + ex.Message);
                        continue;
                    }
                    var p95 = timings.Count >= Latency.MinTailSamples ? Latency.Percentile(timings, 95) : timings.Max(); // a trial run: its slowest
                    outcome.Notes.Add(Line($"  click → re-render with {open.Count:N0} open: p50 {Latency.Percentile(timings, 50):F1} ms, p95 {p95:F1} ms ({timings.Count} clicks)"));
                    outcome.Results.Add(new BenchResult("interaction_p95_ms", p95, "ms"));
                    if (p95 > 100) outcome.Errors.Add(Line($"interaction_p95_ms is {p95:F1} ms (target at most 100)."));
                }
                if (stage == Stages[^1])
                {
                    // What fits: 4 GiB less the idle process, over what each open page adds, both measured after an
                    // aggressive collection (the GC's own behaviour near a memory limit); the figure with the free
                    // memory the GC keeps at hand counted as used is printed beside it.
                    var perCircuit = (double)(lean.WorkingSetBytes - idleLean.WorkingSetBytes) / lean.Open;
                    var fit = Math.Floor((4.0 * 1024 * 1024 * 1024 - idleLean.WorkingSetBytes) / perCircuit);
                    var fitKept = Math.Floor((4.0 * 1024 * 1024 * 1024 - idle.WorkingSetBytes) / ((double)(m.WorkingSetBytes - idle.WorkingSetBytes) / m.Open));
                    outcome.Notes.Add(Line($"  circuits_per_4gb {fit:N0} ({fitKept:N0} counting the free memory the GC keeps committed after a plain full collection)"));
                    outcome.Results.Add(new BenchResult("circuits_per_4gb", fit, "circuits", Decimals: 0));
                    if (fit < 10_000) outcome.Errors.Add(Line($"circuits_per_4gb is {fit:N0} (target at least 10,000)."));
                }
            }
            await HoldForADumpAsync(app, open.Count, ct);
            var errors = open.Count(c => c.Error is not null);
            if (errors > 0) outcome.Errors.Add($"{errors} circuits reported an error, e.g. {open.First(c => c.Error is not null).Error}");
        }
        finally
        {
            await CloseAllAsync(open, diag, ct);
        }

        if (Trial) return outcome;
        // The officials' queue: a heavier page (a grid and its filters), fewer of them open at a time.
        var baseline = await MeasureAsync(diag, ct);
        var queues = await OpenAsync(baseUri, official, "/documents", 200, outcome, ct);
        try
        {
            var q = await MeasureAsync(diag, ct);
            var kb = (q.ManagedBytes - baseline.ManagedBytes) / 1024.0 / q.Open;
            outcome.Notes.Add(Line($"  {q.Open} open official queues: per circuit {kb:F0} KiB managed"));
            outcome.Results.Add(new BenchResult("official_queue_circuit_kb", kb, "KiB", Decimals: 0));
        }
        finally
        {
            await CloseAllAsync(queues, diag, ct);
        }
        return outcome;
    }

    /// <summary>Opens <paramref name="count"/> pages, a few at a time (as phones arrive, not all in one instant).</summary>
    private static async Task<List<BlazorCircuitClient>> OpenAsync(Uri baseUri, CookieContainer cookies, string path, int count, BenchOutcome outcome, CancellationToken ct)
    {
        var opened = new ConcurrentBag<BlazorCircuitClient>();
        var failures = 0;
        string? firstFailure = null;
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (_, token) =>
        {
            try { opened.Add(await BlazorCircuitClient.OpenAsync(baseUri, cookies, path, MenuButton, TimeSpan.FromSeconds(60), token)); }
            catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
            {
                if (Interlocked.Increment(ref failures) == 1) firstFailure = ex.Message;
            }
        });
        if (failures > 0) outcome.Errors.Add($"{failures} of {count} pages {path} did not open, e.g. {firstFailure}");
        return [.. opened];
    }

    /// <summary>Clicks the menu button of open pages in turn, four phones at a time, and times each re-render.</summary>
    private static async Task<List<double>> ClickAsync(List<BlazorCircuitClient> open, CancellationToken ct)
    {
        var timings = new ConcurrentBag<double>();
        var failed = 0;
        string? first = null;
        await Parallel.ForAsync(0, Clicks, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (i, token) =>
        {
            try { timings.Add(await open[i % open.Count].ClickAsync(token)); }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
            {
                // A click the client sent with a handler id the button had just replaced: counted, not timed.
                if (Interlocked.Increment(ref failed) == 1) first = ex.Message.Split('\n')[0];
            }
        });
        if (failed * 20 > Clicks) throw new InvalidOperationException($"{failed} of {Clicks} clicks failed, e.g. {first}");
        if (failed > 0) Console.Error.WriteLine($"  {failed} of {Clicks} clicks failed (not timed), e.g. {first}");
        return [.. timings];
    }

    private static async Task CloseAllAsync(List<BlazorCircuitClient> clients, HttpClient diag, CancellationToken ct)
    {
        await Parallel.ForEachAsync(clients, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (c, _) => await c.DisposeAsync());
        clients.Clear();
        // The server drops a closed page after its (bench) retention: it answers once it has (woken by its circuit
        // counter, no polling), or with 408 after 2 minutes.
        using var response = await diag.GetAsync("_diag/circuits/wait?open=0&seconds=120", ct);
        if (!response.IsSuccessStatusCode) throw new TimeoutException("the server still held closed pages after 2 minutes: " + await response.Content.ReadAsStringAsync(ct));
    }

    private static async Task<Diag> MeasureAsync(HttpClient diag, CancellationToken ct, bool aggressive = false) =>
        (await diag.GetFromJsonAsync<Diag>(aggressive ? "_diag/circuits?collect=true&aggressive=true" : "_diag/circuits?collect=true", ct))!;

    /// <summary>Signs in through the sign-in form, as a phone does once; every circuit of that user shares its cookie.</summary>
    private static async Task<CookieContainer> SignInAsync(Uri baseUri, string user, string password, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = baseUri };
        var form = await http.GetStringAsync("Identity/Account/Login", ct);
        var token = Antiforgery().Match(form).Groups[1].Value;
        var response = await http.PostAsync("Identity/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = user, ["Input.Password"] = password, ["__RequestVerificationToken"] = token,
        }), ct);
        if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found)
            throw new InvalidOperationException($"signing {user} in answered {(int)response.StatusCode}");
        return cookies;
    }

    /// <summary>
    /// BENCH_CIRCUIT_HOLD=file: with none open (after the warm-up) and again with the last stage open, writes the app's
    /// process id into the file and waits until the file is deleted, so that two memory dumps (dotnet-gcdump collect -p)
    /// show what the open circuits hold over the idle process.
    /// </summary>
    private static async Task HoldForADumpAsync(BenchAppProcess app, int open, CancellationToken ct)
    {
        if (Environment.GetEnvironmentVariable("BENCH_CIRCUIT_HOLD") is not { Length: > 0 } file) return;
        await File.WriteAllTextAsync(file, app.ProcessId.ToString(CultureInfo.InvariantCulture), ct);
        Console.Error.WriteLine($"  holding {open} open circuits in process {app.ProcessId} until {file} is deleted");
        using var gone = new FileSystemWatcher(Path.GetDirectoryName(Path.GetFullPath(file))!, Path.GetFileName(file)) { EnableRaisingEvents = true };
        var deleted = new TaskCompletionSource();
        gone.Deleted += (_, _) => deleted.TrySetResult();
        if (File.Exists(file)) await deleted.Task.WaitAsync(ct);
    }

    /// <summary>Kept for the end of the run, and written at once (a long run shows its progress).</summary>
    private static void Note(BenchOutcome outcome, string line)
    {
        outcome.Notes.Add(line);
        Console.Error.WriteLine(line);
    }

    private static string Line(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    private sealed record Diag(long Open, long Connected, long Closed, long ManagedBytes, long WorkingSetBytes);
}
