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
    /// <summary>
    /// The old barangay's side of the latest step is done (archived on move-out, told on accept, restored on decline).
    /// False between the municipality's write and the old register's: a crash there leaves it false, and the next look
    /// at the moves finishes the step (BarangayMoves.ResumeAsync) instead of losing or repeating it.
    /// </summary>
    public bool OldSideDone { get; set; } = true;
}

public static class MoveStatuses
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
}
