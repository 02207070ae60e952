using System.Globalization;
using Barangay.Bench.Infrastructure;
using Barangay.Data;
using Barangay.Data.Notifications;
using Barangay.Data.Security;
using Npgsql;
using NpgsqlTypes;

namespace Barangay.Bench.Benchmarks;

/// <summary>
/// Notifying 10,000 users at once (an announcement to the whole barangay).
/// Ours: <see cref="NotificationService.NotifyAsync"/> as a feature calls it (recipient check, binary COPY through
/// the context's connection, audit row, one transaction). Raw: the same work by hand on plain Npgsql — the recipient
/// check (which of the ids are accounts), a binary COPY of the same 10,000 rows and the audit row — in a transaction. The 10,000 accounts are made with one INSERT … generate_series before timing.
/// Rounds alternate which side goes first; the figure is the median round. Every round must write exactly one
/// row per user, take at most 5 s, and reach at least 30% of the raw rate.
/// </summary>
internal sealed class NotificationFanOutBench : IBenchmark
{
    private const int Users = 10_000;
    private const int Rounds = 5;
    private const string Prefix = "bench_notify_";
    private const string OursType = "bench.ours";
    private const string RawType = "bench.raw";
    private const double MaxSeconds = 5;
    private const double MinRateOfRaw = 0.30;

    public string Name => "notifications_10k";

    public string Description => $"notify {Users:N0} users: the service vs a raw binary COPY, {Rounds} alternating rounds after a warm-up";

