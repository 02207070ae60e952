using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Barangay.App.Connection;

/// <summary>
/// Counts the circuits of this process: open (connected or kept after a drop) and connected. Every change is also a
/// signal, so a test or the bench waits for a count (<see cref="WaitUntilAsync"/>) instead of polling it.
/// </summary>
public sealed class CircuitCounter
{
    private long _open, _connected, _closed;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Open => Interlocked.Read(ref _open);
    public long Connected => Interlocked.Read(ref _connected);
    public long Closed => Interlocked.Read(ref _closed);

    internal void Opened() => Changed(Interlocked.Increment(ref _open));
    internal void Up() => Changed(Interlocked.Increment(ref _connected));
    internal void Down() => Changed(Interlocked.Decrement(ref _connected));

    internal void ClosedOne()
    {
        Interlocked.Decrement(ref _open);
        Changed(Interlocked.Increment(ref _closed));
    }

    private void Changed(long _) =>
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Waits until <paramref name="condition"/> holds, woken by each change; false if it did not within the timeout.</summary>
    public async Task<bool> WaitUntilAsync(Func<CircuitCounter, bool> condition, TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task; // taken before the check, so no change between them is missed
            if (condition(this)) return true;
            try { await changed.WaitAsync(cts.Token); }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested) { return condition(this); }
        }
    }
}

/// <summary>One per circuit: reports its life to the process-wide <see cref="CircuitCounter"/>.</summary>
public sealed class CountingCircuitHandler(CircuitCounter counter) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        counter.Opened();
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        counter.Up();
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        counter.Down();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        counter.ClosedOne();
        return Task.CompletedTask;
    }
}
