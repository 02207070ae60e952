using Barangay.Data.Common;

namespace Barangay.Data.Events;

/// <summary>A community event (the <c>events</c> table); named so it does not read like a C# event.</summary>
public class CommunityEvent : IHasUpdatedAt, IVersioned
{
    public Guid Id { get; set; }
    public string EventId { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public Guid? OrganizerId { get; set; }
    public string? Category { get; set; }
    public DateTime StartAt { get; set; }
    public DateTime EndAt { get; set; }
    public string? Venue { get; set; }
    public int? MaxCapacity { get; set; }

    /// <summary>
    /// Seats taken (registered or attended; addition). A denormalized counter changed only by one conditional
    /// UPDATE per registration, so concurrent registrations can never overfill the event.
    /// </summary>
    public int RegisteredCount { get; set; }
    public bool RegistrationRequired { get; set; }
    public string Status { get; set; } = EventStatuses.Draft;
    public string? Attachments { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; }
}

public static class EventStatuses
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Cancelled = "cancelled";
}
