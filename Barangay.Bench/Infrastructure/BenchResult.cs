using System.Globalization;

namespace Barangay.Bench.Infrastructure;

/// <summary>
/// One figure, printed as <c>BENCH name value unit</c>, plus <c> ratio=x</c> when a raw baseline did the
/// same work in the same run. The ratio is our time over the baseline's time (above 1 = slower than raw).
/// </summary>
internal sealed record BenchResult(string Name, double Value, string Unit, double? Ratio = null, int Decimals = 1)
{
    public override string ToString()
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"BENCH {Name} {Value.ToString("F" + Decimals, CultureInfo.InvariantCulture)} {Unit}");
        return Ratio is { } r ? line + string.Create(CultureInfo.InvariantCulture, $" ratio={r:F2}") : line;
    }
}

/// <summary>What a benchmark hands back: its figures, details for the log, and any failed check (which fails the run).</summary>
internal sealed class BenchOutcome
{
    public List<BenchResult> Results { get; } = [];

    /// <summary>Details (per-round timings and the like), written to stderr.</summary>
    public List<string> Notes { get; } = [];

    public List<string> Errors { get; } = [];
}
