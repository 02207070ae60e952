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
            var url = $"http://127.0.0.1:{FreePort()}";
            var starting = AppProcess.StartAsync(_database.AppConnectionString,
                new Dictionary<string, string> { ["ConnectionStrings__Read"] = read, ["Warmup__TimeLimitSeconds"] = "8" }, url);

            var (firstStatus, firstBody, listening) = await FirstAnswerAsync(url + "/healthz", starting);
            var waited = await ReadyAsync(url + "/healthz", listening, starting);
            await using var app = await starting;

            firstStatus.Should().Be(HttpStatusCode.ServiceUnavailable, "the process listens before it is warm, and says so");
            firstBody.Should().Be("warming up");
            var (status, body) = await GetAsync(url + "/healthz");
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
        var url = $"http://127.0.0.1:{FreePort()}";
        var starting = AppProcess.StartAsync(down, new Dictionary<string, string> { ["Warmup__TimeLimitSeconds"] = "5" }, url);

        var (firstStatus, _, listening) = await FirstAnswerAsync(url + "/healthz", starting);
        var waited = await ReadyAsync(url + "/healthz", listening, starting);
        await using var app = await starting;

        firstStatus.Should().Be(HttpStatusCode.ServiceUnavailable);
        // 5 s box; the rest is room for a loaded machine. Without the box the leader step alone would retry for 45 s.
        waited.Should().BeLessThan(TimeSpan.FromSeconds(25));
        var (status, body) = await GetAsync(url + "/healthz");
        status.Should().Be(HttpStatusCode.OK, "the app starts and serves (its pages say what is wrong) rather than never starting");
        body.Should().Be("ok; not warm: warm-up stopped at its 5 s limit: opening the leader's connection pool");
    }

    /// <summary>The first answer the starting process gives, and when it came (a condition wait, bounded by the start's own).</summary>
    private static async Task<(HttpStatusCode Status, string Body, long At)> FirstAnswerAsync(string url, Task starting)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            try
            {
                using var res = await http.GetAsync(url);
                return (res.StatusCode, await res.Content.ReadAsStringAsync(), Stopwatch.GetTimestamp());
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (starting.IsCompleted)
            {
                await starting; // a start that failed fails the test with the app's output
                throw new InvalidOperationException("the app was ready before it answered once");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>How long after <paramref name="since"/> /healthz first said 200 (polled; bounded at 90 s).</summary>
    private static async Task<TimeSpan> ReadyAsync(string url, long since, Task starting)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 90;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            try
            {
                using var res = await http.GetAsync(url);
                if (res.StatusCode == HttpStatusCode.OK) return Stopwatch.GetElapsedTime(since);
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (starting.IsFaulted) await starting; // the app exited: its output is in the exception
            await Task.Delay(50);
        }
        throw new TimeoutException("/healthz never said ready within 90 s");
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
