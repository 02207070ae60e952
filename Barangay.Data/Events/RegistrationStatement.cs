using Barangay.Data.Audit;
using Npgsql;
using NpgsqlTypes;

namespace Barangay.Data.Events;

/// <summary>
/// A registration in one round trip. One statement reads the event, the caller's resident record and any earlier
/// registration of theirs, and — when all is in order for a first registration — takes the seat with the conditional
/// UPDATE (WHERE count &lt; capacity), writes the registration ("registered" when the seat was taken, else
/// "waitlisted") and its audit row, in the same shape the audit interceptor gives a created row. As an implicit
/// transaction it commits as it ends, so the event row is locked only while it runs: hundreds registering at once
/// queue for microseconds each instead of for each other's round trips. A second press by the same resident fails on
/// the unique (event, resident) key and so takes nothing.
/// </summary>
internal static class RegistrationStatement
{
    /// <summary>What the statement saw, and the registration it wrote (null when the checks stopped it).</summary>
    /// <remarks><c>WaitlistAhead</c> counts the waitlist places taken before this one, as the statement saw them.</remarks>
    public sealed record Result(string Title, string Status, DateTime StartAt, bool RegistrationRequired, Guid? ResidentId, string? Earlier,
        string? Written, int WaitlistAhead);

    private const string Sql = """
        WITH me AS (
          SELECT id FROM residents WHERE user_id = @user AND registration_status = 'active' AND deleted_at IS NULL LIMIT 1),
        ev AS (
          SELECT id, title, status, start_at, registration_required FROM events WHERE id = @event),
        earlier AS (
          SELECT r.status FROM event_registrations r JOIN me ON r.resident_id = me.id WHERE r.event_id = @event),
        ok AS (
          SELECT me.id AS resident_id FROM ev, me
          WHERE ev.status = 'published' AND ev.registration_required AND ev.start_at > @now AND NOT EXISTS (SELECT 1 FROM earlier)),
        seat AS (
          UPDATE events SET registered_count = registered_count + 1
          WHERE id = @event AND EXISTS (SELECT 1 FROM ok) AND status = 'published' AND start_at > @now
            AND (max_capacity IS NULL OR registered_count < max_capacity)
          RETURNING id),
        reg AS (
          INSERT INTO event_registrations (id, event_id, resident_id, status, registered_at)
          SELECT @id, @event, ok.resident_id, CASE WHEN EXISTS (SELECT 1 FROM seat) THEN 'registered' ELSE 'waitlisted' END, @now
          FROM ok
          RETURNING resident_id, status),
        trail AS (
          INSERT INTO audit_logs (id, "timestamp", actor_user_id, actor_name, action_type, target_type, target_id,
                                  ip_address, user_agent, correlation_id, details, immutable)
          SELECT @audit, @now, @actor, @actor_name, 'Create', 'EventRegistration', @id_text, @ip, @agent, @correlation,
                 jsonb_build_object('values', jsonb_build_object('id', @id, 'event_id', @event, 'resident_id', reg.resident_id,
                                                                 'registered_at', @now, 'status', reg.status)),
                 true
          FROM reg)
        SELECT ev.title, ev.status, ev.start_at, ev.registration_required,
               (SELECT id FROM me), (SELECT status FROM earlier), (SELECT status FROM reg),
               (SELECT count(*) FROM event_registrations w WHERE w.event_id = @event AND w.status = 'waitlisted' AND w.registered_at < @now)
        FROM ev
        """;

    /// <summary>Runs the statement on <paramref name="connection"/> (in <paramref name="tx"/> when given); null when there is no such event.</summary>
    public static async Task<Result?> RunAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid eventId, Guid userId, DateTime now,
        AuditActor? actor, CancellationToken ct)
    {
        var id = Guid.NewGuid();
        await using var cmd = new NpgsqlCommand(Sql, connection, tx);
        cmd.Parameters.Add(new NpgsqlParameter<Guid>("user", userId));
        cmd.Parameters.Add(new NpgsqlParameter<Guid>("event", eventId));
        cmd.Parameters.Add(new NpgsqlParameter<DateTime>("now", now));
        cmd.Parameters.Add(new NpgsqlParameter<Guid>("id", id));
        cmd.Parameters.Add(new NpgsqlParameter<string>("id_text", id.ToString()));
        cmd.Parameters.Add(new NpgsqlParameter<Guid>("audit", Guid.NewGuid()));
        // Typed, so a missing value (a job, a sign-in without an address) still binds as the column's type.
        cmd.Parameters.Add(new NpgsqlParameter("actor", NpgsqlDbType.Uuid) { Value = (object?)actor?.UserId ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("actor_name", NpgsqlDbType.Text) { Value = (object?)actor?.Name ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("ip", NpgsqlDbType.Text) { Value = (object?)actor?.IpAddress ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("agent", NpgsqlDbType.Text) { Value = (object?)actor?.UserAgent ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("correlation", NpgsqlDbType.Uuid) { Value = (object?)actor?.CorrelationId ?? DBNull.Value });
        // Prepared once per pooled connection (Npgsql keeps it across uses): planning this statement costs more than running it.
        await cmd.PrepareAsync(ct);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new Result(reader.GetString(0), reader.GetString(1), reader.GetDateTime(2), reader.GetBoolean(3),
            reader.IsDBNull(4) ? null : reader.GetGuid(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
            (int)reader.GetInt64(7));
    }
}
