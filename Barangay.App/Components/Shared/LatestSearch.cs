namespace Barangay.App.Components.Shared;

/// <summary>
/// For a MudAutocomplete's SearchFunc: whichever search finishes last, the list shows the results of the newest one.
/// MudAutocomplete shows the items of the search call that returns last; typing "Leonora Bagasbas" on a busy server
/// started a search at "Leon" too, which could return after the full name's and list "Bagasbas, Leonara" (a near
/// typo, first alphabetically among the "Leon…" matches) above the exact namesake (issue 21, item 8). Every search of
/// one component runs on its circuit's dispatcher, one at a time between awaits, so the field needs no lock.
/// </summary>
public sealed class LatestSearch<T>
{
    private Task<IEnumerable<T>>? _newest;

    public async Task<IEnumerable<T>> RunAsync(Func<CancellationToken, Task<IEnumerable<T>>> search, CancellationToken ct)
    {
        _newest = search(ct);
        while (true)
        {
            var current = _newest;
            try
            {
                var found = await current;
                if (ReferenceEquals(current, _newest)) return found;
            }
            catch (OperationCanceledException) when (!ReferenceEquals(current, _newest))
            {
                // Cancelled because a newer search started: its results are the ones to give.
            }
        }
    }
}
