namespace Barangay.App.Notifications;

/// <summary>The <see cref="Live.LiveNotifier"/> key for "this user's notifications changed".</summary>
public static class NotificationKeys
{
    public const string Prefix = "notifications:";

    public static string ForUser(Guid userId) => Prefix + userId.ToString("N");

    public static Guid? UserOf(string key) =>
        key.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParseExact(key.AsSpan(Prefix.Length), "N", out var id) ? id : null;
}
