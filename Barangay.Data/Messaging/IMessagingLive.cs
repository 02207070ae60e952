namespace Barangay.Data.Messaging;

/// <summary>
/// What the messaging service needs from the host's live updates: whether someone is online (then they see the
/// message arrive and get no notification or email), and a signal after a message is committed or read.
/// The web app implements it over its live notifier; jobs and tests use <see cref="NoMessagingLive"/>.
/// </summary>
public interface IMessagingLive
{
    bool IsOnline(Guid userId);

    Task MessageSentAsync(Guid conversationId, Guid messageId, IReadOnlyCollection<Guid> participants);

    Task ReadAsync(Guid userId, Guid conversationId);
}

/// <summary>Nobody is online and nothing listens: every recipient is notified.</summary>
public sealed class NoMessagingLive : IMessagingLive
{
    public bool IsOnline(Guid userId) => false;

    public Task MessageSentAsync(Guid conversationId, Guid messageId, IReadOnlyCollection<Guid> participants) => Task.CompletedTask;

    public Task ReadAsync(Guid userId, Guid conversationId) => Task.CompletedTask;
}
