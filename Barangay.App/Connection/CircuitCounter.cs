using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Barangay.App.Connection;

/// <summary>Counts the circuits of this process: open (connected or kept after a drop) and connected.</summary>
public sealed class CircuitCounter
{
    private long _open, _connected, _closed;

    public long Open => Interlocked.Read(ref _open);
    public long Connected => Interlocked.Read(ref _connected);
    public long Closed => Interlocked.Read(ref _closed);

    internal void Opened() => Interlocked.Increment(ref _open);
    internal void Up() => Interlocked.Increment(ref _connected);
    internal void Down() => Interlocked.Decrement(ref _connected);

    internal void ClosedOne()
    {
        Interlocked.Decrement(ref _open);
        Interlocked.Increment(ref _closed);
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
