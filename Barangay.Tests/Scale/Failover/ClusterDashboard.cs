using System.Diagnostics;
using Barangay.Data;
using Barangay.Data.Dashboard;
using Barangay.Data.Replicas;
using Barangay.Data.Residents;
using Barangay.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Barangay.Tests.Scale.Failover;

/// <summary>
/// The official dashboard's counts (<see cref="DashboardPulse"/>, the statement its live poll runs) read in a loop through
/// the app's stale-read path pointed at HAProxy's replica port, over stand-in tables with only the columns the statement
/// reads (the full schema would cost the cluster test its time budget). Each answer is stamped; after the kill, each
/// answer is followed by asking the surviving node itself whether it is still a replica, so an answer given while no
/// leader existed is told apart from one the new leader gave.
/// </summary>
public sealed class ClusterDashboard : IAsyncDisposable
{
    public const int Residents = 7;
    private readonly ServiceProvider _services;
    private readonly StaleReadContextFactory _factory;
    private volatile string? _survivor;

    private ClusterDashboard(ServiceProvider services)
    {
        _services = services;
        _factory = services.GetRequiredService<StaleReadContextFactory>();
    }

    /// <summary>Readings that came back right (the test awaits the first few before it kills the leader).</summary>
    public Tally Answers { get; } = new();
    public int AnsweredWhileLeaderless;
    public int FailedAfterKill;
    public TimeSpan LongestWithoutAnswer;
    public string? LastFailure;

    public static async Task<ClusterDashboard> StartAsync(PatroniCluster cluster)
    {
        await using (var c = new NpgsqlConnection(cluster.SuperConnectionString))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"""
                CREATE TABLE residents (deleted_at timestamptz, registration_status text);
                INSERT INTO residents SELECT NULL, '{ResidentStatuses.Active}' FROM generate_series(1, {Residents});
                CREATE TABLE households (deleted_at timestamptz);
                CREATE TABLE registration_pending (status text);
                CREATE TABLE document_requests (status text, due_at timestamptz);
                CREATE TABLE complaints (status text);
                CREATE TABLE events (status text, start_at timestamptz);
                CREATE TABLE conversations (awaiting_reply boolean);
                CREATE TABLE conversation_participants (unread_count int);
                """, c);
            await cmd.ExecuteNonQueryAsync();
        }
        var services = new ServiceCollection().AddLogging()
            .AddBarangayData(cluster.SuperConnectionString, new DatabaseOptions
            {
                SettleLostCommits = true,
                Read = new ReadReplicaOptions { ConnectionString = new NpgsqlConnectionStringBuilder(cluster.SuperReadConnectionString) { Timeout = 3 }.ConnectionString },
            })
            .BuildServiceProvider();
        return new ClusterDashboard(services);
    }

    /// <summary>One reading now (after the failover: from whichever server the path chooses).</summary>
    public Task<string> ReadAsync(CancellationToken ct) => DashboardPulse.ReadAsync(_factory, ct);

    /// <summary>From now on, answers are checked against this node (the one left when the leader was killed).</summary>
    public void LeaderKilled(string survivor) => _survivor = survivor;

    /// <summary>How often the dashboard reads the figures.</summary>
    public static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(100);

    public async Task RunAsync(PatroniCluster cluster, CancellationToken ct)
    {
        var lastAnswer = Stopwatch.GetTimestamp();
        // The dashboard refreshes ten times a second, as a page polling its figures would: a sampling period, not a
        // wait for something to happen (the test waits on the counts it reads).
        using var refresh = new PeriodicTimer(Refresh);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var reading = await ReadAsync(ct);
                if (!reading.StartsWith($"{Residents},", StringComparison.Ordinal)) throw new InvalidOperationException("wrong reading: " + reading);
                var gap = Stopwatch.GetElapsedTime(lastAnswer);
                if (gap > LongestWithoutAnswer) LongestWithoutAnswer = gap;
                lastAnswer = Stopwatch.GetTimestamp();
                Answers.Add();
                if (_survivor is { } node && await StillReplicaAsync(cluster.NodeConnectionString(node), ct))
                    Interlocked.Increment(ref AnsweredWhileLeaderless);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                if (_survivor is not null) Interlocked.Increment(ref FailedAfterKill);
                LastFailure = e.Message;
            }
            try
            {
                if (!await refresh.WaitForNextTickAsync(ct)) return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task<bool> StillReplicaAsync(string node, CancellationToken ct)
    {
        try
        {
            await using var c = new NpgsqlConnection(node);
            await c.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("SELECT pg_is_in_recovery()", c);
            return (bool)(await cmd.ExecuteScalarAsync(ct))!;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
