using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;

namespace Barangay.App.Connection;

/// <summary>
/// How many live pages (Blazor circuits: one SignalR connection each, ~280 KiB of server memory on the resident home)
/// one person may hold open at once (issue 29, "limits per user"). Without it one account, or one script without an
/// account, could open thousands and take the memory every resident's page needs. A signed-in person is counted by
/// account (their phone, their desk and their tabs together); someone not signed in by network address, with a higher
/// limit, since many phones on one mobile network share an address (no public page needs a live connection: they are
/// static, so an anonymous circuit is rare: a not-found page, an expired sign-in).
/// </summary>
public sealed class PagesPerPerson
{
    private readonly ConcurrentDictionary<string, int> _open = new();

    /// <summary>Counts one more page for <paramref name="who"/>, unless that would pass <paramref name="limit"/>.</summary>
    public bool TryOpen(string who, int limit)
    {
        while (true)
        {
            var now = _open.GetOrAdd(who, 0);
            if (now >= limit) return false;
            if (_open.TryUpdate(who, now + 1, now)) return true;
        }
    }

    public void Close(string who)
    {
        while (_open.TryGetValue(who, out var now))
        {
            if (now <= 1 ? _open.TryRemove(new KeyValuePair<string, int>(who, now)) : _open.TryUpdate(who, now - 1, now)) return;
        }
    }

    public int OpenFor(string who) => _open.TryGetValue(who, out var n) ? n : 0;
}

/// <summary>
/// Refuses a live connection past the person's limit (<see cref="CircuitLimits.MaxPagesPerAccount"/>,
/// <see cref="CircuitLimits.MaxPagesPerAddress"/>): the browser is told why (the HubException's message reaches it, and
/// connection.js shows the banner's "too many pages" line instead of retrying).
/// </summary>
public sealed class PageLimitHubFilter(PagesPerPerson pages, CircuitLimits limits, ILogger<PageLimitHubFilter> log) : IHubFilter
{
    /// <summary>The refusal's words on the wire; connection.js looks for this marker.</summary>
    public const string Refusal = "too-many-pages: this person has the most live pages allowed open";

    private const string CountedAs = "barangay.pages.counted-as";

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var (who, limit) = Who(context.Context);
        if (!pages.TryOpen(who, limit))
        {
            // The key is an account id or an address, never a name: the log says which limit, not whose pages.
            log.LogWarning("Refused a live page: {Kind} already has {Limit} open", who.StartsWith("account:", StringComparison.Ordinal) ? "an account" : "an address", limit);
            throw new HubException(Refusal);
        }
        context.Context.Items[CountedAs] = who;
        try
        {
            await next(context);
        }
        catch
        {
            context.Context.Items.Remove(CountedAs);
            pages.Close(who);
            throw;
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        try
        {
            await next(context, exception);
        }
        finally
        {
            if (context.Context.Items.Remove(CountedAs, out var who) && who is string key) pages.Close(key);
        }
    }

    private (string Who, int Limit) Who(HubCallerContext caller)
    {
        var account = caller.User?.Identity?.IsAuthenticated == true ? caller.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (account is not null) return ("account:" + account, limits.MaxPagesPerAccount);
        // UseTrustedProxies has already put the phone's own address here when the app is behind the proxy it trusts.
        var address = caller.GetHttpContext()?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return ("address:" + address, limits.MaxPagesPerAddress);
    }
}
