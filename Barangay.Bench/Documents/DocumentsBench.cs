using System.Diagnostics;
using System.Globalization;
using Barangay.Bench.Infrastructure;
using Barangay.Data;
using Barangay.Data.Documents;
using Barangay.Data.Files;
using Barangay.Data.Settings;
using Npgsql;
using NpgsqlTypes;

namespace Barangay.Bench.Documents;

/// <summary>
/// Documents: <c>request_queue_p95_ms</c> (the certificate lines are <see cref="Certificates.CertificatesBench"/>'s,
/// which now include loading, seals, signature and audit): the hall's queue, first page of
/// "submitted in purok-3", over 50,000 requests (binary COPY onto the 100,000 bench residents), through
/// <see cref="DocumentRequestService.QueueAsync"/> as the secretary against the very SQL it sent replayed on raw Npgsql
/// (target p95 50 ms, within 3× of raw).
/// </summary>
internal sealed class DocumentsBench : IBenchmark
{
    public const int Requests = 50_000;
    private const int QueueRounds = 200;
    private const int Warmup = 10;
    private static readonly DocumentQueueFilter Filter = new(Status: DocumentRequestStatuses.Submitted, Purok: ResidentRegister.PurokCode(3));

    public string Name => "documents";

    public string Description =>
        $"the request queue's first page (submitted, purok-3) over {Requests:N0} requests: p95 of {QueueRounds}, service vs raw";

    public async Task<BenchOutcome> RunAsync(BenchDatabase database, CancellationToken ct)
    {
        var outcome = new BenchOutcome();
        await QueueAsync(database, outcome, ct);
        return outcome;
    }

