namespace Barangay.App.Hosting.Warmup;

/// <summary>
/// Whether this process may take users yet: not until its warm-up (<see cref="StartupWarmup"/>) has finished or run out
/// of its time box. <c>/healthz</c>, which HAProxy checks before sending a process users, answers from here.
/// </summary>
public sealed class StartupReadiness
{
    private readonly TaskCompletionSource<string?> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Null while warming up; then null too when all went well, or why the warm-up was cut short.</summary>
    public string? Shortfall => _done.Task.IsCompleted ? _done.Task.Result : null;

    public bool IsReady => _done.Task.IsCompleted;

    /// <summary>Completes when the process is ready (with the shortfall, if any).</summary>
    public Task<string?> Ready => _done.Task;

    /// <summary>The first call wins; the warm-up and its time box may both report.</summary>
    public void MarkReady(string? shortfall = null) => _done.TrySetResult(shortfall);
}
