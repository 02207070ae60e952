using Barangay.Data.Common;

namespace Barangay.Data.Residents;

/// <summary>An inhabitant in the Records of Barangay Inhabitants, optionally linked to a user account.</summary>
public class Resident : IHasUpdatedAt, ISoftDeletable, IVersioned
{
    public Guid Id { get; set; }
    public Guid? UserId { get; set; }
    public string ResidentId { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string? MiddleName { get; set; }
    public string LastName { get; set; } = "";
    public DateOnly Dob { get; set; }
    public string? Sex { get; set; }
    public string Purok { get; set; } = "";
    public string? BarangayZone { get; set; }
    public string? Address { get; set; }
    public string? ContactNumber { get; set; }
    public string? Email { get; set; }
    /// <summary>Only the masked form (last four digits visible) is ever stored.</summary>
    public string? NationalIdMasked { get; set; }
    public Guid? HouseholdId { get; set; }
    public string? Occupation { get; set; }
    public string? MaritalStatus { get; set; }
    public string RegistrationStatus { get; set; } = ResidentStatuses.Active;
    public string? PhotoUrl { get; set; }
    public string PrivacySettings { get; set; } = "{}";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? DeletedAt { get; set; }
    public Guid Version { get; set; }
}

public static class ResidentStatuses
{
    public const string Active = "active";
    public const string Pending = "pending";
    public const string Archived = "archived";
}
