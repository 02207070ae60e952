using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Barangay.Bench.Circuits;

/// <summary>
/// The app (Barangay.App.dll of the same configuration as this bench, as ./bench.sh builds it) in its own process on a
/// free loopback port over the bench database, seeded with the demo barangay: the server whose circuits are measured.
/// Its memory is its own, apart from the bench's clients.
/// </summary>
internal sealed class BenchAppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _dataRoot;

    private BenchAppProcess(Process process, string url, string dataRoot)
    {
        _process = process;
        Url = url;
        _dataRoot = dataRoot;
    }

    public string Url { get; }

    /// <summary>The app's process id (for a memory dump of it: see BENCH_CIRCUIT_HOLD in CircuitCapacityBench).</summary>
    public int ProcessId => _process.Id;

    public string Output { get { lock (_output) return _output.ToString(); } }

    public static string AppDll
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<Configuration>/net10.0
            return Environment.GetEnvironmentVariable("BARANGAY_APP_DLL")
                   ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "Barangay.App", "bin", configuration, "net10.0", "Barangay.App.dll"));
        }
    }

    /// <summary>Seeds the demo barangay into the bench database (its resident signs in), once per run.</summary>
    public static async Task SeedDemoAsync(CancellationToken ct)
    {
        var psi = Start("seed-demo");
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync(ct);
        var errors = p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        if (p.ExitCode != 0) throw new InvalidOperationException($"seed-demo failed ({p.ExitCode}): {await output}{await errors}");
    }

    public static async Task<BenchAppProcess> StartAsync(IDictionary<string, string> settings, CancellationToken ct)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var psi = Start("--urls", url);
        psi.Environment["PublicBaseUrl"] = url;
        psi.Environment["AllowedHosts"] = "127.0.0.1;localhost";
        var dataRoot = Path.Combine(Path.GetTempPath(), "barangay-bench-" + Guid.NewGuid().ToString("N")[..8]);
        psi.Environment["Storage__DataRoot"] = dataRoot;
        // One demo account stands for thousands of residents in the benches: the per-person page limit (30) is lifted.
        psi.Environment["Circuits__MaxPagesPerAccount"] = "1000000";
        foreach (var (k, v) in settings) psi.Environment[k] = v;
        var app = new BenchAppProcess(Process.Start(psi)!, url, dataRoot);
        app._process.OutputDataReceived += (_, e) => app.Append(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        await app.WaitUntilHealthyAsync(ct);
        return app;
    }

    private static ProcessStartInfo Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet", [AppDll, .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Demo__Allowed"] = "true"; // the demo barangay's published passwords (DemoPasswordGuard)
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        return psi;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>Polls /healthz (bounded), then renders the sign-in page once so its first compile is not measured.</summary>
    private async Task WaitUntilHealthyAsync(CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The app exited ({_process.ExitCode}) while starting:\n{Output}");
            try
            {
                if ((await http.GetAsync(Url + "/healthz", ct)).StatusCode == HttpStatusCode.OK)
                {
                    await http.GetAsync(Url + "/Identity/Account/Login", ct);
                    return;
                }
            }
            catch (HttpRequestException) { }
            await Task.Delay(250, ct);
        }
        throw new TimeoutException("The app did not answer /healthz within 120 s:\n" + Output);
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
        if (Directory.Exists(_dataRoot)) Directory.Delete(_dataRoot, recursive: true);
    }
}
