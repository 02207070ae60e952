using Barangay.Data.Audit;

namespace Barangay.Data.Security;

/// <summary>Who is calling a service: built from the circuit's or request's principal, or a job's recorded requester.</summary>
public sealed record Caller(
    Guid? UserId,
    string? Name,
    IReadOnlyList<string> Roles,
    IReadOnlySet<string> Permissions,
    string? IpAddress,
    string? UserAgent,
    Guid CorrelationId)
{
    public static readonly Caller Anonymous = new(null, null, [], new HashSet<string>(), null, null, Guid.Empty);

    public bool IsAuthenticated => UserId is not null;

    public bool Can(string permission) => Permissions.Contains(permission);

    public AuditActor ToActor() => new(UserId, Name, IpAddress, UserAgent, CorrelationId == Guid.Empty ? Guid.NewGuid() : CorrelationId);
}

/// <summary>The current caller for services (implemented by the app over the authentication state).</summary>
public interface ICurrentUser
{
    Task<Caller> GetAsync(CancellationToken ct = default);
}
