using System.Collections.Concurrent;
using System.Diagnostics;
using Barangay.Data;
using Barangay.Data.Resilience;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Barangay.Tests.Scale.Failover;

/// <summary>
/// A leader lost under load: writers commit through the app's own context options (FailoverRetryStrategy and
/// CommitOutcomeInterceptor), the leader's Patroni and postmaster are killed with -9, and afterwards every write a
/// writer saw acknowledged is there exactly once; meanwhile the official dashboard's counts, read through the app's
/// stale-read path on HAProxy's replica port, keep answering. scripts/drill.sh runs the full drill on the three-node cluster.
/// </summary>
[Trait("Category", "Failover")]
public class FailoverTests(PatroniClusterFixture fixture) : IClassFixture<PatroniClusterFixture>
{
    private const int Writers = 4;

    private PatroniCluster Cluster()
    {
        Skip.If(fixture.Missing is not null, $"The failover tests need {fixture.Missing}: ./test.sh installs them with apt-get when run as root (sudo apt-get install patroni etcd-server etcd-client haproxy).");
        return fixture.Cluster!;
    }

    [SkippableFact]
    public async Task CommitOutcomeProbe_TellsOurCommitFromAnAbortedOrReusedOrUnknownTransaction()
    {
        var cluster = Cluster();
        await using var c = new NpgsqlConnection(cluster.SuperConnectionString);
        await c.OpenAsync();
        await Exec(c, "CREATE TABLE IF NOT EXISTS probe_writes (n int)");

        var committed = await WriteAsync(c, commit: true);
        var aborted = await WriteAsync(c, commit: false);
        var window = TimeSpan.FromSeconds(5);
        async Task<CommitOutcome> Ask((ulong Xid, DateTime At) mark) => await CommitOutcomeProbe.AskAsync(c, mark, window, TimeSpan.FromSeconds(20), CancellationToken.None);

        (await Ask(committed)).Should().Be(CommitOutcome.Committed);
        (await Ask(aborted)).Should().Be(CommitOutcome.NotCommitted);
        // The same id committed a minute after our COMMIT: a new leader reusing an id it never saw from us.
        (await Ask((committed.Xid, committed.At.AddMinutes(-1)))).Should().Be(CommitOutcome.NotCommitted);
        // An id the leader has not handed out yet: our transaction never reached it.
        (await Ask((committed.Xid + 1_000_000, committed.At))).Should().Be(CommitOutcome.NotCommitted);
    }

    private static async Task<(ulong Xid, DateTime At)> WriteAsync(NpgsqlConnection c, bool commit)
    {
        await using var tx = await c.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO probe_writes VALUES (1)", c, tx)) await insert.ExecuteNonQueryAsync();
        await using var mark = new NpgsqlCommand("SELECT pg_current_xact_id()::text, clock_timestamp()", c, tx);
        (ulong, DateTime) result;
        await using (var r = await mark.ExecuteReaderAsync())
        {
            await r.ReadAsync();
            result = (ulong.Parse(r.GetString(0), System.Globalization.CultureInfo.InvariantCulture), r.GetDateTime(1));
        }
        if (commit) await tx.CommitAsync();
        else await tx.RollbackAsync();
        return result;
    }

    private static async Task Exec(NpgsqlConnection c, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }

    [SkippableFact]
    public async Task LeaderKilledUnderLoad_EveryAcknowledgedWriteIsKeptOnce()
    {
        var cluster = Cluster();
        await using (var c = new NpgsqlConnection(cluster.SuperConnectionString))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand("CREATE TABLE drill_writes (id uuid NOT NULL, writer int NOT NULL, at timestamptz NOT NULL DEFAULT now())", c);
            await cmd.ExecuteNonQueryAsync();
        }
        // The app's own options: its execution strategy and commit-outcome interceptor.
        var builder = new DbContextOptionsBuilder<BarangayDbContext>();
        DataServiceCollectionExtensions.Configure(builder, cluster.SuperConnectionString, new DatabaseOptions { SettleLostCommits = true });
        var options = builder.Options;

        var acknowledged = new ConcurrentBag<Guid>();
        var failed = 0;
        long killedAt = 0;
        var ackedAfterKill = new Tally();
        var ackedCount = new Tally();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var dashboard = await ClusterDashboard.StartAsync(cluster);
        var reader = dashboard.RunAsync(cluster, stop.Token);
        var writers = Enumerable.Range(1, Writers).Select(w => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var id = Guid.NewGuid();
                try
                {
                    await using var db = new BarangayDbContext(options);
                    await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
                    {
                        await using var attempt = new BarangayDbContext(options);
                        await using var tx = await attempt.Database.BeginTransactionAsync(ct);
                        await attempt.Database.ExecuteSqlAsync($"INSERT INTO drill_writes (id, writer) VALUES ({id}, {w})", ct);
                        await tx.CommitAsync(ct);
                    }, stop.Token);
                    acknowledged.Add(id);
                    ackedCount.Add();
                    if (Interlocked.Read(ref killedAt) != 0) ackedAfterKill.Add();
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (e is RetryLimitExceededException or CommitOutcomeUnknownException)
                {
                    Interlocked.Increment(ref failed); // told "please try again": allowed, never counted as acknowledged
                }
            }
        })).ToList();

        await ackedCount.ReachedAsync(40, stop.Token);
        await dashboard.Answers.ReachedAsync(3, stop.Token);
        var oldLeader = await cluster.KillLeaderAsync();
        Interlocked.Exchange(ref killedAt, Stopwatch.GetTimestamp());
        dashboard.LeaderKilled(oldLeader == "1" ? "2" : "1");
        await ackedAfterKill.ReachedAsync(40, stop.Token);
        var gap = Stopwatch.GetElapsedTime(killedAt);
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        await reader;

        var newLeader = await cluster.LeaderAsync();
        dashboard.AnsweredWhileLeaderless.Should().BeGreaterThan(0, $"the dashboard answers from the replica while no leader exists (last failure: {dashboard.LastFailure})");
        (await dashboard.ReadAsync(CancellationToken.None)).Should().StartWith($"{ClusterDashboard.Residents},", "after the failover it answers from the new leader");
        var stored = new Dictionary<Guid, int>();
        // A fresh connection, not one from the pool: a pooled one may be to the leader that was killed (it then fails on
        // its first read, "Exception while reading from stream"); the app's own reads retry, this check has no retry.
        await using (var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cluster.SuperConnectionString) { Pooling = false }.ConnectionString))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT id, count(*)::int FROM drill_writes GROUP BY id", c);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) stored[r.GetGuid(0)] = r.GetInt32(1);
        }

        newLeader.Should().NotBe(oldLeader, "the standby took over");
        acknowledged.Where(id => !stored.ContainsKey(id)).Should().BeEmpty("a write acknowledged before or during the failover is never lost");
        stored.Where(p => p.Value > 1).Should().BeEmpty("a retried write is never stored twice");
        Console.WriteLine($"failover test: {acknowledged.Count} acknowledged, {failed} told to try again, 40 writes after the kill within {gap.TotalSeconds:F1}s; "
            + $"dashboard: {dashboard.Answers.Count} answers, {dashboard.AnsweredWhileLeaderless} while leaderless, {dashboard.FailedAfterKill} failed after the kill, "
            + $"longest without an answer {dashboard.LongestWithoutAnswer.TotalSeconds:F1}s");
    }
}
