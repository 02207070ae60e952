using System.Globalization;
using Barangay.Bench.Infrastructure;
using Barangay.Data.Residents;

namespace Barangay.Bench.Benchmarks;

/// <summary>
/// The residents grid's first page with a purok filter in a register of 100,000 residents (<see cref="ResidentRegister"/>):
/// p95 latency of <c>SearchAsync(new ResidentFilter(Purok: "purok-3", Status: "active"), 0, 25)</c> sorted by name, as the
/// secretary, against the same SQL on plain Npgsql (<see cref="ResidentQueryLatency"/>). Target: p95 at most 50 ms.
/// </summary>
internal sealed class ResidentGridBench : IBenchmark
{
    private const int Warmup = 10;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);
    private const int Rounds = 200;
    private const double TargetMs = 50;

    private static readonly ResidentQuery[] Queries =
    [
        new("purok-3 active, by name", new ResidentFilter(Purok: ResidentRegister.PurokCode(3), Status: ResidentStatuses.Active)),
    ];

    public string Name => "resident_grid";

    public string Description =>
        $"residents grid, first page of purok-3 (active, by name) in {ResidentRegister.Count:N0} residents: p95 of up to {Rounds} loads (at most {Budget.TotalSeconds:F0} s), service vs the same SQL on raw Npgsql";

    public async Task<BenchOutcome> RunAsync(BenchDatabase database, CancellationToken ct)
    {
        var outcome = new BenchOutcome();
        var (ours, raw) = await ResidentQueryLatency.MeasureAsync(database, Queries, Warmup, Rounds, Budget, outcome, ct);
        if (ours.All.Count == 0) return outcome;

        var oursP95 = Latency.Percentile(ours.All, 95);
        var rawP95 = Latency.Percentile(raw.All, 95);
        outcome.Results.Add(new BenchResult("resident_grid_p95_ms", oursP95, "ms", oursP95 / rawP95));
        outcome.Results.Add(new BenchResult("resident_grid_raw_p95_ms", rawP95, "ms"));
        if (oursP95 > TargetMs)
            outcome.Errors.Add(string.Create(CultureInfo.InvariantCulture, $"grid p95 is {oursP95:F1} ms (target at most {TargetMs} ms)."));
        return outcome;
    }
}
