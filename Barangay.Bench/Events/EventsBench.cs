using System.Collections.Concurrent;
using System.Data;
using System.Diagnostics;
using System.Globalization;
using Barangay.Bench.Infrastructure;
using Barangay.Data;
using Barangay.Data.Accounts;
using Barangay.Data.Announcements;
using Barangay.Data.Email;
using Barangay.Data.Events;
using Barangay.Data.Security;
using Barangay.Data.Sms;
using Npgsql;

namespace Barangay.Bench.Events;

/// <summary>
/// Two figures of issue 9.
/// Fan-out: an announcement for one purok of 10,000 resident accounts, in-app and email channels, through
/// <see cref="AnnouncementFanOut"/> (batches, cursor, audit) with the job dispatchers stubbed out (they only enqueue);
/// raw: the same work set-based in one transaction — the delivery row locked, two INSERT … SELECT statements writing the
/// same rows (payloads included), the delivery row's counts and the audit row. Median of 3 alternating rounds.
/// Registration: 200 residents register at once for the last 50 seats through <see cref="EventService.RegisterAsync"/>
/// (READ COMMITTED, as on PostgreSQL, one app process; then once more under SERIALIZABLE, as on CockroachDB, split over two
/// replicas with a registration desk each, for the retries);
/// raw: one statement per call doing the service's work by hand — the caller's resident record, the event locked and
/// checked (published, taking registrations, not started), the duplicate check, the conditional seat UPDATE, the
/// registration and its audit row. p95 per call (200 calls); exactly 50 must be accepted with no error.
/// </summary>
internal sealed class EventsBench : IBenchmark
{
    private const int FanOutUsers = 10_000;
    private const int Crowd = 200;
    private const int Seats = 50;
    private const string Purok = "bench-purok";

    public string Name => "events";

    public string Description => $"announcement fan-out to {FanOutUsers:N0} residents, and {Crowd} concurrent registrations for {Seats} seats";

    public async Task<BenchOutcome> RunAsync(BenchDatabase database, CancellationToken ct)
    {
        var outcome = new BenchOutcome();
        await FanOutAsync(database, outcome, ct);
        await RegistrationAsync(database, outcome, ct);
        return outcome;
    }

