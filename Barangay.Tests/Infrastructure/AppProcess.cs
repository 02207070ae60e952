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
        await app.WaitUntilHealthyAsync();
        return app;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The app exited (code {_process.ExitCode}) while starting:\n" + Output);
            try
            {
                if ((await http.GetAsync(Url + "/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    await WarmUpAsync();
                    return;
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException("The app did not answer /healthz within 60 s:\n" + Output);
    }

    /// <summary>
    /// Renders the sign-in page once: a fresh process compiles its pages on the first request, which on a busy
    /// 2-core machine can take longer than a browser's navigation timeout.
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
