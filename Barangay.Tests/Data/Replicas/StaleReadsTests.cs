using System.Net;
using System.Net.Sockets;
using Barangay.Data.Dashboard;
using Barangay.Data.Replicas;
using Barangay.Data.Reports;
using Barangay.Data.Security;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Barangay.Tests.Data.Replicas;

/// <summary>
/// Two clones of the demo barangay: the primary, and a stand-in "replica" in which every resident is soft-deleted, so
/// any count tells which one answered (the replica's population is 0). Where the stale-read path is pointed at the
/// replica, the official's dashboard and the reports show its numbers; where the replica is down or too far behind,
/// the primary's. A real replica under Patroni: Scale/Failover/FailoverTests.
/// </summary>
public sealed class StaleReadsTests(StaleReadsTests.Databases databases) : IClassFixture<StaleReadsTests.Databases>
{
    public sealed class Databases : IAsyncLifetime
    {
        public DemoDatabase Primary { get; } = new();
        public DemoDatabase Replica { get; } = new();

        public async Task InitializeAsync()
        {
            await Primary.InitializeAsync();
            await Replica.InitializeAsync();
            await using var c = new NpgsqlConnection(Replica.OwnerConnectionString);
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand("UPDATE residents SET deleted_at = now() WHERE deleted_at IS NULL", c);
            await cmd.ExecuteNonQueryAsync();
        }

        public async Task DisposeAsync()
        {
            await Primary.DisposeAsync();
            await Replica.DisposeAsync();
        }
    }

    private async Task<TestServices> HostAsync(ReadReplicaOptions read)
    {
        var host = new TestServices(databases.Primary.AppConnectionString, s => s.Replace(ServiceDescriptor.Singleton(read)));
        await host.SignInAsAsync("secretary", OfficialPositions.Secretary);
        return host;
    }

    private async Task<int> PopulationAsync(TestServices host) => (await host.Get<DashboardService>().GetOfficialHomeAsync())!.Cards.Population;

    [Fact]
    public async Task Dashboard_AndReports_ReadTheReplica_EverythingElseThePrimary()
    {
        await using var host = await HostAsync(new ReadReplicaOptions { ConnectionString = databases.Replica.AppConnectionString });
        await using (var primary = await host.DbAsync())
            (await primary.Residents.CountAsync()).Should().BeGreaterThan(0, "the demo barangay's residents are on the primary");

        (await PopulationAsync(host)).Should().Be(0, "the official's cards are read from the replica");
        var quarter = Quarter.Of(TestClock.ManilaToday);
        (await host.Get<ReportService>().FormCAsync(quarter))!.Areas[0].Inhabitants.Should().Be(0, "the monitoring report is read from the replica");
        await using (var other = await host.DbAsync())
            (await other.Residents.CountAsync()).Should().BeGreaterThan(0, "every other read stays on the primary");
    }

    [Fact]
    public async Task ReplicaConnection_RefusesToWrite()
    {
        await using var host = await HostAsync(new ReadReplicaOptions { ConnectionString = databases.Replica.AppConnectionString });
        await using var db = await host.Get<StaleReadContextFactory>().CreateDbContextAsync();

        var write = () => db.Database.ExecuteSqlRawAsync("UPDATE residents SET first_name = first_name");

        (await write.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be("25006", "a stale read can never write: read_only_sql_transaction");
    }

    [Fact]
    public async Task ReplicaPortDown_DashboardAnswersFromThePrimary()
    {
        var closed = new NpgsqlConnectionStringBuilder(databases.Replica.AppConnectionString) { Host = "127.0.0.1", Port = ClosedPort(), Timeout = 3 };
        await using var host = await HostAsync(new ReadReplicaOptions { ConnectionString = closed.ConnectionString });

        (await PopulationAsync(host)).Should().BeGreaterThan(0, "with nothing on the replica port the primary answers");
        host.Get<StaleReadContextFactory>().HealthForCurrent()!.Last!.Why.Should().StartWith("unreachable");
    }

    [Fact]
    public async Task ReplicaBehindTheBound_PrimaryAnswers_UntilItCatchesUp()
    {
        var lag = TimeSpan.FromMinutes(2);
        var read = new ReadReplicaOptions
        {
            ConnectionString = databases.Replica.AppConnectionString, MaxStalenessSeconds = 30, CheckSeconds = 0,
            MeasureLag = (_, _) => Task.FromResult(lag),
        };
        await using var host = await HostAsync(read);

        (await PopulationAsync(host)).Should().BeGreaterThan(0, "a replica two minutes behind is past the 30 s bound");
        lag = TimeSpan.FromSeconds(29);
        (await PopulationAsync(host)).Should().Be(0, "within the bound the replica answers again");
    }

    [Fact]
    public async Task ReplicaConnectionsCut_TheReplicaIsMarkedDown_AndTheNextDashboardReadsThePrimary()
    {
        await using var host = await HostAsync(new ReadReplicaOptions { ConnectionString = databases.Replica.AppConnectionString, CheckSeconds = 60 });
        var factory = host.Get<StaleReadContextFactory>();
        (await PopulationAsync(host)).Should().Be(0, "the replica answers");
        await using (var warm = await factory.CreateDbContextAsync())
            (await warm.Residents.CountAsync()).Should().Be(0);

        // What a replica's death or demotion looks like to the app: its sessions end (57P01) under pooled connections.
        await using (var super = new NpgsqlConnection(TestEnvironment.Super))
        {
            await super.OpenAsync();
            await using var cut = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @db AND application_name = 'barangay-read'", super);
            cut.Parameters.AddWithValue("db", databases.Replica.Name);
            ((long)(await cut.ExecuteScalarAsync())!).Should().BeGreaterThan(0);
        }
        await using (var hit = await factory.CreateDbContextAsync())
            await hit.Residents.CountAsync(); // fails on the cut connection, and is retried (briefly) on the replica endpoint

        factory.HealthForCurrent()!.Last!.Why.Should().StartWith("failing", "the failure marked the replica down without waiting for the next check");
        (await PopulationAsync(host)).Should().BeGreaterThan(0, "the next dashboard reads the primary");
    }

    [Fact]
    public async Task NoReadEndpoint_TheDashboardIsThePrimarysAsBefore()
    {
        await using var host = await HostAsync(new ReadReplicaOptions());

        (await PopulationAsync(host)).Should().BeGreaterThan(0);
        host.Get<StaleReadContextFactory>().HealthForCurrent().Should().BeNull("nothing is measured where no replica is configured");
    }

    [Fact]
    public void AppSettings_ReadEndpointAndBound_ComeFromConnectionStringsReadAndDatabaseRead()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Read"] = "Host=127.0.0.1;Port=5001;Database=barangay",
            ["Database:Read:MaxStalenessSeconds"] = "10",
        }).Build();

        var read = Barangay.App.Hosting.BarangayApp.DatabaseOptionsFrom(config).Read;

        read.ConnectionString.Should().Be("Host=127.0.0.1;Port=5001;Database=barangay");
        read.MaxStaleness.Should().Be(TimeSpan.FromSeconds(10));
        Barangay.App.Hosting.BarangayApp.DatabaseOptionsFrom(new ConfigurationBuilder().Build()).Read.Enabled
            .Should().BeFalse("no ConnectionStrings:Read: everything reads the primary");
    }

    [Fact]
    public async Task LagOfAPrimary_IsZero() =>
        (await ReplicaLag.MeasureAsync(databases.Primary.AppConnectionString, default)).Should().Be(TimeSpan.Zero);

    private static int ClosedPort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
