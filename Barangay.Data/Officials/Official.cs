using Barangay.Data.Common;

namespace Barangay.Data.Officials;

/// <summary>A barangay official's profile, linked to the user account they sign in with.</summary>
public class Official : IHasUpdatedAt
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public string OfficialId { get; set; } = "";
    public string FullName { get; set; } = "";
    public string Position { get; set; } = "";
    public DateOnly? TermStart { get; set; }
    public DateOnly? TermEnd { get; set; }
    public string? ContactNumber { get; set; }
    public string? Email { get; set; }
    public string? PhotoUrl { get; set; }
    public string? AppointmentDocs { get; set; }
    public string Status { get; set; } = OfficialStatuses.Active;
    public Guid? LinkedUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public static class OfficialStatuses
{
    public const string Active = "active";
    public const string Former = "former";
    public const string OnLeave = "on_leave";
}
