namespace Barangay.Data.Accounts;

/// <summary>
/// How long a sign-in lasts (OWASP ASVS level 2): officials and admins after 30 minutes idle and 12 hours in all;
/// residents after 12 hours idle. <c>sessions.expires_at</c> is the idle deadline, moved on by activity but never
/// past <c>issued_at</c> + the absolute limit.
/// </summary>
public sealed record SessionTimeouts(TimeSpan Idle, TimeSpan Absolute)
{
    public static readonly SessionTimeouts Staff = new(TimeSpan.FromMinutes(30), TimeSpan.FromHours(12));
    public static readonly SessionTimeouts Resident = new(TimeSpan.FromHours(12), TimeSpan.FromDays(14));

    /// <summary>Activity moves the deadline at most once a minute, so a busy page does not write on every click.</summary>
    public static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    public static SessionTimeouts For(IEnumerable<string> roles) =>
        roles.Any(r => r is AppRoles.Official or AppRoles.Admin) ? Staff : Resident;

    public DateTime FirstExpiry(DateTime now) => now + (Idle < Absolute ? Idle : Absolute);

    public DateTime NextExpiry(DateTime issuedAt, DateTime now)
    {
        var idle = now + Idle;
        var cap = issuedAt + Absolute;
        return idle < cap ? idle : cap;
    }
}
