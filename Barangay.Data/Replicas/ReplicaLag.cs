using Npgsql;

namespace Barangay.Data.Replicas;

/// <summary>How far behind the leader the server at the other end of a connection is, measured on that server.</summary>
public static class ReplicaLag
{
    // A primary (not in recovery) is not behind anyone. A standby that is streaming (it has a WAL receiver) and has
    // replayed all it received is as fresh as its stream: pg_last_xact_replay_timestamp() alone would call an idle
    // hall's replica "minutes behind" when no one has written. Otherwise the age of the last transaction it replayed:
    // with the leader gone (no receiver) that age grows from the moment of the loss, so reads leave this replica once
    // its data is older than the bound. pg_stat_wal_receiver shows its pid to every role, no monitoring grant needed.
    // Both times are the database server's own clock, so the app's business clock plays no part.
    private const string Sql = """
        SELECT CASE
          WHEN NOT pg_is_in_recovery() THEN 0
          WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() AND EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE pid IS NOT NULL) THEN 0
          ELSE COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp())::float8, 1e9)
        END::float8
        """;

    public static async Task<TimeSpan> MeasureAsync(string connectionString, CancellationToken ct)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(Sql, c) { CommandTimeout = 5 };
        var seconds = (double)(await cmd.ExecuteScalarAsync(ct))!;
        return TimeSpan.FromSeconds(Math.Clamp(seconds, 0, TimeSpan.MaxValue.TotalSeconds / 2));
    }
}
