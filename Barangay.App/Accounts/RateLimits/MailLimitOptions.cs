namespace Barangay.App.Accounts.RateLimits;

/// <summary>
/// <c>RateLimits:Mail:*</c>. Per target: 3 emails each 15 minutes is enough for a person who mistyped or lost
/// one, and no flood. Per client address: 20, because a barangay's phones share a few carrier (CGNAT) addresses
/// and a registration drive at the hall sends everyone from the hall's one address.
/// </summary>
public sealed class MailLimitOptions
{
    public int PerTarget { get; set; } = 3;

    public int PerClient { get; set; } = 20;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}
