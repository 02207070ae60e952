namespace Barangay.Data;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string PostgreSql = "PostgreSQL";
    public const string CockroachDb = "CockroachDB";

    /// <summary><c>PostgreSQL</c> (default) or <c>CockroachDB</c>.</summary>
    public string Flavour { get; set; } = PostgreSql;

    /// <summary>The login role the app runs as; <c>migrate</c> grants it everything but UPDATE/DELETE on audit_logs.</summary>
    public string? AppRole { get; set; }

    /// <summary>
    /// The key ring that encrypted columns use (<see cref="Security.EncryptedColumns"/>): the app's <c>Storage</c> section
    /// (its keys folder and configured key), the same keys files are encrypted with. Unset: the default data folder's keys.
    /// </summary>
    public Files.FileStorageOptions? Keys { get; set; }

    /// <summary>
    /// Settle a COMMIT lost in a failover by asking the new leader (Resilience/CommitOutcomeInterceptor). Costs one round
    /// trip per write transaction and needs <c>track_commit_timestamp</c>, so it is on where the database is the Patroni
    /// cluster (scripts/cluster.sh sets Database__SettleLostCommits=true), off on a single server.
    /// </summary>
    public bool SettleLostCommits { get; set; }

    /// <summary>Stale-tolerant reads (<c>Database:Read:*</c>; the endpoint is <c>ConnectionStrings:Read</c>): Replicas/ReadReplicaOptions.</summary>
    public Replicas.ReadReplicaOptions Read { get; set; } = new();

    public bool IsCockroach => string.Equals(Flavour, CockroachDb, StringComparison.OrdinalIgnoreCase);
}
