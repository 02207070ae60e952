using Barangay.App.Hosting;
using Barangay.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Barangay.Tests.Infrastructure;

/// <summary>
/// The worker exactly as `Barangay.App worker` builds it (<see cref="WorkerHost"/>): a real Hangfire server over
/// the jobs database of ./test.sh, in a schema of its own (dropped afterwards), polling fast, over a test database.
/// </summary>
public sealed class JobsTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private JobsTestHost(IHost host, string schema, string dataRoot)
    {
        _host = host;
        Schema = schema;
        DataRoot = dataRoot;
    }

    public string Schema { get; }

    /// <summary>Storage:DataRoot of this host (.eml files go to its mail folder).</summary>
    public string DataRoot { get; }

    public IServiceProvider Services => _host.Services;

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public Task<BarangayDbContext> DbAsync() => Get<IDbContextFactory<BarangayDbContext>>().CreateDbContextAsync();

    public static string JobsConnectionString =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Jobs")
        ?? throw new InvalidOperationException("ConnectionStrings__Jobs is not set: run the tests with ./test.sh.");

    /// <param name="sendGrid">Deliver through this fake SendGrid; null = no key, so .eml files.</param>
    public static async Task<JobsTestHost> StartAsync(string appConnectionString, FakeSendGrid? sendGrid, IDictionary<string, string?>? extra = null)
    {
        var schema = "hf_" + Guid.NewGuid().ToString("N")[..12];
        var dataRoot = Path.Combine(Path.GetTempPath(), "barangay-jobs-" + Guid.NewGuid().ToString("N")[..8]);
        TestKeys.CopyInto(dataRoot);
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = appConnectionString,
            ["ConnectionStrings:Jobs"] = JobsConnectionString,
            ["Hangfire:Schema"] = schema,
            ["Hangfire:QueuePollInterval"] = "00:00:00.200",
            ["Hangfire:SchedulePollingInterval"] = "00:00:00.200",
            ["Hangfire:WorkerCount"] = "4",
            ["Jobs:HostLogging"] = "false",
            ["Jobs:SweepGrace"] = "00:00:00",
            ["Email:RetryBaseDelay"] = "00:00:00.100",
            ["Storage:DataRoot"] = dataRoot,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (sendGrid is not null)
        {
            settings["Email:SendGrid:ApiKey"] = "SG.test-key";
            settings["Email:SendGrid:BaseUrl"] = sendGrid.BaseUrl;
        }
        if (TestClock.IsShifted)
        {
            // The jobs run on the suite's clock (BARANGAY_TEST_NOW), as the rows the test writes do.
            settings["Testing:Now"] = TestClock.Running().GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            settings["Testing:AllowShiftedClock"] = "true";
        }
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) settings[k] = v;
        var host = WorkerHost.Build([], b => b.Configuration.AddInMemoryCollection(settings));
        await host.StartAsync();
        return new JobsTestHost(host, schema, dataRoot);
    }

    /// <summary>Polls until <paramref name="condition"/> holds (or fails the test after <paramref name="seconds"/>).</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        // Polls the observable state (a row the job writes) until a monotonic deadline. The pause is only the polling
        // interval, so two cores are not spent asking; it never decides the outcome.
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!await condition())
        {
            if (elapsed.Elapsed > TimeSpan.FromSeconds(seconds)) throw new TimeoutException($"Waited {seconds} s for {what}.");
            await poll.WaitForNextTickAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(10));
        _host.Dispose();
        await DropSchemaAsync(Schema);
        if (Directory.Exists(DataRoot)) Directory.Delete(DataRoot, recursive: true);
    }

    public static async Task DropSchemaAsync(string schema)
    {
        await using var conn = new NpgsqlConnection(JobsConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