    public async Task<BenchOutcome> RunAsync(BenchDatabase database, CancellationToken ct)
    {
        var outcome = new BenchOutcome();
        var users = await CreateUsersAsync(database, ct);
        var service = new NotificationService(new BarangayDb(database.Contexts, new BenchCaller()), new NotificationOptions());
        var payload = new NotificationPayload("The Barangay Assembly is on Saturday, 2:00 PM, at the barangay hall.", "/events/assembly",
            new Dictionary<string, string> { ["event_id"] = "EVT-2026-000002" });
        var json = NotificationPayloads.Serialize(payload);

        // Warm-up, untimed: JIT, pools, and the table's first pages for both paths.
        await OursAsync(service, users, payload, ct);
        await RawAsync(database, users, json, ct);
        await ClearAsync(database, ct);

        var ours = new List<double>();
        var raw = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var isOurs in round % 2 == 0 ? new[] { true, false } : [false, true])
            {
                var seconds = isOurs ? await OursAsync(service, users, payload, ct) : await RawAsync(database, users, json, ct);
                (isOurs ? ours : raw).Add(seconds);
                outcome.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"  round {round + 1}/{Rounds} {(isOurs ? "ours" : "raw "),-4}: {Users} rows in {seconds * 1000:F0} ms ({Users / seconds:F0} rows/s)"));
            }
            await VerifyAsync(database, outcome.Errors, round, ct);
            await ClearAsync(database, ct);
        }

        var oursMedian = Median(ours);
        var rawMedian = Median(raw);
        var ratio = oursMedian / rawMedian;
        outcome.Results.Add(new BenchResult("notifications_10k_s", oursMedian, "s", ratio, Decimals: 3));
        outcome.Results.Add(new BenchResult("notifications_10k_raw_s", rawMedian, "s", Decimals: 3));
        if (ours.Max() > MaxSeconds)
            outcome.Errors.Add(string.Create(CultureInfo.InvariantCulture, $"the slowest round took {ours.Max():F2} s (limit {MaxSeconds} s)."));
        if (1 / ratio < MinRateOfRaw)
            outcome.Errors.Add(string.Create(CultureInfo.InvariantCulture, $"ours reaches {100 / ratio:F0}% of the raw rate (at least {MinRateOfRaw:P0} required)."));
        return outcome;
    }

    private static async Task<double> OursAsync(NotificationService service, Guid[] users, NotificationPayload payload, CancellationToken ct)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await service.NotifyAsync(users, OursType, payload, ct);
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds;
        if (result.Created != Users) throw new InvalidOperationException($"The service wrote {result.Created} rows ({result.Error}).");
        return elapsed;
    }

    private static async Task<double> RawAsync(BenchDatabase database, Guid[] users, string json, CancellationToken ct)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var conn = await database.Raw.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var known = new List<Guid>(users.Length);
        await using (var check = new NpgsqlCommand("SELECT id FROM users WHERE id = ANY(@ids) AND deleted_at IS NULL", conn, tx))
        {
            check.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", users));
            await using var reader = await check.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) known.Add(reader.GetGuid(0));
        }
        await using (var writer = await conn.BeginBinaryImportAsync("COPY notifications (user_id, type, payload) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var user in known)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(user, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(RawType, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(json, NpgsqlDbType.Jsonb, ct);
            }
            await writer.CompleteAsync(ct);
        }
        await RawAudit.InsertAsync(conn, tx, "Create", "Notification", RawType,
            $$"""{"type":"{{RawType}}","recipients":{{known.Count}},"skipped":{{users.Length - known.Count}}}""", null, "bench", ct);
        await tx.CommitAsync(ct);
        return System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>The bench's 10,000 accounts, made (or reused) with one statement; not timed.</summary>
    private static async Task<Guid[]> CreateUsersAsync(BenchDatabase database, CancellationToken ct)
    {
        await ClearAsync(database, ct);
        await database.ExecuteAsync("""
            INSERT INTO users (username, normalized_username, full_name, email_confirmed, phone_number_confirmed, lockout_enabled, access_failed_count)
            SELECT @p || g, upper(@p || g), 'Bench resident ' || g, false, false, true, 0 FROM generate_series(1, @n) g
            ON CONFLICT DO NOTHING
            """, ct, new NpgsqlParameter<string>("p", Prefix), new NpgsqlParameter<int>("n", Users));
        await using var cmd = database.Raw.CreateCommand("SELECT id FROM users WHERE username LIKE @p || '%' ORDER BY username");
        cmd.Parameters.Add(new NpgsqlParameter<string>("p", Prefix));
        var ids = new List<Guid>(Users);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetGuid(0));
        if (ids.Count != Users) throw new InvalidOperationException($"Expected {Users} bench accounts, found {ids.Count}.");
        return [.. ids];
    }

    private static Task ClearAsync(BenchDatabase database, CancellationToken ct) =>
        database.ExecuteAsync("DELETE FROM notifications WHERE type IN (@a, @b)", ct,
            new NpgsqlParameter<string>("a", OursType), new NpgsqlParameter<string>("b", RawType));

    private static async Task VerifyAsync(BenchDatabase database, List<string> errors, int round, CancellationToken ct)
    {
        foreach (var type in new[] { OursType, RawType })
        {
            var rows = Convert.ToInt64(await database.ScalarAsync(
                "SELECT count(*) FROM notifications WHERE type = @t", ct, new NpgsqlParameter<string>("t", type)), CultureInfo.InvariantCulture);
            var distinct = Convert.ToInt64(await database.ScalarAsync(
                "SELECT count(DISTINCT user_id) FROM notifications WHERE type = @t", ct, new NpgsqlParameter<string>("t", type)), CultureInfo.InvariantCulture);
            if (rows != Users || distinct != Users)
                errors.Add($"round {round + 1}, {type}: {rows} rows for {distinct} users, expected {Users} for {Users}.");
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>The bench acts as a job would: a named system caller, recorded as the audit actor.</summary>
    private sealed class BenchCaller : ICurrentUser
    {
        private static readonly Caller System = Caller.Anonymous with { Name = "bench", CorrelationId = Guid.NewGuid() };

        public Task<Caller> GetAsync(CancellationToken ct = default) => Task.FromResult(System);
    }
}
