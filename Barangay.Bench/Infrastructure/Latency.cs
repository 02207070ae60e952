using System.Diagnostics;

namespace Barangay.Bench.Infrastructure;

/// <summary>Timing one call at a time, and the percentiles of the timings.</summary>
internal static class Latency
{
    /// <summary>Runs <paramref name="operation"/> once and returns its wall-clock time in milliseconds, and its result.</summary>
    public static async Task<(double Ms, T Result)> TimeAsync<T>(Func<Task<T>> operation)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await operation();
        return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, result);
    }

    /// <summary>The nearest-rank percentile (p in 0..100): the smallest timing at or above p% of all timings.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0) throw new ArgumentException("No timings.", nameof(values));
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
