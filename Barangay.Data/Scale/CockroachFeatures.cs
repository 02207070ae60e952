namespace Barangay.Data.Scale;

/// <summary>
/// The schema steps that exist on CockroachDB only (COCKROACHDB.md, "CockroachDB-only features"). EF Core cannot tell
/// the two flavours apart inside a migration (both are the Npgsql provider), so the <c>migrate</c> command runs these
/// after the EF migrations when <c>Database:Flavour</c> is CockroachDB — the mirror of creating pg_trgm on PostgreSQL
/// only. Each statement can run again (an unchanged TTL setting is a no-op; the indexes use IF [NOT] EXISTS).
/// On PostgreSQL the Hangfire purge job does what the TTLs do.
/// </summary>
public static class CockroachFeatures
{
    /// <summary>How long audit rows not marked <c>immutable</c> are kept (critical rows are kept for ever).</summary>
    public const int MutableAuditRetentionDays = 730;

    /// <summary>Read notifications are kept this long; unread ones <see cref="UnreadNotificationDays"/>.</summary>
    public const int ReadNotificationDays = 180;

    public const int UnreadNotificationDays = 365;

    public static IReadOnlyList<string> Statements { get; } =
    [
        // Row-level TTL: CockroachDB's own background job deletes expired rows, in small batches, on every node.
        "ALTER TABLE failed_logins SET (ttl_expiration_expression = '(attempted_at + INTERVAL ''1 day'')', ttl_job_cron = '@hourly')",
        "ALTER TABLE sessions SET (ttl_expiration_expression = 'expires_at', ttl_job_cron = '@hourly')",
        // NULL never expires: only rows written as not immutable (archivable detail) age out.
        $"ALTER TABLE audit_logs SET (ttl_expiration_expression = '(CASE WHEN immutable THEN NULL ELSE \"timestamp\" + INTERVAL ''{MutableAuditRetentionDays} days'' END)', ttl_job_cron = '@daily')",
        $"ALTER TABLE notifications SET (ttl_expiration_expression = '(CASE WHEN \"read\" THEN created_at + INTERVAL ''{ReadNotificationDays} days'' ELSE created_at + INTERVAL ''{UnreadNotificationDays} days'' END)', ttl_job_cron = '@daily')",
        // A newest-first index on a timestamp sends every insert to one range (one hot node); hashed into shards
        // it spreads the writes and still answers "the latest audit rows" with a merge of the shards.
        "CREATE INDEX IF NOT EXISTS idx_audit_time_hash ON audit_logs (\"timestamp\" DESC) USING HASH",
        "DROP INDEX IF EXISTS audit_logs@idx_audit_time",
    ];
}
