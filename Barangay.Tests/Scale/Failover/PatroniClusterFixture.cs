namespace Barangay.Tests.Scale.Failover;

/// <summary>One two-node cluster for the class (started only where the tools are installed; the tests skip otherwise).</summary>
public sealed class PatroniClusterFixture : IAsyncLifetime
{
    public PatroniCluster? Cluster { get; private set; }

    public string? Missing { get; } = PatroniCluster.MissingTools();

    public async Task InitializeAsync()
    {
        if (Missing is null) Cluster = await PatroniCluster.StartAsync("failover-test", TimeSpan.FromSeconds(10));
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null) await Cluster.DisposeAsync();
    }
}
