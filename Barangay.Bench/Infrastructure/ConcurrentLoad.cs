using System.Collections.Concurrent;
using System.Diagnostics;

namespace Barangay.Bench.Infrastructure;

/// <summary>The results of one timed run: what each operation returned, and the wall-clock time of the lot.</summary>
internal sealed record LoadRun<T>(IReadOnlyList<T> Results, TimeSpan Elapsed);

/// <summary>
/// A fixed number of operations shared by a fixed number of concurrent workers: each worker takes the
/// next operation until none are left. The clock starts when every worker is ready and stops when the
/// last operation has finished, so the figure is throughput of the whole, not of the fastest worker.
/// </summary>
internal static class ConcurrentLoad
{
    public static async Task<LoadRun<T>> RunAsync<T>(int workers, int operations, Func<CancellationToken, Task<T>> operation, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(operations, 1);
        var remaining = operations;
        var results = new ConcurrentBag<T>();
        var ready = new CountdownEvent(workers);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var tasks = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            ready.Signal();
            await go.Task;
            while (Interlocked.Decrement(ref remaining) >= 0)
                results.Add(await operation(ct));
        }, ct)).ToArray();

        ready.Wait(ct);
        ready.Dispose();
        var start = Stopwatch.GetTimestamp();
        go.SetResult();
        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(start);
        return new LoadRun<T>([.. results], elapsed);
    }
}
