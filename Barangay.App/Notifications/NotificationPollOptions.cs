namespace Barangay.App.Notifications;

/// <summary>Configured under <c>Notifications:Poll</c>.</summary>
public sealed class NotificationPollOptions
{
    /// <summary>How often each process looks for new rows; a new notification shows within about this long.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How far before the previous poll each poll looks again. <c>created_at</c> is the inserting transaction's
    /// start time, so a row can become visible after a poll that already passed its timestamp; rows already
    /// signalled are remembered by id and not signalled twice.
    /// </summary>
    public TimeSpan Lookback { get; set; } = TimeSpan.FromSeconds(10);
}
