namespace Barangay.Data.Settings;

/// <summary>
/// Tells this process's circuits that settings changed (the app bar shows the new barangay name at once).
/// Circuits on other replicas read the settings afresh on their next page load: nothing caches them.
/// </summary>
public sealed class SettingsNotifier
{
    private readonly Lock _gate = new();
    private readonly List<Func<Task>> _handlers = [];

    public IDisposable Subscribe(Func<Task> handler)
    {
        lock (_gate) _handlers.Add(handler);
        return new Subscription(this, handler);
    }

    public async Task NotifyAsync()
    {
        Func<Task>[] handlers;
        lock (_gate) handlers = [.. _handlers];
        foreach (var h in handlers) await h();
    }

    private sealed class Subscription(SettingsNotifier owner, Func<Task> handler) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate) owner._handlers.Remove(handler);
        }
    }
}
