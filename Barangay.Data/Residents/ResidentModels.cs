namespace Barangay.Data.Residents;

public sealed record ResidentFilter(
    string? Search = null, string? Purok = null, string? Status = null, string? Sex = null,
    string? AgeBand = null, string? HouseholdId = null, bool? HasAccount = null);

public sealed record ResidentRow(
    Guid Id, string ResidentId, string FullName, string? Sex, DateOnly Dob, int Age, string Purok,
    string Status, string? HouseholdCode, bool HasAccount);

public enum ResidentSort
{
    Name,
    ResidentId,
    Age,
    Purok,
    Updated,
}

public static class AgeBands
{
    public const string Children = "0-14";
    public const string Youth = "15-17";
    public const string Adults = "18-59";
    public const string Seniors = "60+";

    public static readonly IReadOnlyList<string> All = [Children, Youth, Adults, Seniors];
}

public static class ResidentLists
{
    public static readonly IReadOnlyList<string> Sexes = ["Male", "Female"];
    public static readonly IReadOnlyList<string> MaritalStatuses = ["Single", "Married", "Widowed", "Separated", "Annulled", "Live-in"];
    public static readonly IReadOnlyList<string> NameExtensions = ["Jr.", "Sr.", "II", "III", "IV"];
}

/// <summary>The resident form: every field an official may record. <see cref="NationalId"/> may be typed in full; only its masked form is stored.</summary>
public sealed class ResidentEdit
{
    public string FirstName { get; set; } = "";
    public string? MiddleName { get; set; }
    public string LastName { get; set; } = "";
    public string? NameExtension { get; set; }
    public DateOnly? Dob { get; set; }
    public string? PlaceOfBirth { get; set; }
    public string? Sex { get; set; }
    public string? MaritalStatus { get; set; }
    /// <summary>Since when they have lived in the barangay (officials record it; residency rules of certificates read it).</summary>
    public DateOnly? ResidentSince { get; set; }
    public string? Citizenship { get; set; } = "Filipino";
    public string Purok { get; set; } = "";
    public string? BarangayZone { get; set; }
    public string? Address { get; set; }
    public string? ContactNumber { get; set; }
    public string? Email { get; set; }
    public string? NationalId { get; set; }
    public string? Occupation { get; set; }
    public bool IsPwd { get; set; }
    public string? DisabilityType { get; set; }
    public bool IsSoloParent { get; set; }
    public bool IsFourPs { get; set; }
    public bool IsIndigenous { get; set; }
    public bool IsOutOfSchoolYouth { get; set; }
    public bool IsOfw { get; set; }
    public bool IsRegisteredVoter { get; set; }
    public bool IsEmployed { get; set; }
    /// <summary>Required when the age is outside 16–90 (a newborn, a centenarian); audited.</summary>
    public string? AgeReason { get; set; }
    public Guid Version { get; set; }
}

public sealed record ResidentDetail(
    Guid Id, string ResidentId, string FullName, ResidentEdit Edit, int Age, string Status, string PurokLabel,
    Guid? HouseholdId, string? HouseholdCode, bool HasAccount, DateTime CreatedAt, DateTime UpdatedAt, Guid? PhotoFileId = null);
