using System.Text.Json;

namespace Barangay.Data.Audit;

/// <summary>For audited events that are not a row change (sign-in, export, download, a confidential view).</summary>
public static class AuditTrail
{
    /// <summary>Adds the audit row to <paramref name="db"/>; it is written by the caller's next SaveChanges.</summary>
    public static AuditLog Record(this BarangayDbContext db, string action, string? targetType, string? targetId, object? details = null, AuditActor? actor = null)
    {
        actor ??= db.Actor;
        var row = new AuditLog
        {
            Id = Guid.NewGuid(),
            Timestamp = Common.ContextClock.UtcNow(db),
            ActorUserId = actor?.UserId,
            ActorName = actor?.Name,
            ActionType = action,
            TargetType = targetType,
            TargetId = targetId,
            IpAddress = actor?.IpAddress,
            UserAgent = actor?.UserAgent,
            CorrelationId = actor?.CorrelationId,
            Details = details is null ? null : JsonSerializer.Serialize(details, AuditJson.Options),
        };
        db.AuditLogs.Add(row);
        return row;
    }
}
