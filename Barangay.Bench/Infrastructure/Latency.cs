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

    /// <summary>Fewer timings than this make a tail percentile (above the median) mostly the luck of one or two calls.</summary>
    public const int MinTailSamples = 200;

    /// <summary>
    /// The nearest-rank percentile (p in 0..100): the smallest timing at or above p% of all timings. A percentile above
    /// the median needs <see cref="MinTailSamples"/> timings (issue 20: a p95 of 50 calls is the third-slowest call).
    /// </summary>
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0) throw new ArgumentException("No timings.", nameof(values));
        if (p > 50 && values.Count < MinTailSamples)
            throw new ArgumentException($"A p{p} needs at least {MinTailSamples} timings; got {values.Count}.", nameof(values));
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
