namespace Barangay.Data.Accounts;

/// <summary>One failed sign-in, for rate limiting and the admins' view of suspicious activity.</summary>
public class FailedLogin
{
    public Guid Id { get; set; }
    public string? Username { get; set; }
    public string? IpAddress { get; set; }
    public DateTime AttemptedAt { get; set; }
}
