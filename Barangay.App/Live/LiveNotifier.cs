namespace Barangay.App.Live;

/// <summary>
/// One per process: components subscribe to a key ("notifications:{userId}", …) and are called when something
/// under that key changed. Events from other replicas arrive through pollers of the database, which call
/// <see cref="NotifyAsync"/> here; memory alone never crosses a process.
/// </summary>
public sealed class LiveNotifier(ILogger<LiveNotifier> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<Func<Task>>> _handlers = new(StringComparer.Ordinal);

    public IDisposable Subscribe(string key, Func<Task> handler)
    {
        key = Tenancy.BarangayKeys.Of(key);
        lock (_gate)
        {
            if (!_handlers.TryGetValue(key, out var list)) _handlers[key] = list = [];
            list.Add(handler);
        }
        return new Subscription(this, key, handler);
    }

    /// <summary>The keys with at least one subscriber that start with <paramref name="prefix"/> (a poller asks only about these).</summary>
    public IReadOnlyList<string> KeysStartingWith(string prefix)
    {
        var own = Tenancy.BarangayKeys.Of(prefix);
        lock (_gate) return _handlers.Keys.Where(k => k.StartsWith(own, StringComparison.Ordinal)).Select(k => k[(own.Length - prefix.Length)..]).ToList();
    }

    /// <summary>Calls every subscriber of <paramref name="key"/> at once; one failing subscriber does not stop the others.</summary>
    public Task NotifyAsync(string key)
    {
        Func<Task>[] handlers;
        key = Tenancy.BarangayKeys.Of(key);
        lock (_gate)
        {
            if (!_handlers.TryGetValue(key, out var list)) return Task.CompletedTask;
            handlers = [.. list];
        }
        return Task.WhenAll(handlers.Select(h => CallAsync(key, h)));
    }

    private async Task CallAsync(string key, Func<Task> handler)
    {
        try
        {
            await handler();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A circuit that went away (or a component's bug) must not stop the other subscribers.
            logger.LogWarning(ex, "A live-update subscriber of {Key} failed", key);
        }
    }

    private void Unsubscribe(string key, Func<Task> handler)
    {
        lock (_gate)
        {
            if (!_handlers.TryGetValue(key, out var list)) return;
            list.Remove(handler);
            if (list.Count == 0) _handlers.Remove(key);
        }
    }

    private sealed class Subscription(LiveNotifier owner, string key, Func<Task> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Unsubscribe(key, handler);
        }
    }
}
