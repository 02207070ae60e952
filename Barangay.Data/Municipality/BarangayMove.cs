namespace Barangay.Data.Municipality;

/// <summary>
/// A resident moving from one barangay of the municipality to another: recorded by the old barangay with the
/// resident's consent, received by the new one, accepted or declined by its secretary. <see cref="Rbi"/> carries the
/// RBI fields only, never complaints, requests or files.
/// </summary>
public class BarangayMove
{
    public Guid Id { get; set; }
    public Guid FromBarangayId { get; set; }
    public Guid ToBarangayId { get; set; }
    /// <summary>The resident's id in the old barangay's database.</summary>
    public Guid FromResidentId { get; set; }
    /// <summary>The resident's id in the new barangay's database, once accepted.</summary>
    public Guid? ToResidentId { get; set; }
    public string Status { get; set; } = MoveStatuses.Pending;
    public string Rbi { get; set; } = "{}";
    public string ConsentNote { get; set; } = "";
    public DateTime ConsentAt { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime RequestedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? DeclineReason { get; set; }
}

public static class MoveStatuses
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
}