    private static async Task FanOutAsync(BenchDatabase database, BenchOutcome outcome, CancellationToken ct)
    {
        await CreateResidentsAsync(database, "bench_fan_", FanOutUsers, Purok, ct);
        var fanOut = new AnnouncementFanOut(database.Contexts, new NoDispatch(), new NoDispatch());
        var ours = new List<double>();
        var raw = new List<double>();
        for (var round = 0; round < 4; round++)
        {
            foreach (var isOurs in round % 2 == 0 ? new[] { true, false } : [false, true])
            {
                double s;
                if (isOurs)
                {
                    var delivery = await NewPublishedAsync(database, ct);
                    var start = Stopwatch.GetTimestamp();
                    var progress = await fanOut.RunAsync(delivery, ct);
                    s = Stopwatch.GetElapsedTime(start).TotalSeconds;
                    if (progress is null || progress.Notifications != FanOutUsers || progress.Emails != FanOutUsers)
                        outcome.Errors.Add($"fan-out wrote {progress?.Notifications} notifications and {progress?.Emails} emails, expected {FanOutUsers} each.");
                }
                else
                {
                    s = await RawFanOutAsync(database, await NewPublishedAsync(database, ct), ct);
                }
                if (round > 0) (isOurs ? ours : raw).Add(s); // round 0 warms up
                outcome.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"  fan-out round {round} {(isOurs ? "ours" : "raw ")}: {s:F2} s"));
            }
            await database.ExecuteAsync("DELETE FROM notifications WHERE type IN ('announcement', 'bench.raw')", ct);
            await database.ExecuteAsync("DELETE FROM email_queue WHERE subject = 'Bench announcement'", ct);
        }
        var o = Median(ours);
        var r = Median(raw);
        outcome.Results.Add(new BenchResult("announcement_fanout_10k_s", o, "s", o / r, Decimals: 2));
        if (o > 10) outcome.Errors.Add(string.Create(CultureInfo.InvariantCulture, $"the fan-out took {o:F1} s (limit 10 s)."));
    }

    private static async Task<Guid> NewPublishedAsync(BenchDatabase database, CancellationToken ct)
    {
        var id = Guid.NewGuid();
        await database.ExecuteAsync("""
            INSERT INTO announcements (id, announcement_id, title, body, audience, delivery_channels, status, start_at, version)
            VALUES (@id, 'BENCH-' || @n, 'Bench announcement', 'The **barangay assembly** is on Saturday.', jsonb_build_object('purok', jsonb_build_array(@purok::text)),
                    ARRAY['in_app','email'], 'published', now(), gen_random_uuid())
            """, ct, new NpgsqlParameter<Guid>("id", id), new NpgsqlParameter<string>("n", id.ToString("N")[..10]), new NpgsqlParameter<string>("purok", Purok));
        var delivery = Guid.NewGuid();
        await database.ExecuteAsync("INSERT INTO announcement_deliveries (id, announcement_id, status, total, delivered, notifications, emails, sms_messages) VALUES (@d, @a, 'queued', 0, 0, 0, 0, 0)",
            ct, new NpgsqlParameter<Guid>("d", delivery), new NpgsqlParameter<Guid>("a", id));
        return delivery;
    }

    private static async Task<double> RawFanOutAsync(BenchDatabase database, Guid delivery, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        await using var conn = await database.Raw.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var cmd = new NpgsqlCommand("""
            SELECT status FROM announcement_deliveries WHERE id = @d FOR UPDATE;
            INSERT INTO notifications (user_id, type, payload)
            SELECT u.id, 'bench.raw', jsonb_build_object('text', 'New announcement: Bench announcement', 'link', '/announcements#BENCH-raw',
                                                         'data', jsonb_build_object('announcement_id', 'BENCH-raw'))
            FROM users u JOIN residents r ON r.user_id = u.id AND r.deleted_at IS NULL
            WHERE r.purok = @p AND u.status = 'active' AND u.deleted_at IS NULL;
            INSERT INTO email_queue (id, to_email, subject, body, payload, status)
            SELECT gen_random_uuid(), u.email, 'Bench announcement', 'The barangay assembly is on Saturday.' || E'\n\n— Barangay announcement BENCH-raw',
                   jsonb_build_object('type', 'announcement', 'announcement_id', 'BENCH-raw'), 'queued'
            FROM users u JOIN residents r ON r.user_id = u.id AND r.deleted_at IS NULL
            WHERE r.purok = @p AND u.status = 'active' AND u.deleted_at IS NULL AND u.email IS NOT NULL;
            UPDATE announcement_deliveries SET status = 'done', started_at = now(), finished_at = now(),
                   total = @n, delivered = @n, notifications = @n, emails = @n
            WHERE id = @d;
            """ + RawAudit.InsertSql, conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter<string>("p", Purok));
            cmd.Parameters.Add(new NpgsqlParameter<Guid>("d", delivery));
            cmd.Parameters.Add(new NpgsqlParameter<int>("n", FanOutUsers));
            cmd.Parameters.Add(new NpgsqlParameter("audit_actor", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = DBNull.Value });
            cmd.Parameters.Add(new NpgsqlParameter<string>("audit_name", "announcement fan-out"));
            cmd.Parameters.Add(new NpgsqlParameter<string>("audit_action", "Create"));
            cmd.Parameters.Add(new NpgsqlParameter<string>("audit_type", "AnnouncementDelivery"));
            cmd.Parameters.Add(new NpgsqlParameter<string>("audit_target", "BENCH-raw"));
            cmd.Parameters.Add(new NpgsqlParameter("audit_details", NpgsqlTypes.NpgsqlDbType.Jsonb)
            {
                Value = $$"""{"recipients":{{FanOutUsers}},"notifications":{{FanOutUsers}},"emails":{{FanOutUsers}},"sms":0,"stopped":false}""",
            });
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static async Task RegistrationAsync(BenchDatabase database, BenchOutcome outcome, CancellationToken ct)
    {
        var people = await CreateResidentsAsync(database, "bench_reg_", Crowd, "bench-reg", ct);
        // Warm-up, untimed: 200 at once open a full pool of fresh connections (each a backend process and a SCRAM
        // handshake), which on a small machine costs seconds and is not what a registration costs.
        await OursRegistrationAsync(database, people, IsolationLevel.ReadCommitted, 1, ct);
        await RawRegistrationAsync(database, people, ct);
        var (oursMs, accepted, errors, retries) = await OursRegistrationAsync(database, people, IsolationLevel.ReadCommitted, 1, ct);
        var rawMs = await RawRegistrationAsync(database, people, ct);
        var (serialMs, serialAccepted, serialErrors, serialRetries) = await OursRegistrationAsync(database, people, IsolationLevel.Serializable, 2, ct);
        outcome.Notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"  registration READ COMMITTED: p95 {oursMs:F0} ms, {accepted} accepted, {errors} errors, {retries} retries; raw p95 {rawMs:F0} ms"));
        outcome.Notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"  registration SERIALIZABLE, two replicas: p95 {serialMs:F0} ms, {serialAccepted} accepted, {serialErrors} errors, {serialRetries} retries"));
        outcome.Results.Add(new BenchResult("event_registration_p95_ms", oursMs, "ms", oursMs / rawMs));
        outcome.Results.Add(new BenchResult("event_registration_accepted", accepted, "registrations", Decimals: 0));
        outcome.Results.Add(new BenchResult("event_registration_serializable_p95_ms", serialMs, "ms"));
        outcome.Results.Add(new BenchResult("event_registration_serializable_retries", serialRetries, "retries", Decimals: 0));
        foreach (var (what, a, e) in new[] { ("READ COMMITTED", accepted, errors), ("SERIALIZABLE", serialAccepted, serialErrors) })
        {
            if (a != Seats) outcome.Errors.Add($"{what}: {a} registrations accepted for {Seats} seats.");
            if (e != 0) outcome.Errors.Add($"{what}: {e} registrations ended in an error.");
        }
        if (oursMs > 300) outcome.Errors.Add(string.Create(CultureInfo.InvariantCulture, $"registration p95 is {oursMs:F0} ms (limit 300 ms)."));
    }

    private static async Task<(double P95, int Accepted, int Errors, int Retries)> OursRegistrationAsync(
        BenchDatabase database, List<(Guid User, Guid Resident)> people, IsolationLevel isolation, int replicaCount, CancellationToken ct)
    {
        var eventId = await NewEventAsync(database, ct);
        var callers = new FlowCaller();
        var options = new EventOptions { RegistrationIsolation = isolation, MaxRegistrationAttempts = 200 };
        // Each replica has its own desk; their batches race for the event row (and, under SERIALIZABLE, retry).
        var replicas = Enumerable.Range(0, replicaCount)
            .Select(_ => new EventService(new BarangayDb(database.Contexts, callers), options, TimeProvider.System, new RegistrationDesk())).ToArray();
        var times = new ConcurrentBag<double>();
        var accepted = 0;
        var errors = 0;
        var retries = 0;
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = people.Select((p, i) => Task.Run(async () =>
        {
            FlowCaller.Set(new Caller(p.User, "bench " + i, [AppRoles.Resident], RolePermissions.For([AppRoles.Resident], null), null, null, Guid.NewGuid()));
            await go.Task;
            try
            {
                var (ms, result) = await Latency.TimeAsync(() => replicas[i % replicas.Length].RegisterAsync(eventId, ct));
                times.Add(ms);
                if (!result.Ok) Interlocked.Increment(ref errors);
                else
                {
                    Interlocked.Add(ref retries, result.Value!.Attempts - 1);
                    if (result.Value.Status == EventRegistrationStatuses.Registered) Interlocked.Increment(ref accepted);
                }
            }
            catch (Exception)
            {
                Interlocked.Increment(ref errors);
            }
        }, ct)).ToList();
        go.SetResult();
        await Task.WhenAll(tasks);
        return (Latency.Percentile(times.ToList(), 95), accepted, errors, retries);
    }

    private static async Task<double> RawRegistrationAsync(BenchDatabase database, List<(Guid User, Guid Resident)> people, CancellationToken ct)
    {
        var eventId = await NewEventAsync(database, ct);
        var times = new ConcurrentBag<double>();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = people.Select(p => Task.Run(async () =>
        {
            await go.Task;
            var start = Stopwatch.GetTimestamp();
            await using var conn = await database.Raw.OpenConnectionAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            // The service's work by hand: who the caller's resident is, the event locked and open, no earlier
            // registration, the seat, the row and its audit row (as RegistrationStatement writes it).
            await using var cmd = new NpgsqlCommand("""
                WITH ev AS (
                  SELECT id, status, start_at, registration_required FROM events WHERE id = @e FOR NO KEY UPDATE),
                me AS (
                  SELECT r.id AS resident_id FROM residents r
                  WHERE r.user_id = @u AND r.registration_status = 'active' AND r.deleted_at IS NULL ORDER BY r.id LIMIT 1),
                ok AS (
                  SELECT me.resident_id FROM me CROSS JOIN ev
                  WHERE ev.status = 'published' AND ev.registration_required AND ev.start_at > now()
                    AND NOT EXISTS (SELECT 1 FROM event_registrations x WHERE x.event_id = @e AND x.resident_id = me.resident_id)),
                seat AS (
                  UPDATE events SET registered_count = registered_count + 1
                  WHERE id = @e AND EXISTS (SELECT 1 FROM ok) AND (max_capacity IS NULL OR registered_count < max_capacity) RETURNING 1),
                reg AS (
                  INSERT INTO event_registrations (id, event_id, resident_id, status, registered_at)
                  SELECT gen_random_uuid(), @e, ok.resident_id, CASE WHEN EXISTS (SELECT 1 FROM seat) THEN 'registered' ELSE 'waitlisted' END, now()
                  FROM ok
                  RETURNING id, resident_id, status, registered_at)
                INSERT INTO audit_logs (id, "timestamp", actor_user_id, actor_name, action_type, target_type, target_id, correlation_id, details, immutable)
                SELECT gen_random_uuid(), now(), @u, 'bench', 'Create', 'EventRegistration', reg.id::text, gen_random_uuid(),
                       jsonb_build_object('values', jsonb_build_object('id', reg.id, 'event_id', @e, 'resident_id', reg.resident_id,
                                                                       'registered_at', reg.registered_at, 'status', reg.status)),
                       true
                FROM reg
                """, conn, tx);
            cmd.Parameters.Add(new NpgsqlParameter<Guid>("e", eventId));
            cmd.Parameters.Add(new NpgsqlParameter<Guid>("u", p.User));
            if (await cmd.ExecuteNonQueryAsync(ct) != 1) throw new InvalidOperationException("the raw registration wrote no audit row");
            await tx.CommitAsync(ct);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }, ct)).ToList();
        go.SetResult();
        await Task.WhenAll(tasks);
        return Latency.Percentile(times.ToList(), 95);
    }

    private static async Task<Guid> NewEventAsync(BenchDatabase database, CancellationToken ct)
    {
        var id = Guid.NewGuid();
        await database.ExecuteAsync("""
            INSERT INTO events (id, event_id, title, start_at, end_at, max_capacity, registration_required, status, version)
            VALUES (@id, 'BENCH-' || @n, 'Bench event', now() + interval '7 days', now() + interval '7 days 4 hours', @cap, true, 'published', gen_random_uuid())
            """, ct, new NpgsqlParameter<Guid>("id", id), new NpgsqlParameter<string>("n", id.ToString("N")[..10]), new NpgsqlParameter<int>("cap", Seats));
        return id;
    }

    /// <summary>Resident accounts with a resident record, email and mobile number (made or reused with one statement; not timed).</summary>
    private static async Task<List<(Guid User, Guid Resident)>> CreateResidentsAsync(BenchDatabase database, string prefix, int count, string purok, CancellationToken ct)
    {
        await database.ExecuteAsync("""
            WITH u AS (
              INSERT INTO users (username, normalized_username, email, normalized_email, full_name, email_confirmed, phone_number_confirmed, lockout_enabled, access_failed_count, roles)
              SELECT @p || g, upper(@p || g), @p || g || '@example.test', upper(@p || g || '@example.test'), 'Bench ' || g, true, false, true, 0, ARRAY['resident']
              FROM generate_series(1, @n) g
              ON CONFLICT DO NOTHING
              RETURNING id, username)
            INSERT INTO residents (user_id, resident_id, first_name, last_name, dob, purok, contact_number, version)
            SELECT u.id, 'B-' || u.username, 'Bench', u.username, DATE '1990-01-01', @purok, '09170000000', gen_random_uuid() FROM u
            """, ct, new NpgsqlParameter<string>("p", prefix), new NpgsqlParameter<int>("n", count), new NpgsqlParameter<string>("purok", purok));
        await using var cmd = database.Raw.CreateCommand("SELECT u.id, r.id FROM users u JOIN residents r ON r.user_id = u.id WHERE u.username LIKE @p || '%'");
        cmd.Parameters.Add(new NpgsqlParameter<string>("p", prefix));
        var list = new List<(Guid, Guid)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) list.Add((reader.GetGuid(0), reader.GetGuid(1)));
        return list;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private sealed class NoDispatch : IEmailDispatcher, ISmsDispatcher
    {
        public Task DispatchAsync(IEnumerable<Guid> ids, CancellationToken ct = default) => Task.CompletedTask;

        public Task StartAsync(CancellationToken ct = default) => Task.CompletedTask;
    }

    private sealed class FlowCaller : ICurrentUser
    {
        private static readonly AsyncLocal<Caller?> Current = new();

        public static void Set(Caller caller) => Current.Value = caller;

        public Task<Caller> GetAsync(CancellationToken ct = default) => Task.FromResult(Current.Value ?? Caller.Anonymous);
    }
}
