namespace Barangay.Data.Events;

public class EventRegistration
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public Guid ResidentId { get; set; }
    public DateTime RegisteredAt { get; set; }
    public string Status { get; set; } = EventRegistrationStatuses.Registered;
}

public static class EventRegistrationStatuses
{
    public const string Registered = "registered";
    public const string Cancelled = "cancelled";
    public const string Attended = "attended";
    /// <summary>Waiting for a seat (addition); promoted in order of <c>registered_at</c> when one is freed.</summary>
    public const string Waitlisted = "waitlisted";
}
