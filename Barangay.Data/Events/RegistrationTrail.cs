using System.Text.Json;
using Barangay.Data.Audit;

namespace Barangay.Data.Events;

/// <summary>
/// The audit row of a first registration, prepared before the one statement that writes it
/// (<see cref="EventService"/>'s seat statement): the same actor columns and the same <c>{"values": …}</c> shape the
/// audit interceptor writes for a created row, with the details ready for either outcome, since only the statement
/// knows whether the seat was taken.
/// </summary>
internal sealed record RegistrationTrail(Guid Id, Guid? ActorUserId, string? ActorName, string? IpAddress, string? UserAgent,
    Guid? CorrelationId, string Registered, string Waitlisted)
{
    public static RegistrationTrail For(AuditActor? actor, Guid registrationId, Guid eventId, Guid residentId, DateTime registeredAt)
    {
        string Details(string status) => JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["values"] = new Dictionary<string, object?>
            {
                ["id"] = registrationId, ["event_id"] = eventId, ["resident_id"] = residentId,
                ["registered_at"] = registeredAt, ["status"] = status,
            },
        }, AuditJson.Options);
        return new RegistrationTrail(Guid.NewGuid(), actor?.UserId, actor?.Name, actor?.IpAddress, actor?.UserAgent, actor?.CorrelationId,
            Details(EventRegistrationStatuses.Registered), Details(EventRegistrationStatuses.Waitlisted));
    }
}
