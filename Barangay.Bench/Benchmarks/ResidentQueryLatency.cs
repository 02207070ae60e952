using System.Globalization;
using Barangay.Bench.Infrastructure;
using Barangay.Data;
using Barangay.Data.Residents;
using Npgsql;

namespace Barangay.Bench.Benchmarks;

/// <summary>One register query as the grid asks it.</summary>
internal sealed record ResidentQuery(string Label, ResidentFilter Filter, int Page = 0, int Size = 25, ResidentSort Sort = ResidentSort.Name);

/// <summary>The timings of one side (ours or raw), all queries together and per query.</summary>
internal sealed class LatencySample
{
    public List<double> All { get; } = [];

    public Dictionary<string, List<double>> ByQuery { get; } = [];

    public void Add(string label, double ms)
    {
        All.Add(ms);
        if (!ByQuery.TryGetValue(label, out var list)) ByQuery[label] = list = [];
        list.Add(ms);
    }
}

/// <summary>
/// Latency of register queries, one call at a time (a clerk at the grid), through <see cref="ResidentService.SearchAsync"/>
/// against a raw baseline: the very commands the service sent (captured once per query by <see cref="SqlCapture"/>:
/// the COUNT for the total, then the page SELECT) replayed on a plain pooled Npgsql connection, every row and column read.
/// Before timing, both sides must agree on each query's total and page (same ids, same order). After an untimed warm-up,
/// the rounds interleave ours and raw per query, alternating which goes first; they stop early (after at least
/// <see cref="MinRounds"/>) once the time budget is spent, so a slow query cannot stretch the run. BENCH_SHOW_SQL=1 logs the captured SQL.
/// </summary>
internal static class ResidentQueryLatency
{
    private const int MinRounds = 10;

    public static async Task<(LatencySample Ours, LatencySample Raw)> MeasureAsync(
        BenchDatabase database, IReadOnlyList<ResidentQuery> queries, int warmup, int rounds, TimeSpan budget, BenchOutcome outcome, CancellationToken ct)
    {
        outcome.Notes.Add("  " + await ResidentRegister.EnsureAsync(database, ct));
        var service = new ResidentService(new BarangayDb(database.Contexts, new OfficialCaller()), TimeProvider.System);

        var captured = new Dictionary<string, IReadOnlyList<CapturedCommand>>();
        var capture = new SqlCapture(database.ConnectionString);
        var capturing = new ResidentService(new BarangayDb(capture, new OfficialCaller()), TimeProvider.System);
        foreach (var q in queries)
        {
            capture.Clear();
            await capturing.SearchAsync(q.Filter, q.Page, q.Size, q.Sort, ct: ct);
            captured[q.Label] = [.. capture.Commands];
            var ours = await OursAsync(service, q, ct);
            var raw = await CapturedReplay.TotalAndPageAsync(database.Raw, captured[q.Label], "ResidentId", "resident_id", ct);
            outcome.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"  {q.Label}: {ours.Total:N0} residents match, {ours.Ids.Count} on the page; {captured[q.Label].Count} commands"));
            if (Environment.GetEnvironmentVariable("BENCH_SHOW_SQL") == "1")
                foreach (var c in captured[q.Label])
                    outcome.Notes.Add($"    -- {string.Join(", ", c.Parameters.Select(p => $"{p.ParameterName}={p.Value}"))}\n    {c.Text.ReplaceLineEndings("\n    ")}");
            if (ours.Total != raw.Total || !ours.Ids.SequenceEqual(raw.Ids))
                outcome.Errors.Add($"{q.Label}: the service found {ours.Total} ({ours.Ids.Count} on the page), the raw SQL {raw.Total} ({raw.Ids.Count}), or another page.");
        }
        if (outcome.Errors.Count > 0) return (new LatencySample(), new LatencySample());

        for (var i = 0; i < warmup; i++)
            foreach (var q in queries)
            {
                await OursAsync(service, q, ct);
                await CapturedReplay.TotalAndPageAsync(database.Raw, captured[q.Label], "ResidentId", "resident_id", ct);
            }

        var oursSample = new LatencySample();
        var rawSample = new LatencySample();
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        for (var round = 0; round < rounds; round++)
        {
            // A slow database must not stretch the whole bench run: stop after the budget, with at least MinRounds and
            // enough calls per side for a p95.
            if (round >= MinRounds && oursSample.All.Count >= Latency.MinTailSamples && System.Diagnostics.Stopwatch.GetElapsedTime(start) > budget)
            {
                outcome.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"  stopped after {round} of {rounds} rounds: the {budget.TotalSeconds:F0} s budget for timing was spent"));
                break;
            }
            for (var i = 0; i < queries.Count; i++)
            {
                var q = queries[i];
                foreach (var isOurs in (round + i) % 2 == 0 ? new[] { true, false } : [false, true])
                {
                    var (ms, _) = isOurs
                        ? await Latency.TimeAsync(() => OursAsync(service, q, ct))
                        : await Latency.TimeAsync(() => CapturedReplay.TotalAndPageAsync(database.Raw, captured[q.Label], "ResidentId", "resident_id", ct));
                    (isOurs ? oursSample : rawSample).Add(q.Label, ms);
                }
            }
        }

        outcome.Notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"  {oursSample.All.Count} timed calls per side in {System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds:F0} s"));
        foreach (var q in queries)
            outcome.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"  {q.Label,-28} ours p50 {Latency.Percentile(oursSample.ByQuery[q.Label], 50),6:F1} ms max {oursSample.ByQuery[q.Label].Max(),6:F1} ms | raw p50 {Latency.Percentile(rawSample.ByQuery[q.Label], 50),6:F1} ms max {rawSample.ByQuery[q.Label].Max(),6:F1} ms"));
        return (oursSample, rawSample);
    }

    private static async Task<(long Total, List<Guid> Ids)> OursAsync(ResidentService service, ResidentQuery q, CancellationToken ct)
    {
        var page = await service.SearchAsync(q.Filter, q.Page, q.Size, q.Sort, ct: ct);
        // A capped total means "more than the cap": the SQL's LIMIT cap + 1 count says the same.
        return (page.TotalIsCapped ? page.Total + 1 : page.Total, [.. page.Items.Select(r => r.Id)]);
    }
}
