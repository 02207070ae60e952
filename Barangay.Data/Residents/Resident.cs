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
    /// <summary>Since when the resident has lived in the barangay, as officials recorded it (issue 22: the six months RA 11261 asks for are checked against this).</summary>
    public DateOnly? ResidentSince { get; set; }
    public string RegistrationStatus { get; set; } = ResidentStatuses.Active;
    public string? PhotoUrl { get; set; }
    public string PrivacySettings { get; set; } = "{}";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? DeletedAt { get; set; }
    public Guid Version { get; set; }

    // RBI fields beyond the data-model document (docs/schema.md).
    public string? NameExtension { get; set; }
    public string? PlaceOfBirth { get; set; }
    public string? Citizenship { get; set; } = "Filipino";
    public bool IsPwd { get; set; }
    public string? DisabilityType { get; set; }
    public bool IsSoloParent { get; set; }
    public bool IsFourPs { get; set; }
    public bool IsIndigenous { get; set; }
    public bool IsOutOfSchoolYouth { get; set; }
    public bool IsOfw { get; set; }
    public bool IsRegisteredVoter { get; set; }
    public bool IsEmployed { get; set; }

    /// <summary>Normalized names for search (lower case, no accents, spaces or punctuation): "delacruz" finds "Dela Cruz".</summary>
    public string SearchName { get; set; } = "";
    public string SearchFirst { get; set; } = "";
    public string SearchLast { get; set; } = "";
}

public static class ResidentStatuses
{
    public const string Active = "active";
    public const string Pending = "pending";
    public const string Archived = "archived";
}
