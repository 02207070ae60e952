using Barangay.Data.Common;

namespace Barangay.Data.Households;

public class Household : IHasUpdatedAt, ISoftDeletable, IVersioned
{
    public Guid Id { get; set; }
    public string HouseholdId { get; set; } = "";
    public Guid? HeadResidentId { get; set; }
    public string? Purok { get; set; }
    public string? Address { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? DeletedAt { get; set; }
    public Guid Version { get; set; }
}
