using Barangay.Data.Common;

namespace Barangay.Data.Accounts;

/// <summary>A self-registration awaiting an official's review. <see cref="UserPayload"/> never holds the password.</summary>
public class RegistrationPending : IHasUpdatedAt, IVersioned
{
    public Guid Id { get; set; }
    public string RegistrationId { get; set; } = "";
    public string UserPayload { get; set; } = "{}";
    public string Status { get; set; } = "pending";
    public Guid? ReferenceResidentId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? EstimatedReviewEta { get; set; }
    public Guid Version { get; set; }
}
