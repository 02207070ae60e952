using System.Globalization;
using Barangay.Bench.Infrastructure;
using Barangay.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Barangay.Bench.Benchmarks;

/// <summary>
/// The human-ID counter under contention: 8 writers, each ID taken in its own transaction.
/// Ours: a context from the app's factory, BEGIN, <see cref="HumanIds.NextAsync"/>, COMMIT.
/// Raw: the same upsert (<see cref="HumanIds.UpsertSql"/>) on a pooled plain Npgsql connection, BEGIN/COMMIT.
/// Each side takes <see cref="Total"/> timed IDs on its own counter row, after <see cref="Warmup"/> untimed
/// ones (in alternating batches: with fewer, the EF path was still tiering up in the first timed round).
/// The timed work is split into rounds that alternate which side goes first, so neither side always
/// runs first, or alone in a quiet (or busy) spell of a shared machine. Afterwards every counter must have handed out
/// 1..N exactly once, and the row must say N.
/// </summary>
internal sealed class HumanIdCounterBench : IBenchmark
{
    private const int Writers = 8;
    private const int Warmup = 1_000;
    private const int WarmupBatches = 5;
    private const int Total = 4_000;
    private const int Rounds = 8;
    private const int Year = 2026;
    private const string OursPrefix = "BNC";
    private const string RawPrefix = "BNR";

    public string Name => "human_ids";

    public string Description =>
        $"human-ID counter: {Writers} concurrent writers, {Total} IDs per side in {Rounds} alternating rounds, after {Warmup} warm-up IDs per side";

    public async Task<BenchOutcome> RunAsync(BenchDatabase database, CancellationToken ct)
    {
        // A fresh start, so the contiguity check holds when the bench runs twice on one database.
        await database.ExecuteAsync(
            "DELETE FROM id_counters WHERE prefix IN (@a, @b) AND year = @y", ct,
            new NpgsqlParameter<string>("a", OursPrefix), new NpgsqlParameter<string>("b", RawPrefix), new NpgsqlParameter<int>("y", Year));

        var ours = new List<long>(Warmup + Total);
        var raw = new List<long>(Warmup + Total);
        Func<CancellationToken, Task<long>> takeOurs = c => OursOneAsync(database, c);
        Func<CancellationToken, Task<long>> takeRaw = c => RawOneAsync(database, c);

        // Warm-up, untimed, in alternating batches: both paths get JIT-compiled, tiered up and their pools filled.
        for (var batch = 0; batch < WarmupBatches; batch++)
        {
            var count = Warmup / WarmupBatches + (batch < Warmup % WarmupBatches ? 1 : 0);
            ours.AddRange((await ConcurrentLoad.RunAsync(Writers, count, takeOurs, ct)).Results);
            raw.AddRange((await ConcurrentLoad.RunAsync(Writers, count, takeRaw, ct)).Results);
        }

        var oursTime = TimeSpan.Zero;
        var rawTime = TimeSpan.Zero;
        var log = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var count = Total / Rounds + (round < Total % Rounds ? 1 : 0);
            foreach (var isOurs in round % 2 == 0 ? new[] { true, false } : [false, true])
            {
                var run = await ConcurrentLoad.RunAsync(Writers, count, isOurs ? takeOurs : takeRaw, ct);
                (isOurs ? ours : raw).AddRange(run.Results);
                if (isOurs) oursTime += run.Elapsed; else rawTime += run.Elapsed;
                log.Add(string.Create(CultureInfo.InvariantCulture,
                    $"  round {round + 1}/{Rounds} {(isOurs ? "ours" : "raw "),-4}: {count} IDs in {run.Elapsed.TotalMilliseconds:F0} ms ({count / run.Elapsed.TotalSeconds:F0} ids/s)"));
            }
        }

        var outcome = new BenchOutcome();
        outcome.Notes.AddRange(log);
        await VerifyAsync(database, OursPrefix, ours, outcome.Errors, ct);
        await VerifyAsync(database, RawPrefix, raw, outcome.Errors, ct);

        var oursRate = Total / oursTime.TotalSeconds;
        var rawRate = Total / rawTime.TotalSeconds;
        outcome.Results.Add(new BenchResult("human_ids_per_s", oursRate, "ids/s", oursTime / rawTime));
        outcome.Results.Add(new BenchResult("human_ids_raw_per_s", rawRate, "ids/s"));
        return outcome;
    }

    private static async Task<long> OursOneAsync(BenchDatabase database, CancellationToken ct)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var id = await HumanIds.NextAsync(db, OursPrefix, Year, ct);
        await tx.CommitAsync(ct);
        return ParseNumber(id);
    }

    private static async Task<long> RawOneAsync(BenchDatabase database, CancellationToken ct)
    {
        await using var conn = await database.Raw.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using var cmd = new NpgsqlCommand(HumanIds.UpsertSql, conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter<string>("p", RawPrefix));
        cmd.Parameters.Add(new NpgsqlParameter<int>("y", Year));
        var value = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        await tx.CommitAsync(ct);
        return value;
    }

    /// <summary>"BNC-2026-000042" → 42; anything else is a failure of the counter, not of the bench.</summary>
    private static long ParseNumber(string id)
    {
        var expected = $"{OursPrefix}-{Year}-";
        if (!id.StartsWith(expected, StringComparison.Ordinal) ||
            !long.TryParse(id.AsSpan(expected.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            throw new InvalidOperationException($"Unexpected human ID '{id}'.");
        return n;
    }

    private static async Task VerifyAsync(BenchDatabase database, string prefix, List<long> values, List<string> errors, CancellationToken ct)
    {
        var expected = Warmup + Total;
        if (values.Count != expected)
            errors.Add($"{prefix}: {values.Count} IDs were returned, expected {expected}.");

        var duplicates = values.GroupBy(v => v).Where(g => g.Count() > 1).Select(g => g.Key).Order().ToList();
        if (duplicates.Count > 0)
            errors.Add($"{prefix}: {duplicates.Count} numbers were handed out more than once, e.g. {string.Join(", ", duplicates.Take(5))}.");

        var distinct = values.ToHashSet();
        var missing = Enumerable.Range(1, expected).Where(n => !distinct.Contains(n)).ToList();
        if (missing.Count > 0)
            errors.Add($"{prefix}: {missing.Count} numbers in 1..{expected} were never handed out (gaps), e.g. {string.Join(", ", missing.Take(5))}.");

        var outside = distinct.Where(v => v < 1 || v > expected).Order().ToList();
        if (outside.Count > 0)
            errors.Add($"{prefix}: {outside.Count} numbers fall outside 1..{expected}, e.g. {string.Join(", ", outside.Take(5))}.");

        var last = await database.ScalarAsync(
            "SELECT last_value FROM id_counters WHERE prefix = @p AND year = @y", ct,
            new NpgsqlParameter<string>("p", prefix), new NpgsqlParameter<int>("y", Year));
        var lastValue = last is null ? (long?)null : Convert.ToInt64(last, CultureInfo.InvariantCulture);
        if (lastValue != expected)
            errors.Add($"{prefix}: the counter row says {lastValue?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}, expected {expected}.");
    }
}
