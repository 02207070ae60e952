namespace Barangay.Tests.Infrastructure;

/// <summary>
/// A thread-safe count that a test can await reaching a number: the awaiting side wakes when the count gets there,
/// not on a polling interval (so it neither sleeps past the moment nor spins).
/// </summary>
public sealed class Tally
{
    private readonly object _gate = new();
    private readonly List<(int Target, TaskCompletionSource Reached)> _waiters = [];
    private int _count;

    public int Count
    {
        get { lock (_gate) return _count; }
    }

    public void Add()
    {
        List<TaskCompletionSource> reached = [];
        lock (_gate)
        {
            _count++;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Target > _count) continue;
                reached.Add(_waiters[i].Reached);
                _waiters.RemoveAt(i);
            }
        }
        foreach (var r in reached) r.TrySetResult(); // outside the lock: continuations run asynchronously anyway
    }

    /// <summary>Completes once the count is at least <paramref name="target"/>; cancelled with <paramref name="ct"/>.</summary>
    public Task ReachedAsync(int target, CancellationToken ct)
    {
        TaskCompletionSource reached;
        lock (_gate)
        {
            if (_count >= target) return Task.CompletedTask;
            reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((target, reached));
        }
        return reached.Task.WaitAsync(ct);
    }
}
