namespace Barangay.Data.Accounts;

/// <summary>A server-side sign-in. The cookie carries the token; only its SHA-256 hash is stored, so revoking holds on the server.</summary>
public class Session
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid? ResidentId { get; set; }
    public string SessionToken { get; set; } = "";
    public string? RefreshTokenHash { get; set; }
    public DateTime IssuedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public bool Revoked { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
}
