using Npgsql;
using NpgsqlTypes;

namespace Barangay.Bench.Infrastructure;

/// <summary>
/// The audit row a service writes with its change, written by hand for a raw baseline: a ratio compares like with like
/// only when the baseline pays for the same rows (issue 20).
/// </summary>
internal static class RawAudit
{
    public const string InsertSql = """
        INSERT INTO audit_logs (id, "timestamp", actor_user_id, actor_name, action_type, target_type, target_id, correlation_id, details, immutable)
        VALUES (gen_random_uuid(), now(), @audit_actor, @audit_name, @audit_action, @audit_type, @audit_target, gen_random_uuid(), @audit_details, true)
        """;

    /// <summary>One audit row on <paramref name="conn"/> in <paramref name="tx"/>.</summary>
    public static async Task InsertAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string action, string targetType, string targetId,
        string detailsJson, Guid? actor, string actorName, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(InsertSql, conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter("audit_actor", NpgsqlDbType.Uuid) { Value = (object?)actor ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter<string>("audit_name", actorName));
        cmd.Parameters.Add(new NpgsqlParameter<string>("audit_action", action));
        cmd.Parameters.Add(new NpgsqlParameter<string>("audit_type", targetType));
        cmd.Parameters.Add(new NpgsqlParameter<string>("audit_target", targetId));
        cmd.Parameters.Add(new NpgsqlParameter("audit_details", NpgsqlDbType.Jsonb) { Value = detailsJson });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
