using Barangay.Data.Audit;
using Npgsql;
using NpgsqlTypes;

namespace Barangay.Data.Events;

/// <summary>
/// First registrations for one event, any number of them, in one statement (the <see cref="RegistrationDesk"/> hands
/// it everyone waiting at the desk). The statement locks the event row, reads the callers' resident records and any
/// earlier registrations of theirs, gives the free seats to the presses in the order they came ("registered"), puts
/// the rest on the waitlist ("waitlisted"), adds the seats taken to the event's <c>registered_count</c>, and writes
/// each registration's audit row in the shape the audit interceptor gives a created row. As an implicit transaction
/// it commits as it ends, so the event row is locked only while it runs. A resident who pressed twice in the same
/// batch is written once; a registration written meanwhile by another replica fails the statement on the unique
/// (event, resident) key, and nothing is written. The event row is locked FOR NO KEY UPDATE, the lock its own UPDATE
/// takes: it queues the batches for the seat count without blocking rows that merely point at the event (their
/// foreign key check takes KEY SHARE). On PostgreSQL at READ COMMITTED the lock returns the newest count even when
/// another replica's batch committed while this one waited.
/// </summary>
internal static class RegistrationStatement
{
    /// <summary>
    /// One press of Register: who, when, the audit actor (the resident, from their circuit), and the id its
    /// registration gets, chosen once per press so that a retry of the press can recognise its own row.
    /// </summary>
    public sealed record Press(Guid UserId, DateTime Now, AuditActor? Actor, Guid RegistrationId);

    /// <summary>What the statement saw for one press, and the registration it wrote (null when the checks stopped it).</summary>
    /// <remarks>
    /// <c>WaitlistAhead</c> counts the waitlist places before this one. <c>PressedTwice</c>: the same resident's
    /// other press (in this batch, or written meanwhile elsewhere) took the registration. <c>EarlierIsThisPress</c>:
    /// the earlier registration is this very press's (its id), written by an attempt whose answer was lost.
    /// </remarks>
    public sealed record Result(string Title, string Status, DateTime StartAt, bool RegistrationRequired, Guid? ResidentId, string? Earlier,
        string? Written, int WaitlistAhead, bool PressedTwice, bool EarlierIsThisPress = false)
    {
        public static readonly Result Duplicate = new("", "", default, false, null, null, null, 0, PressedTwice: true);
    }

    private const string Sql = """
        WITH press AS (
          SELECT * FROM unnest(@ords, @users, @nows, @ids, @audits, @actors, @actor_names, @ips, @agents, @correlations)
            AS t(ord, user_id, now, id, audit, actor, actor_name, ip, agent, correlation)),
        ev AS (
          SELECT id, title, status, start_at, registration_required, max_capacity, registered_count
          FROM events WHERE id = @event FOR NO KEY UPDATE),
        me AS (
          SELECT DISTINCT ON (p.ord) p.ord, r.id AS resident_id
          FROM press p JOIN residents r ON r.user_id = p.user_id AND r.registration_status = 'active' AND r.deleted_at IS NULL
          ORDER BY p.ord, r.id),
        earlier AS (
          SELECT me.ord, r.status, r.id FROM me JOIN event_registrations r ON r.event_id = @event AND r.resident_id = me.resident_id),
        first_press AS (
          SELECT DISTINCT ON (me.resident_id) me.ord, me.resident_id FROM me ORDER BY me.resident_id, me.ord),
        ok AS (
          SELECT f.ord, f.resident_id, p.id, p.now, row_number() OVER (ORDER BY f.ord) AS place
          FROM first_press f JOIN press p ON p.ord = f.ord CROSS JOIN ev
          WHERE ev.status = 'published' AND ev.registration_required AND ev.start_at > p.now
            AND NOT EXISTS (SELECT 1 FROM earlier e WHERE e.ord = f.ord)),
        reg AS (
          INSERT INTO event_registrations (id, event_id, resident_id, status, registered_at)
          SELECT ok.id, @event, ok.resident_id,
                 CASE WHEN ev.max_capacity IS NULL OR ok.place <= ev.max_capacity - ev.registered_count THEN 'registered' ELSE 'waitlisted' END,
                 ok.now
          FROM ok CROSS JOIN ev
          RETURNING id, resident_id, status, registered_at),
        seat AS (
          UPDATE events SET registered_count = registered_count + (SELECT count(*) FROM reg WHERE reg.status = 'registered')
          WHERE id = @event AND EXISTS (SELECT 1 FROM reg WHERE reg.status = 'registered')
          RETURNING id),
        trail AS (
          INSERT INTO audit_logs (id, "timestamp", actor_user_id, actor_name, action_type, target_type, target_id,
                                  ip_address, user_agent, correlation_id, details, immutable)
          SELECT p.audit, p.now, p.actor, p.actor_name, 'Create', 'EventRegistration', reg.id::text, p.ip, p.agent, p.correlation,
                 jsonb_build_object('values', jsonb_build_object('id', reg.id, 'event_id', @event, 'resident_id', reg.resident_id,
                                                                 'registered_at', reg.registered_at, 'status', reg.status)),
                 true
          FROM reg JOIN press p ON p.id = reg.id)
        SELECT p.ord, ev.title, ev.status, ev.start_at, ev.registration_required, me.resident_id, e.status, reg.status,
               CASE WHEN reg.status = 'waitlisted' THEN
                 (SELECT count(*) FROM event_registrations w
                  WHERE w.event_id = @event AND w.status = 'waitlisted' AND w.registered_at < p.now)
                 + (SELECT count(*) FROM reg w WHERE w.status = 'waitlisted' AND (w.registered_at, w.id) < (reg.registered_at, reg.id))
               ELSE 0 END,
               me.resident_id IS NOT NULL AND e.status IS NULL AND NOT EXISTS (SELECT 1 FROM first_press f WHERE f.ord = p.ord),
               coalesce(e.id = p.id, false)
        FROM press p
          LEFT JOIN ev ON true
          LEFT JOIN me ON me.ord = p.ord
          LEFT JOIN earlier e ON e.ord = p.ord
          LEFT JOIN reg ON reg.id = p.id
        """;

