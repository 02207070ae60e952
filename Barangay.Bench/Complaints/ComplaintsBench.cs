using System.Diagnostics;
using System.Globalization;
using Barangay.Bench.Infrastructure;
using Barangay.Data;
using Barangay.Data.Complaints;
using Barangay.Data.Files;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace Barangay.Bench.Complaints;

/// <summary>
/// <c>complaint_queue_p95_ms</c>: the triage queue's first page of "new in purok-3" over 50,000 complaints (binary COPY
/// onto the 100,000 bench residents, 2% confidential), through <see cref="ComplaintService.QueueAsync"/> as the
/// secretary (so the confidential rule is in the query) against the very SQL it sent replayed on raw Npgsql
/// (target p95 50 ms, within 3× of raw).
/// </summary>
internal sealed class ComplaintsBench : IBenchmark
{
    public const int Complaints = 50_000;
    private const int Rounds = 200;
    private const int Warmup = 10;
    private static readonly ComplaintQueueFilter Filter = new(Status: ComplaintStatuses.New, Purok: ResidentRegister.PurokCode(3));

    public string Name => "complaints";

    public string Description => $"the complaint triage queue's first page (new, purok-3) over {Complaints:N0} complaints: p95 of {Rounds}, service vs raw";

    public async Task<BenchOutcome> RunAsync(BenchDatabase database, CancellationToken ct)
    {
        var outcome = new BenchOutcome();
        outcome.Notes.Add("  " + await ResidentRegister.EnsureAsync(database, ct));
        outcome.Notes.Add("  " + await EnsureComplaintsAsync(database, ct));
        var options = new FileStorageOptions { DataRoot = Path.Combine(Path.GetTempPath(), "barangay-bench-keys") };
        ComplaintService Service(Microsoft.EntityFrameworkCore.IDbContextFactory<BarangayDbContext> f)
        {
            var dbs = new BarangayDb(f, new OfficialCaller());
            var files = new FileService(dbs, f, new LocalFileStore(options), new FileKeyRing(options), new FileLinkSigner(options, TimeProvider.System), NullLogger<FileService>.Instance);
            return new ComplaintService(dbs, f, files, TimeProvider.System);
        }
        var service = Service(database.Contexts);
        var capture = new SqlCapture(database.ConnectionString);
        await Service(capture).QueueAsync(Filter, 0, 25, ct);
        var commands = capture.Commands.ToList();

        var ours = await service.QueueAsync(Filter, 0, 25, ct);
        var raw = await CapturedReplay.TotalAndPageAsync(database.Raw, commands, "ComplaintId", "complaint_id", ct);
        outcome.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"  queue: {ours.Total:N0} new in purok-3, {ours.Items.Count} on the page; {commands.Count} commands"));
        if (ours.Total != raw.Total || !ours.Items.Select(i => i.Id).SequenceEqual(raw.Ids) || ours.Items.Any(i => i.Confidential))
        {
            outcome.Errors.Add($"queue: the service found {ours.Total}, the raw SQL {raw.Total}, or another page, or a confidential complaint showed.");
            foreach (var c in commands) outcome.Notes.Add("    " + c.Text.ReplaceLineEndings("\n    "));
            return outcome;
        }
        for (var i = 0; i < Warmup; i++)
        {
            await service.QueueAsync(Filter, 0, 25, ct);
            await CapturedReplay.TotalAndPageAsync(database.Raw, commands, "ComplaintId", "complaint_id", ct);
        }
        var oursTimes = new List<double>();
        var rawTimes = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var isOurs in round % 2 == 0 ? new[] { true, false } : [false, true])
            {
                if (isOurs) oursTimes.Add((await Latency.TimeAsync(() => service.QueueAsync(Filter, 0, 25, ct))).Ms);
                else rawTimes.Add((await Latency.TimeAsync(() => CapturedReplay.TotalAndPageAsync(database.Raw, commands, "ComplaintId", "complaint_id", ct))).Ms);
            }
        }
        var oursP95 = Latency.Percentile(oursTimes, 95);
        var rawP95 = Latency.Percentile(rawTimes, 95);
        outcome.Results.Add(new BenchResult("complaint_queue_p95_ms", oursP95, "ms", oursP95 / rawP95));
        outcome.Results.Add(new BenchResult("complaint_queue_raw_p95_ms", rawP95, "ms"));
        outcome.Notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"  queue ours p50 {Latency.Percentile(oursTimes, 50):F1} ms p95 {oursP95:F1} ms | raw p50 {Latency.Percentile(rawTimes, 50):F1} ms p95 {rawP95:F1} ms"));
        if (oursP95 > 50) outcome.Errors.Add(string.Create(CultureInfo.InvariantCulture, $"complaint queue p95 is {oursP95:F1} ms (target at most 50 ms)."));
        if (oursP95 > 3 * rawP95) outcome.Errors.Add(string.Create(CultureInfo.InvariantCulture, $"complaint queue p95 is {oursP95 / rawP95:F2}× raw (target at most 3×)."));
        return outcome;
    }

    /// <summary>50,000 complaints over the bench residents (binary COPY, not timed), the categories, then ANALYZE.</summary>
    private static async Task<string> EnsureComplaintsAsync(BenchDatabase database, CancellationToken ct)
    {
        var existing = Convert.ToInt64(await database.ScalarAsync("SELECT count(*) FROM complaints WHERE complaint_id LIKE 'BCMP-%'", ct), CultureInfo.InvariantCulture);
        if (existing == Complaints) return $"reusing the {Complaints:N0} bench complaints";
        var start = Stopwatch.GetTimestamp();
        await database.ExecuteAsync("""
            INSERT INTO lookup_values (category, code, label, sort_order) VALUES
              ('complaint_category', 'noise', 'Noise disturbance', 0), ('complaint_category', 'garbage', 'Garbage and sanitation', 1),
              ('complaint_category', 'boundary', 'Boundary or land dispute', 2), ('complaint_category', 'debt', 'Unpaid debt', 3),
              ('complaint_category', 'vawc', 'Violence against women and children', 4), ('complaint_category', 'road', 'Road and drainage', 5)
            ON CONFLICT (category, code) DO NOTHING
            """, ct);
        var residents = new List<(Guid Id, string Purok)>();
        await using (var cmd = database.Raw.CreateCommand("SELECT id, purok FROM residents ORDER BY resident_id"))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) residents.Add((reader.GetGuid(0), reader.GetString(1)));
        var rng = new Random(7160);
        string[] categories = ["noise", "garbage", "boundary", "debt", "vawc", "road"];
        (string Status, int Weight)[] statusWeights = [("closed", 50), ("resolved", 20), ("rejected", 5), ("in_progress", 10), ("new", 15)];
        var statuses = statusWeights.SelectMany(s => Enumerable.Repeat(s.Status, s.Weight)).ToArray();
        string[] priorities = ["low", "normal", "normal", "normal", "high", "urgent"];
        var now = DateTime.UtcNow;
        await using (var conn = await database.Raw.OpenConnectionAsync(ct))
        await using (var writer = await conn.BeginBinaryImportAsync(
            "COPY complaints (id, complaint_id, resident_id, category, subject, description, purok, confidential, status, priority, reported_at, updated_at, version) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < Complaints; i++)
            {
                var (resident, purok) = residents[rng.Next(residents.Count)];
                var category = categories[rng.Next(categories.Length)];
                var reported = now.AddMinutes(-rng.Next(0, 60 * 24 * 365 * 3));
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync($"BCMP-{i:D6}", NpgsqlDbType.Text, ct);
                await writer.WriteAsync(resident, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(category, NpgsqlDbType.Text, ct);
                await writer.WriteAsync("Bench complaint " + i.ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Text, ct);
                await writer.WriteAsync("Reported at the hall; details in the record.", NpgsqlDbType.Text, ct);
                await writer.WriteAsync(purok, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(category == "vawc" || rng.Next(100) < 2, NpgsqlDbType.Boolean, ct);
                await writer.WriteAsync(statuses[rng.Next(statuses.Length)], NpgsqlDbType.Text, ct);
                await writer.WriteAsync(priorities[rng.Next(priorities.Length)], NpgsqlDbType.Text, ct);
                await writer.WriteAsync(reported, NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(reported, NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid, ct);
            }
            await writer.CompleteAsync(ct);
        }
        var owner = Environment.GetEnvironmentVariable("BENCH_OWNER_CONNECTION");
        await using (var conn = new NpgsqlConnection(string.IsNullOrWhiteSpace(owner) ? database.ConnectionString : owner))
        {
            await conn.OpenAsync(ct);
            await using var analyze = new NpgsqlCommand("ANALYZE complaints, lookup_values", conn);
            await analyze.ExecuteNonQueryAsync(ct);
        }
        return string.Create(CultureInfo.InvariantCulture, $"generated {Complaints:N0} complaints in {Stopwatch.GetElapsedTime(start).TotalSeconds:F1} s (binary COPY) and analyzed");
    }
}