    private static async Task QueueAsync(BenchDatabase database, BenchOutcome outcome, CancellationToken ct)
    {
        outcome.Notes.Add("  " + await ResidentRegister.EnsureAsync(database, ct));
        outcome.Notes.Add("  " + await EnsureRequestsAsync(database, ct));
        var keys = new FileStorageOptions { DataRoot = Path.Combine(Path.GetTempPath(), "barangay-bench-keys") };
        DocumentRequestService Service(Microsoft.EntityFrameworkCore.IDbContextFactory<BarangayDbContext> f) =>
            new(new BarangayDb(f, new OfficialCaller()), f, new HolidayCalendar(f), new CertificateCodes(keys), TimeProvider.System);
        var service = Service(database.Contexts);
        var capture = new SqlCapture(database.ConnectionString);
        await Service(capture).QueueAsync(Filter, 0, 25, ct);
        var commands = capture.Commands.ToList();

        var ours = await service.QueueAsync(Filter, 0, 25, ct);
        var raw = await CapturedReplay.TotalAndPageAsync(database.Raw, commands, "RequestId", "request_id", ct);
        outcome.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"  queue: {ours.Total:N0} submitted in purok-3, {ours.Items.Count} on the page; {commands.Count} commands"));
        if (ours.Total != raw.Total || !ours.Items.Select(i => i.Id).SequenceEqual(raw.Ids))
        {
            outcome.Errors.Add($"queue: the service found {ours.Total}, the raw SQL {raw.Total}, or another page.");
            foreach (var c in commands) outcome.Notes.Add("    " + c.Text.ReplaceLineEndings("\n    "));
            return;
        }
        for (var i = 0; i < Warmup; i++)
        {
            await service.QueueAsync(Filter, 0, 25, ct);
            await CapturedReplay.TotalAndPageAsync(database.Raw, commands, "RequestId", "request_id", ct);
        }
        var oursTimes = new List<double>();
        var rawTimes = new List<double>();
        for (var round = 0; round < QueueRounds; round++)
        {
            foreach (var isOurs in round % 2 == 0 ? new[] { true, false } : [false, true])
            {
                if (isOurs) oursTimes.Add((await Latency.TimeAsync(() => service.QueueAsync(Filter, 0, 25, ct))).Ms);
                else rawTimes.Add((await Latency.TimeAsync(() => CapturedReplay.TotalAndPageAsync(database.Raw, commands, "RequestId", "request_id", ct))).Ms);
            }
        }
        var oursP95 = Latency.Percentile(oursTimes, 95);
        var rawP95 = Latency.Percentile(rawTimes, 95);
        outcome.Results.Add(new BenchResult("request_queue_p95_ms", oursP95, "ms", oursP95 / rawP95));
        outcome.Results.Add(new BenchResult("request_queue_raw_p95_ms", rawP95, "ms"));
        outcome.Notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"  queue ours p50 {Latency.Percentile(oursTimes, 50):F1} ms p95 {oursP95:F1} ms | raw p50 {Latency.Percentile(rawTimes, 50):F1} ms p95 {rawP95:F1} ms"));
        if (oursP95 > 50) outcome.Errors.Add(string.Create(CultureInfo.InvariantCulture, $"queue p95 is {oursP95:F1} ms (target at most 50 ms)."));
        if (oursP95 > 3 * rawP95) outcome.Errors.Add(string.Create(CultureInfo.InvariantCulture, $"queue p95 is {oursP95 / rawP95:F2}× raw (target at most 3×)."));
    }

    /// <summary>50,000 requests over the bench residents (binary COPY, not timed), then the document types and ANALYZE.</summary>
    internal static async Task<string> EnsureRequestsAsync(BenchDatabase database, CancellationToken ct)
    {
        var existing = Convert.ToInt64(await database.ScalarAsync("SELECT count(*) FROM document_requests WHERE request_id LIKE 'BREQ-%'", ct), CultureInfo.InvariantCulture);
        if (existing == Requests) return $"reusing the {Requests:N0} bench requests";
        var start = Stopwatch.GetTimestamp();
        await database.ExecuteAsync("""
            INSERT INTO lookup_values (category, code, label, sort_order, meta) VALUES
              ('document_type', 'barangay-clearance', 'Barangay Clearance', 0, '{"category":"clearance","fee":100,"class":"simple","validity_days":180}'),
              ('document_type', 'certificate-of-residency', 'Certificate of Residency', 1, '{"category":"certificate","fee":50,"class":"simple","validity_days":180}'),
              ('document_type', 'certificate-of-indigency', 'Certificate of Indigency', 2, '{"category":"certificate","fee":0,"class":"simple","validity_days":90}'),
              ('document_type', 'business-clearance', 'Business Clearance', 3, '{"category":"permit","fee":500,"class":"complex","validity_days":365}')
            ON CONFLICT (category, code) DO NOTHING
            """, ct);
        var residents = new List<(Guid Id, string Purok)>();
        await using (var cmd = database.Raw.CreateCommand("SELECT id, purok FROM residents ORDER BY resident_id"))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) residents.Add((reader.GetGuid(0), reader.GetString(1)));
        var rng = new Random(11032);
        string[] types = ["barangay-clearance", "certificate-of-residency", "certificate-of-indigency", "business-clearance"];
        // Mostly history (released, rejected, cancelled) and a working queue of open ones, as a hall a few years in.
        (string Status, int Weight)[] statusWeights = [("released", 70), ("rejected", 5), ("cancelled", 5), ("approved", 4), ("processing", 4), ("reviewed", 4), ("submitted", 8)];
        var statuses = statusWeights.SelectMany(s => Enumerable.Repeat(s.Status, s.Weight)).ToArray();
        var now = DateTime.UtcNow;
        var clock = new WorkingDayClock([]);
        await using (var conn = await database.Raw.OpenConnectionAsync(ct))
        await using (var writer = await conn.BeginBinaryImportAsync(
            "COPY document_requests (id, request_id, resident_id, type, status, metadata, submitted_at, updated_at, due_at, purok, version) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < Requests; i++)
            {
                var (resident, purok) = residents[rng.Next(residents.Count)];
                var status = statuses[rng.Next(statuses.Length)];
                var type = types[rng.Next(types.Length)];
                var submitted = now.AddMinutes(-rng.Next(0, 60 * 24 * 365 * 3));
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync($"BREQ-{i:D6}", NpgsqlDbType.Text, ct);
                await writer.WriteAsync(resident, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(type, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(status, NpgsqlDbType.Text, ct);
                await writer.WriteAsync("""{"purpose":"Employment"}""", NpgsqlDbType.Jsonb, ct);
                await writer.WriteAsync(submitted, NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(submitted, NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(clock.AddWorkingDays(submitted, type == "business-clearance" ? 7 : 3), NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(purok, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid, ct);
            }
            await writer.CompleteAsync(ct);
        }
        var owner = Environment.GetEnvironmentVariable("BENCH_OWNER_CONNECTION");
        await using (var conn = new NpgsqlConnection(string.IsNullOrWhiteSpace(owner) ? database.ConnectionString : owner))
        {
            await conn.OpenAsync(ct);
            await using var analyze = new NpgsqlCommand("ANALYZE document_requests, lookup_values", conn);
            await analyze.ExecuteNonQueryAsync(ct);
        }
        return string.Create(CultureInfo.InvariantCulture, $"generated {Requests:N0} requests in {Stopwatch.GetElapsedTime(start).TotalSeconds:F1} s (binary COPY) and analyzed");
    }
}
