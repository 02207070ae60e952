using Barangay.Data.Common;

namespace Barangay.Data.Complaints;

public class Complaint : IHasUpdatedAt, IVersioned
{
    public Guid Id { get; set; }
    public string ComplaintId { get; set; } = "";
    public Guid? ResidentId { get; set; }
    public string? ComplainantName { get; set; }
    public string? Contact { get; set; }
    public string Category { get; set; } = "";
    public string? Subcategory { get; set; }
    public string? Subject { get; set; }
    public string Description { get; set; } = "";
    public string? Purok { get; set; }
    public string? Location { get; set; }
    public bool Confidential { get; set; }
    public string? Attachments { get; set; }
    public string Status { get; set; } = ComplaintStatuses.New;
    public Guid? AssignedTo { get; set; }
    public string Priority { get; set; } = "normal";
    public string? ResolutionNotes { get; set; }
    public DateTime ReportedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public Guid Version { get; set; }

    /// <summary>
    /// JSONB (<see cref="ComplaintMetadata"/>): the status history, the hall's internal notes, the rejection reason,
    /// who entered a walk-in, the linked conversation. Internal notes never leave the service for the complainant.
    /// </summary>
    public string? Metadata { get; set; }
}

public static class ComplaintStatuses
{
    public const string New = "new";
    public const string InProgress = "in_progress";
    public const string Resolved = "resolved";
    public const string Closed = "closed";
    public const string Rejected = "rejected";

    public static readonly IReadOnlyList<string> Open = [New, InProgress];

    public static readonly IReadOnlyList<string> All = [New, InProgress, Resolved, Closed, Rejected];
}

public static class ComplaintPriorities
{
    public const string Low = "low";
    public const string Normal = "normal";
    public const string High = "high";
    public const string Urgent = "urgent";

    public static readonly IReadOnlyList<string> All = [Low, Normal, High, Urgent];
}
