namespace Barangay.Data.Events;

/// <summary>The event form. Times are Manila wall-clock times; the service stores them in UTC.</summary>
public sealed class EventEdit
{
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string? Category { get; set; }
    public DateTime? StartLocal { get; set; }
    public DateTime? EndLocal { get; set; }
    public string? Venue { get; set; }
    public int? MaxCapacity { get; set; }
    public bool RegistrationRequired { get; set; }
    /// <summary>Ids of files already uploaded through the file service.</summary>
    public List<Guid> AttachmentIds { get; set; } = [];
    /// <summary>The row's version when the form was loaded (null for a new event).</summary>
    public Guid? Version { get; set; }
}

/// <summary>An event as lists and calendars show it.</summary>
public sealed record EventRow(
    Guid Id, string EventId, string Title, string? Category, DateTime StartAt, DateTime EndAt, string? Venue,
    int? MaxCapacity, int Registered, bool RegistrationRequired, string Status)
{
    public int? SeatsLeft => MaxCapacity is { } cap ? Math.Max(0, cap - Registered) : null;
}

/// <summary>One event with what the signed-in resident needs: their registration and waitlist place.</summary>
public sealed record EventDetail(
    EventRow Event, string? Description, IReadOnlyList<Guid> AttachmentIds, Guid Version,
    string? MyStatus, int? MyWaitlistPosition, int Waitlisted);

/// <summary>Seats left (null when unlimited) and how many wait for one.</summary>
public sealed record EventCounts(int? SeatsLeft, int Waitlisted);

/// <summary>What registering came to: registered, or waitlisted at a place in the queue; with the message to show.</summary>
public sealed record RegistrationOutcome(string Status, int? WaitlistPosition, string Message, int Attempts);

/// <summary>One row of the attendee list.</summary>
public sealed record AttendeeRow(
    Guid RegistrationId, string ResidentId, string FullName, string Purok, string? ContactNumber, string Status, DateTime RegisteredAt);
