namespace Barangay.Data.Households;

public sealed record HouseholdFilter(string? Search = null, string? Purok = null);

public sealed record HouseholdRow(Guid Id, string HouseholdId, string? HeadName, string? Purok, string? Address, int Members);

public sealed record HouseholdMemberRow(Guid ResidentId, string ResidentCode, string FullName, string? Relation, string? Sex, DateOnly Dob, int Age, bool IsHead);

public sealed record HouseholdDetail(Guid Id, string HouseholdId, Guid? HeadResidentId, string? Purok, string? PurokLabel, string? Address, Guid Version, IReadOnlyList<HouseholdMemberRow> Members);

public sealed class HouseholdEdit
{
    public Guid? HeadResidentId { get; set; }
    public string? Purok { get; set; }
    public string? Address { get; set; }
    public Guid Version { get; set; }
}

/// <summary>A resident who can be picked as a member (search results for the member picker).</summary>
public sealed record ResidentPick(Guid Id, string ResidentCode, string FullName, int Age, string? CurrentHousehold);
