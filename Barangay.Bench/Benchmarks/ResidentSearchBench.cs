using System.Globalization;
using Barangay.Bench.Infrastructure;
using Barangay.Data.Residents;

namespace Barangay.Bench.Benchmarks;

/// <summary>
/// Name search in a register of 100,000 residents (<see cref="ResidentRegister"/>): the p95 latency of
/// <c>SearchAsync(new ResidentFilter(Search: q), 0, 25)</c> as the secretary, over a mix of an exact normalized surname,
/// a partial one, a typo, first+last run together and a rare surname, against the same SQL on plain Npgsql
/// (<see cref="ResidentQueryLatency"/>). Targets: p95 at most 30 ms, and at most 3 times the raw p95.
/// </summary>
internal sealed class ResidentSearchBench : IBenchmark
{
    private const int Warmup = 3;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(75);
    private const int Rounds = 60;
    private const double TargetMs = 30;
    private const double MaxRatio = 3;

    private static readonly ResidentQuery[] Queries =
    [
        new("exact 'delacruz'", new ResidentFilter(Search: "delacruz")),
        new("partial 'pena'", new ResidentFilter(Search: "pena")),
        new("typo 'delacrus'", new ResidentFilter(Search: "delacrus")),
        new("first+last 'juandelacruz'", new ResidentFilter(Search: "juandelacruz")),
        new($"rare '{ResidentRegister.RareLastName.ToLowerInvariant()}'", new ResidentFilter(Search: ResidentRegister.RareLastName.ToLowerInvariant())),
    ];

    public string Name => "resident_search";

    public string Description =>
        $"resident name search in {ResidentRegister.Count:N0} residents: p95 of up to {Queries.Length * Rounds} searches ({Queries.Length} queries x {Rounds}, at most {Budget.TotalSeconds:F0} s), service vs the same SQL on raw Npgsql";

    public async Task<BenchOutcome> RunAsync(BenchDatabase database, CancellationToken ct)
    {
        var outcome = new BenchOutcome();
        var (ours, raw) = await ResidentQueryLatency.MeasureAsync(database, Queries, Warmup, Rounds, Budget, outcome, ct);
        if (ours.All.Count == 0) return outcome;

        var oursP95 = Latency.Percentile(ours.All, 95);
        var rawP95 = Latency.Percentile(raw.All, 95);
        var ratio = oursP95 / rawP95;
        outcome.Results.Add(new BenchResult("resident_search_p95_ms", oursP95, "ms", ratio));
        outcome.Results.Add(new BenchResult("resident_search_raw_p95_ms", rawP95, "ms"));
        if (oursP95 > TargetMs)
            outcome.Errors.Add(string.Create(CultureInfo.InvariantCulture, $"search p95 is {oursP95:F1} ms (target at most {TargetMs} ms)."));
        if (ratio > MaxRatio)
            outcome.Errors.Add(string.Create(CultureInfo.InvariantCulture, $"search p95 is {ratio:F2} times the raw p95 (target at most {MaxRatio})."));
        return outcome;
    }
}
