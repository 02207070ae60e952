using System.Diagnostics;

namespace Barangay.App.Hosting.Warmup;

/// <summary>
/// Warms a freshly started process before it says ready, so that its first user (often the one HAProxy moved here
/// because the other process died) is served as fast as on a process that has run for hours. Starts once the server
/// listens (its own pages are fetched through it), runs <see cref="WarmupSteps"/> and marks <see cref="StartupReadiness"/>;
/// never longer than <see cref="WarmupOptions.TimeLimitSeconds"/>, after which the process says ready and why not warm.
/// </summary>
public sealed class StartupWarmup(
    StartupReadiness readiness, WarmupSteps steps, WarmupOptions options, IHostApplicationLifetime lifetime, ILogger<StartupWarmup> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            readiness.MarkReady();
            log.LogInformation("Warm-up off; ready");
            return;
        }
        if (!await ListeningAsync(stoppingToken)) return;

        var limit = TimeSpan.FromSeconds(Math.Max(0, options.TimeLimitSeconds));
        using var box = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        box.CancelAfter(limit);
        var started = Stopwatch.GetTimestamp();
        var work = steps.RunAsync(box.Token);
        // The token stops what honours it; the race stops readiness waiting on anything that does not (a socket open
        // on an address that drops packets), so the time box holds whatever the database does.
        var finished = await Task.WhenAny(work, Task.Delay(limit, stoppingToken));
        var took = Stopwatch.GetElapsedTime(started);
        string? shortfall;
        if (finished == work && work.IsCompletedSuccessfully)
        {
            shortfall = work.Result;
        }
        else
        {
            shortfall = $"warm-up stopped at its {limit.TotalSeconds:0.#} s limit: " + (steps.Current ?? "unknown step");
            box.Cancel();
            _ = work.ContinueWith(t => _ = t.Exception, TaskScheduler.Default); // observed: it ends on its own, cancelled
        }
        if (stoppingToken.IsCancellationRequested) return;
        readiness.MarkReady(shortfall);
        if (shortfall is null) log.LogInformation("Warm-up done in {Ms:0} ms; ready", took.TotalMilliseconds);
        else log.LogWarning("Ready after {Ms:0} ms without a full warm-up: {Why}", took.TotalMilliseconds, shortfall);
    }

    private async Task<bool> ListeningAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var __ = ct.Register(() => started.TrySetCanceled(ct));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
