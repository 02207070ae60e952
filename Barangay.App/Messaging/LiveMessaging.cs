using System.Collections.Concurrent;
using Barangay.App.Live;
using Barangay.Data.Messaging;

namespace Barangay.App.Messaging;

/// <summary>
/// Messaging's side of the live notifier in this process: a user is online here while one of their circuits listens
/// to <see cref="MessageKeys.ForUser"/> (the navigation badge does, on every page). A message committed here is
/// signalled at once; <see cref="MessagePoller"/> brings those committed on other replicas.
/// </summary>
public sealed class LiveMessaging(LiveNotifier live, TimeProvider clock) : IMessagingLive
{
    /// <summary>Messages already signalled here, so the poll does not signal them a second time.</summary>
    private readonly ConcurrentDictionary<Guid, DateTime> _signalled = new();

    public bool IsOnline(Guid userId)
    {
        var key = MessageKeys.ForUser(userId);
        return live.KeysStartingWith(key).Contains(key);
    }

    public Task MessageSentAsync(Guid conversationId, Guid messageId, IReadOnlyCollection<Guid> participants)
    {
        _signalled[messageId] = clock.GetUtcNow().UtcDateTime;
        return SignalAsync(conversationId, participants);
    }

    public Task ReadAsync(Guid userId, Guid conversationId) => live.NotifyAsync(MessageKeys.ForUser(userId));

    internal Task SignalAsync(Guid conversationId, IEnumerable<Guid> users) =>
        Task.WhenAll(users.Distinct().Select(u => live.NotifyAsync(MessageKeys.ForUser(u)))
            .Append(live.NotifyAsync(MessageKeys.ForConversation(conversationId)))
            .Append(live.NotifyAsync(MessageKeys.Hall)));

    /// <summary>True once per message: the first of the local send and the poll to see it signals it.</summary>
    internal bool TryClaim(Guid messageId) => _signalled.TryAdd(messageId, clock.GetUtcNow().UtcDateTime);

    internal void Forget(DateTime olderThanUtc)
    {
        foreach (var (id, at) in _signalled)
        {
            if (at < olderThanUtc) _signalled.TryRemove(id, out _);
        }
    }
}
