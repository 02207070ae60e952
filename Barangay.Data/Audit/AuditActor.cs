namespace Barangay.Data.Audit;

/// <summary>The actor recorded on audit rows: a signed-in user, a job acting for one, or the system.</summary>
public sealed record AuditActor(Guid? UserId, string? Name, string? IpAddress, string? UserAgent, Guid? CorrelationId)
{
    public static AuditActor System(string what) => new(null, what, null, null, Guid.NewGuid());
}
