using System.Collections.Concurrent;
using Barangay.Data.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Barangay.Data.Replicas;

/// <summary>
/// Contexts for reads that may be up to <see cref="ReadReplicaOptions.MaxStaleness"/> old (the officials' and admins'
/// dashboards, their live poll, the monitoring reports: <see cref="BarangayReadDb"/>'s users). They go to the replica
/// endpoint (<c>ConnectionStrings:Read</c>, HAProxy's replica port) while it answers and is within the bound, else to the
/// primary through <see cref="BarangayContextFactory"/> as every other read does. With no endpoint configured they are
/// exactly the primary's contexts: a single-server install is unchanged. Replica connections are read-only
/// (<c>default_transaction_read_only</c>), so a stale read can never write, even where the endpoint is a primary.
/// The barangay is chosen as for every context (<see cref="BarangayAmbient.Current"/>): the deployment's own database
/// reads from the endpoint as configured; a barangay database on the same server as <c>ConnectionStrings:Default</c>
/// reads the same database through the endpoint's host and port; one on another server reads from its own primary.
/// </summary>
public sealed class StaleReadContextFactory(
    BarangayContextFactory primary, DbContextOptions<BarangayDbContext> home, ReadReplicaOptions read, DatabaseOptions database,
    IServiceProvider services, ILoggerFactory? loggers = null) : IDbContextFactory<BarangayDbContext>
{
    /// <summary>
    /// How long a read that failed on the replica endpoint is retried there (the leader's 45 s budget is for writes that
    /// must land): long enough for HAProxy to send it to another replica, short enough that a dashboard whose only
    /// replica died fails fast; the replica is marked down by then, so the next read opens the primary.
    /// </summary>
    public static readonly TimeSpan ReplicaRetryBudget = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<string, Replica?> _replicas = new(StringComparer.Ordinal);

    /// <summary>The endpoint's last reading for the current barangay, or null where none is configured for it.</summary>
    public ReplicaHealth? HealthForCurrent() => ReplicaFor(primary.OptionsFor(BarangayAmbient.Current), BarangayAmbient.Current is null)?.Health;

    public async Task<BarangayDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
    {
        var options = primary.OptionsFor(BarangayAmbient.Current);
        var replica = ReplicaFor(options, BarangayAmbient.Current is null);
        return replica is not null && await replica.Health.UsableAsync(cancellationToken) ? new BarangayDbContext(replica.Options) : new BarangayDbContext(options);
    }

    public BarangayDbContext CreateDbContext()
    {
        var options = primary.OptionsFor(BarangayAmbient.Current);
        var replica = ReplicaFor(options, BarangayAmbient.Current is null);
        return replica is not null && replica.Health.UsableNow ? new BarangayDbContext(replica.Options) : new BarangayDbContext(options);
    }

    private sealed record Replica(DbContextOptions<BarangayDbContext> Options, ReplicaHealth Health);

    private Replica? ReplicaFor(DbContextOptions<BarangayDbContext> primaryOptions, bool isHome)
    {
        if (!read.Enabled) return null;
        var primaryCs = RelationalOptionsExtension.Extract(primaryOptions).ConnectionString!;
        return _replicas.GetOrAdd((isHome ? "home|" : "barangay|") + primaryCs, _ => Build(primaryCs, isHome));
    }

    private Replica? Build(string primaryCs, bool isHome)
    {
        var endpoint = new NpgsqlConnectionStringBuilder(read.ConnectionString);
        NpgsqlConnectionStringBuilder b;
        if (isHome)
        {
            b = endpoint;
        }
        else
        {
            var homeServer = new NpgsqlConnectionStringBuilder(RelationalOptionsExtension.Extract(home).ConnectionString);
            b = new NpgsqlConnectionStringBuilder(primaryCs);
            // The endpoint replicates the home server only: a barangay whose database lives elsewhere has no replica here.
            if (!string.Equals(b.Host, homeServer.Host, StringComparison.OrdinalIgnoreCase) || b.Port != homeServer.Port) return null;
            b.Host = endpoint.Host;
            b.Port = endpoint.Port;
        }
        b.MaxPoolSize = new NpgsqlConnectionStringBuilder(primaryCs).MaxPoolSize; // the barangay's share of the budget, on the replicas
        if (string.IsNullOrEmpty(b.ApplicationName)) b.ApplicationName = "barangay-read";
        const string readOnly = "-c default_transaction_read_only=on";
        if (b.Options?.Contains("default_transaction_read_only", StringComparison.Ordinal) != true)
            b.Options = string.IsNullOrWhiteSpace(b.Options) ? readOnly : $"{b.Options} {readOnly}";
        // Reads commit nothing, so the commit-outcome probe (which needs a transaction id a standby cannot give) is off.
        var settings = new DatabaseOptions { Flavour = database.Flavour, AppRole = database.AppRole, Keys = database.Keys, SettleLostCommits = false };
        var replicaCs = SessionSettings.For(b.ConnectionString, settings);
        var health = new ReplicaHealth(replicaCs, read, (loggers ?? NullLoggerFactory.Instance).CreateLogger<StaleReadContextFactory>());

        var builder = new DbContextOptionsBuilder<BarangayDbContext>();
        DataServiceCollectionExtensions.Configure(builder, replicaCs, settings);
        DataServiceCollectionExtensions.AddInterceptors(builder, services);
        builder.AddInterceptors(new ReplicaRoute(health));
        new Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder(builder)
            .ExecutionStrategy(d => new Resilience.FailoverRetryStrategy(d, ReplicaRetryBudget));
        return new Replica(builder.Options, health);
    }
}
