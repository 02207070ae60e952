using Barangay.Data.Common;

namespace Barangay.Data.Households;

public class HouseholdMember : IHasUpdatedAt
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid ResidentId { get; set; }
    public string? Relation { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
