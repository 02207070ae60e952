namespace Barangay.Data.Events;

/// <summary>
/// Admission to an event's seat statement, a few at a time per process. When hundreds press Register the moment
/// registration opens, letting them all at the event row at once makes PostgreSQL wake every waiter at each commit
/// (a thundering herd on the row lock): 200 at once took 600–700 ms on 2 cores, mostly in wake-ups. Queued here
/// instead, two at a time, each statement finds at most one other waiting. The database still decides every seat
/// (the conditional UPDATE), so replicas, each with their own gate, stay correct; they only queue separately.
/// Events are striped over a fixed set of gates, so nothing grows with the number of events.
/// </summary>
internal static class SeatGate
{
    private const int PerEvent = 2;
    private static readonly SemaphoreSlim[] Stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(PerEvent, PerEvent)).ToArray();

    public static async Task<Admission> EnterAsync(Guid eventId, CancellationToken ct)
    {
        var gate = Stripes[(eventId.GetHashCode() & int.MaxValue) % Stripes.Length];
        await gate.WaitAsync(ct);
        return new Admission(gate);
    }

    public readonly struct Admission(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
