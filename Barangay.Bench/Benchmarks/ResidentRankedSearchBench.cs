using System.Globalization;
using Barangay.Bench.Infrastructure;
using Barangay.Data.Residents;

namespace Barangay.Bench.Benchmarks;

/// <summary>
/// Name search as the hall types it, with the ranking of issue 24 item 9 (exact surname, then exact given name, then
/// the rest): names with spaces and capitals ("dela cruz", "Dela Peña", "Juan Dela Cruz") through the same calls the
/// app makes — the app bar's quick search (<c>SearchAsync(Search: text), page 0, size 8</c>) and the residents grid
/// (size 25) — against the same SQL on plain Npgsql (<see cref="ResidentQueryLatency"/>). Targets as
/// <see cref="ResidentSearchBench"/>: p95 at most 30 ms and at most 3 times the raw p95.
/// </summary>
internal sealed class ResidentRankedSearchBench : IBenchmark
{
    private const int Warmup = 3;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(75);
    private const int Rounds = 40;
    private const double TargetMs = 30;
    private const double MaxRatio = 3;

    private static readonly ResidentQuery[] Queries =
    [
        new("app bar 'dela cruz'", new ResidentFilter(Search: "dela cruz"), Size: 8),
        new("app bar 'Dela Peña'", new ResidentFilter(Search: "Dela Peña"), Size: 8),
        new("app bar 'Juan Dela Cruz'", new ResidentFilter(Search: "Juan Dela Cruz"), Size: 8),
        new("grid 'dela cruz'", new ResidentFilter(Search: "dela cruz")),
        new("grid 'de leon'", new ResidentFilter(Search: "de leon")),
        new("grid 'santos'", new ResidentFilter(Search: "santos")),
    ];

    public string Name => "resident_search_ranked";

    public string Description =>
        $"ranked resident name search as typed at the hall in {ResidentRegister.Count:N0} residents: p95 of up to {Queries.Length * Rounds} searches (app bar size 8, grid size 25), service vs the same SQL on raw Npgsql";

    public async Task<BenchOutcome> RunAsync(BenchDatabase database, CancellationToken ct)
    {
        var outcome = new BenchOutcome();
        var (ours, raw) = await ResidentQueryLatency.MeasureAsync(database, Queries, Warmup, Rounds, Budget, outcome, ct);
        if (ours.All.Count == 0) return outcome;

        var oursP95 = Latency.Percentile(ours.All, 95);
        var rawP95 = Latency.Percentile(raw.All, 95);
        var ratio = oursP95 / rawP95;
        outcome.Results.Add(new BenchResult("resident_search_ranked_p95_ms", oursP95, "ms", ratio));
        outcome.Results.Add(new BenchResult("resident_search_ranked_raw_p95_ms", rawP95, "ms"));
        if (oursP95 > TargetMs)
            outcome.Errors.Add(string.Create(CultureInfo.InvariantCulture, $"ranked search p95 is {oursP95:F1} ms (target at most {TargetMs} ms)."));
        if (ratio > MaxRatio)
            outcome.Errors.Add(string.Create(CultureInfo.InvariantCulture, $"ranked search p95 is {ratio:F2} times the raw p95 (target at most {MaxRatio})."));
        return outcome;
    }
}
