namespace Barangay.Data.Replicas;

/// <summary>
/// Where stale-tolerant reads go (<c>ConnectionStrings:Read</c>, <c>Database:Read:*</c>). Empty connection string: they go to
/// the primary like everything else, so a single-server install is unchanged. In the Patroni cluster it is HAProxy's
/// replica port (scripts/cluster.sh exports it). The staleness contract is in docs/scale-out.md, "Reads from replicas".
/// </summary>
public sealed class ReadReplicaOptions
{
    /// <summary>The replica endpoint for the deployment's own database (<c>ConnectionStrings:Read</c>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The most a stale-tolerant read may lag the leader: a replica measured further behind is passed over for the
    /// primary. 30 s: a dashboard card or a quarterly report that is half a minute old misleads nobody, and it is more
    /// than Patroni's leader TTL (20 s), so reads stay on the replica through a leader change (docs/scale-out.md).
    /// </summary>
    public double MaxStalenessSeconds { get; set; } = 30;

    /// <summary>How long one lag reading is trusted before the next read measures again (one small query per process; 0: every read).</summary>
    public double CheckSeconds { get; set; } = 2;

    public bool Enabled => !string.IsNullOrWhiteSpace(ConnectionString);

    public TimeSpan MaxStaleness => TimeSpan.FromSeconds(Math.Max(0, MaxStalenessSeconds));

    public TimeSpan CheckInterval => TimeSpan.FromSeconds(Math.Max(0, CheckSeconds));

    /// <summary>Tests only: replaces the lag query (a single server cannot lag behind itself).</summary>
    internal Func<string, CancellationToken, Task<TimeSpan>>? MeasureLag { get; set; }
}