    /// <summary>
    /// Runs the presses for <paramref name="eventId"/> on <paramref name="connection"/> (in <paramref name="tx"/> when
    /// given). Seats go in the order given, which is the order the presses reached the desk. One result per press, in the
    /// same order; null when there is no such event.
    /// </summary>
    public static async Task<Result?[]> RunAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid eventId, IReadOnlyList<Press> presses,
        CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(Sql, connection, tx);
        cmd.Parameters.Add(new NpgsqlParameter<Guid>("event", eventId));
        // ord: the place in line (the desk stamps each press under its lock, so times follow the same order).
        Add(cmd, "ords", NpgsqlDbType.Integer, Enumerable.Range(0, presses.Count).ToArray());
        Add(cmd, "users", NpgsqlDbType.Uuid, presses.Select(p => p.UserId).ToArray());
        Add(cmd, "nows", NpgsqlDbType.TimestampTz, presses.Select(p => p.Now).ToArray());
        Add(cmd, "ids", NpgsqlDbType.Uuid, presses.Select(p => p.RegistrationId).ToArray());
        Add(cmd, "audits", NpgsqlDbType.Uuid, presses.Select(_ => Guid.NewGuid()).ToArray());
        // Typed arrays, so a missing value (a job, a sign-in without an address) still binds as the column's type.
        Add(cmd, "actors", NpgsqlDbType.Uuid, presses.Select(p => p.Actor?.UserId).ToArray());
        Add(cmd, "actor_names", NpgsqlDbType.Text, presses.Select(p => p.Actor?.Name).ToArray());
        Add(cmd, "ips", NpgsqlDbType.Text, presses.Select(p => p.Actor?.IpAddress).ToArray());
        Add(cmd, "agents", NpgsqlDbType.Text, presses.Select(p => p.Actor?.UserAgent).ToArray());
        Add(cmd, "correlations", NpgsqlDbType.Uuid, presses.Select(p => p.Actor?.CorrelationId).ToArray());
        // Prepared once per pooled connection (Npgsql keeps it across uses): planning this statement costs more than running it.
        await cmd.PrepareAsync(ct);
        var results = new Result?[presses.Count];
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (reader.IsDBNull(1)) continue; // no such event
            results[reader.GetInt32(0)] = new Result(reader.GetString(1), reader.GetString(2), reader.GetDateTime(3), reader.GetBoolean(4),
                reader.IsDBNull(5) ? null : reader.GetGuid(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                (int)reader.GetInt64(8), reader.GetBoolean(9), reader.GetBoolean(10));
        }
        return results;
    }

    private static void Add<T>(NpgsqlCommand cmd, string name, NpgsqlDbType type, T[] values) =>
        cmd.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | type) { Value = values });
}
