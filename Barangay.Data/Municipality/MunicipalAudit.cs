using System.Text.Json;

namespace Barangay.Data.Municipality;

/// <summary>Builds the municipality's audit rows (written in the same SaveChanges as the change they record).</summary>
public static class MunicipalAudit
{
    public static MunicipalAuditEntry Entry(TimeProvider clock, string actor, Guid? accountId, string action, string? target, object? details = null) => new()
    {
        Id = Guid.NewGuid(), Timestamp = clock.GetUtcNow().UtcDateTime, Actor = actor, AccountId = accountId, Action = action, Target = target,
        Details = details is null ? null : JsonSerializer.Serialize(details),
    };
}
