using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Barangay.Tests.Infrastructure;
using FluentAssertions;
using Npgsql;

namespace Barangay.Tests.App.Hosting;

/// <summary>
/// A (re)started app process says ready on /healthz, which HAProxy checks before sending it users, only once it is warm
/// (issue 28: a process restarted just before the other dies was served cold), and a database that does not answer
/// holds readiness back no longer than the warm-up's time box (Hosting/Warmup/StartupWarmup).
/// </summary>
public sealed class StartupWarmupTests : IAsyncLifetime
{
    private readonly DemoDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Healthz_AfterStart_SaysOkOnlyWithEveryWarmupStepDone()
    {
        await using var app = await AppProcess.StartAsync(_database.AppConnectionString);

        var (status, body) = await GetAsync(app.Url + "/healthz");

        status.Should().Be(HttpStatusCode.OK);
        body.Should().Be("ok", "the pools opened, the home queries ran and the sign-in page rendered");
    }

    [Fact]
    public async Task Healthz_WhileAWarmupStepHangs_SaysNotReady_ThenReadyWithTheReasonAtTheTimeBox()
    {
        // A read endpoint that takes connections and never answers: the warm-up's read-pool step hangs on it.
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            var read = new NpgsqlConnectionStringBuilder(_database.AppConnectionString)
                { Host = "127.0.0.1", Port = ((IPEndPoint)silent.LocalEndpoint).Port }.ConnectionString;
            await using var app = AppProcess.Launch(_database.AppConnectionString,
                new Dictionary<string, string> { ["ConnectionStrings__Read"] = read, ["Warmup__TimeLimitSeconds"] = "8" });

            await app.Listening;
            var listening = Stopwatch.GetTimestamp();
            var (firstStatus, firstBody) = await GetAsync(app.Url + "/healthz");
            await app.ReadyAsync();
            var waited = Stopwatch.GetElapsedTime(listening);

            firstStatus.Should().Be(HttpStatusCode.ServiceUnavailable, "the process listens before it is warm, and says so");
            firstBody.Should().Be("warming up");
            var (status, body) = await GetAsync(app.Url + "/healthz");
            status.Should().Be(HttpStatusCode.OK);
            body.Should().Be("ok; not warm: warm-up stopped at its 8 s limit: opening the read endpoint's connection pool");
            waited.Should().BeGreaterThan(TimeSpan.FromSeconds(3), "readiness waited for the hanging step");
        }
        finally
        {
            silent.Stop();
        }
    }

    [Fact]
    public async Task Start_WithTheDatabaseDown_IsReadyWithinTheTimeBox_AndSaysWhy()
    {
        // Nothing listens on the leader's port: every connection is refused, which the failover strategy retries for 45 s.
        var down = new NpgsqlConnectionStringBuilder(_database.AppConnectionString) { Host = "127.0.0.1", Port = FreePort() }.ConnectionString;
        await using var app = AppProcess.Launch(down, new Dictionary<string, string> { ["Warmup__TimeLimitSeconds"] = "5" });

        await app.Listening;
        var listening = Stopwatch.GetTimestamp();
        var (firstStatus, _) = await GetAsync(app.Url + "/healthz");
        await app.ReadyAsync();
        var waited = Stopwatch.GetElapsedTime(listening);

        firstStatus.Should().Be(HttpStatusCode.ServiceUnavailable);
        // 5 s box; the rest is room for a loaded machine. Without the box the leader step alone would retry for 45 s.
        waited.Should().BeLessThan(TimeSpan.FromSeconds(25));
        var (status, body) = await GetAsync(app.Url + "/healthz");
        status.Should().Be(HttpStatusCode.OK, "the app starts and serves (its pages say what is wrong) rather than never starting");
        body.Should().Be("ok; not warm: warm-up stopped at its 5 s limit: opening the leader's connection pool");
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(string url)
    {
        using var http = new HttpClient();
        using var res = await http.GetAsync(url);
        return (res.StatusCode, await res.Content.ReadAsStringAsync());
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
