namespace Barangay.App.Messaging;

/// <summary><see cref="Live.LiveNotifier"/> keys for messaging: a user's conversations, one conversation, the hall inbox.</summary>
public static class MessageKeys
{
    public const string Prefix = "messages:";
    public const string UserPrefix = Prefix + "user:";
    public const string ConversationPrefix = Prefix + "conversation:";
    public const string Hall = Prefix + "hall";

    public static string ForUser(Guid userId) => UserPrefix + userId.ToString("N");

    public static string ForConversation(Guid conversationId) => ConversationPrefix + conversationId.ToString("N");

    public static Guid? IdOf(string key, string prefix) =>
        key.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParseExact(key.AsSpan(prefix.Length), "N", out var id) ? id : null;
}
