using System.Collections.Concurrent;
using System.Diagnostics;
using Barangay.Data;
using Barangay.Data.Resilience;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Barangay.Tests.Scale.Failover;

/// <summary>
/// A leader lost under load: writers commit through the app's own context options (FailoverRetryStrategy and
/// CommitOutcomeInterceptor), the leader's Patroni and postmaster are killed with -9, and afterwards every write a
/// writer saw acknowledged is there exactly once. scripts/drill.sh runs the full drill on the three-node cluster.
/// </summary>
[Trait("Category", "Failover")]
public class FailoverTests
{
    private const int Writers = 4;

    [SkippableFact]
    public async Task LeaderKilledUnderLoad_EveryAcknowledgedWriteIsKeptOnce()
    {
        var missing = PatroniCluster.MissingTools();
        Skip.If(missing is not null, $"The failover test needs {missing}: ./test.sh installs them with apt-get when run as root (sudo apt-get install patroni etcd-server etcd-client haproxy).");

        await using var cluster = await PatroniCluster.StartAsync("failover-test", TimeSpan.FromSeconds(10));
        await using (var c = new NpgsqlConnection(cluster.SuperConnectionString))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand("CREATE TABLE drill_writes (id uuid NOT NULL, writer int NOT NULL, at timestamptz NOT NULL DEFAULT now())", c);
            await cmd.ExecuteNonQueryAsync();
        }
        // The app's own options: its execution strategy and commit-outcome interceptor.
        var builder = new DbContextOptionsBuilder<BarangayDbContext>();
        DataServiceCollectionExtensions.Configure(builder, cluster.SuperConnectionString, new DatabaseOptions());
        var options = builder.Options;

        var acknowledged = new ConcurrentBag<Guid>();
        var failed = 0;
        long killedAt = 0;
        var ackedAfterKill = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
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
                    if (Interlocked.Read(ref killedAt) != 0) Interlocked.Increment(ref ackedAfterKill);
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

        await WaitUntil(() => acknowledged.Count >= 40, stop.Token);
        var oldLeader = await cluster.KillLeaderAsync();
        Interlocked.Exchange(ref killedAt, Stopwatch.GetTimestamp());
        await WaitUntil(() => Volatile.Read(ref ackedAfterKill) >= 40, stop.Token);
        var gap = Stopwatch.GetElapsedTime(killedAt);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        var newLeader = await cluster.LeaderAsync();
        var stored = new Dictionary<Guid, int>();
        await using (var c = new NpgsqlConnection(cluster.SuperConnectionString))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT id, count(*)::int FROM drill_writes GROUP BY id", c);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) stored[r.GetGuid(0)] = r.GetInt32(1);
        }

        newLeader.Should().NotBe(oldLeader, "the standby took over");
        acknowledged.Where(id => !stored.ContainsKey(id)).Should().BeEmpty("a write acknowledged before or during the failover is never lost");
        stored.Where(p => p.Value > 1).Should().BeEmpty("a retried write is never stored twice");
        Console.WriteLine($"failover test: {acknowledged.Count} acknowledged, {failed} told to try again, 40 writes after the kill within {gap.TotalSeconds:F1}s");
    }

    private static async Task WaitUntil(Func<bool> condition, CancellationToken ct)
    {
        while (!condition())
            await Task.Delay(50, ct);
    }
}
