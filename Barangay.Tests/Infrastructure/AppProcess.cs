using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Barangay.Tests.Infrastructure;

/// <summary>
/// The real app (Barangay.App.dll, as ./run.sh starts it) in its own process on a random loopback port,
/// over a given database. End-to-end tests drive it with a browser or an HttpClient.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    // Arrival signals from the app's own log lines (Microsoft.Hosting.Lifetime and the warm-up, Hosting/Warmup/StartupWarmup):
    // a test waits for the line, not on a polling interval.
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(Process process, string url, string jobsSchema, string dataRoot)
    {
        _process = process;
        Url = url;
        JobsSchema = jobsSchema;
        DataRoot = dataRoot;
    }

    public string Url { get; }

    /// <summary>This process's own Hangfire schema in the jobs database (so app processes never run each other's jobs).</summary>
    public string JobsSchema { get; }

    /// <summary>Storage:DataRoot of this process (.eml files are under its mail folder).</summary>
    public string DataRoot { get; }

    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <param name="url">The address to serve on (a restart keeps its address); a free loopback port when null.</param>
    public static async Task<AppProcess> StartAsync(string appConnectionString, IDictionary<string, string>? extra = null, string? url = null)
    {
        var app = Launch(appConnectionString, extra, url);
        try
        {
            var warm = await app.ReadyAsync();
            if (!warm) await app.WarmUpAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the process and returns at once; <see cref="Listening"/> and <see cref="ReadyAsync"/> say when it gets there.</summary>
    public static AppProcess Launch(string appConnectionString, IDictionary<string, string>? extra = null, string? url = null)
    {
        var dll = Environment.GetEnvironmentVariable("BARANGAY_APP_DLL")
                  ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "Barangay.App", "bin", "Debug", "net10.0", "Barangay.App.dll"));
        url ??= $"http://127.0.0.1:{FreePort()}";
        var psi = new ProcessStartInfo("dotnet", [dll, "--urls", url])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["ConnectionStrings__Default"] = appConnectionString;
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Demo__Allowed"] = "true"; // Production over the demo barangay's published passwords (DemoPasswordGuard)
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information"; // "Now listening on:"
        psi.Environment["Logging__LogLevel__Barangay.App.Hosting.Warmup.StartupWarmup"] = "Information"; // "Warm-up done", "Ready after"
        // As ./run.sh: links start with the app's own address, and only its own host names are answered.
        psi.Environment["PublicBaseUrl"] = url;
        psi.Environment["AllowedHosts"] = "127.0.0.1;localhost";
        var dataRoot = Path.Combine(Path.GetTempPath(), "barangay-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        psi.Environment["Storage__DataRoot"] = dataRoot;
        TestKeys.CopyInto(dataRoot);
        // Hangfire: the jobs database of ./test.sh, a schema per process, and polling fast enough for tests.
        var schema = "hf_" + Guid.NewGuid().ToString("N")[..12];
        psi.Environment["ConnectionStrings__Jobs"] = JobsTestHost.JobsConnectionString;
        psi.Environment["Hangfire__Schema"] = schema;
        psi.Environment["Hangfire__QueuePollInterval"] = "00:00:01";
        psi.Environment["Hangfire__SchedulePollingInterval"] = "00:00:01";
        psi.Environment["Hangfire__WorkerCount"] = "4";
        // The suite signs the same demo accounts in from hundreds of browser contexts, several at once: the per-person
        // page limit (issue 29) has its own test (PageLimitTests), which sets it low.
        psi.Environment["Circuits__MaxPagesPerAccount"] = "100000";
        psi.Environment["Circuits__MaxPagesPerAddress"] = "100000";
        if (TestClock.IsShifted)
        {
            // The app runs on the suite's clock (BARANGAY_TEST_NOW): what it stamps and shows agrees with what the test expects.
            psi.Environment["Testing__Now"] = TestClock.Running().GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            psi.Environment["Testing__AllowShiftedClock"] = "true";
        }
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) psi.Environment[k] = v;

        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the app");
        var app = new AppProcess(process, url, psi.Environment["Hangfire__Schema"]!, psi.Environment["Storage__DataRoot"]!);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _ = app.FailWaitersOnExitAsync();
        return app;
    }

    /// <summary>Completes when the server listens (before its warm-up); fails if the process exits first.</summary>
    public Task Listening => _listening.Task;

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (line.Contains("Now listening on:", StringComparison.Ordinal)) _listening.TrySetResult();
        if (line.Contains("Warm-up done in ", StringComparison.Ordinal) || line.Contains("Warm-up off; ready", StringComparison.Ordinal))
            _ready.TrySetResult(true);
        else if (line.Contains("Ready after ", StringComparison.Ordinal) && line.Contains("without a full warm-up", StringComparison.Ordinal))
            _ready.TrySetResult(false);
    }

    private async Task FailWaitersOnExitAsync()
    {
        await _process.WaitForExitAsync(); // also waits for the output to be read to its end, so the message has all of it
        var exited = new InvalidOperationException($"The app exited (code {_process.ExitCode}) while starting:\n" + Output);
        _listening.TrySetException(exited);
        _ready.TrySetException(exited);
    }

    /// <summary>
    /// Waits until the process says it is ready (its warm-up done, or its time box spent), then checks that /healthz
    /// answers 200, as HAProxy would; true when it started warm.
    /// </summary>
    public async Task<bool> ReadyAsync()
    {
        bool warm;
        try
        {
            warm = await _ready.Task.WaitAsync(TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("The app did not say ready within 90 s:\n" + Output);
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var res = await http.GetAsync(Url + "/healthz");
        if (res.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"The app said ready but /healthz answered {(int)res.StatusCode}:\n" + Output);
        return warm;
    }

    /// <summary>
    /// Renders the sign-in page once when the app's own warm-up fell short (it renders it when it completes): a fresh
    /// process compiles its pages on the first request, which on a busy 2-core machine can take longer than a browser's
    /// navigation timeout.
    /// </summary>
    private async Task WarmUpAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        try { await http.GetAsync(Url + "/Identity/Account/Login"); }
        catch (HttpRequestException) { }
        catch (TaskCanceledException) { }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        await JobsTestHost.DropSchemaAsync(JobsSchema);
        if (Directory.Exists(DataRoot)) Directory.Delete(DataRoot, recursive: true);
    }
}
