using Barangay.Data.Common;

namespace Barangay.Data.Documents;

/// <summary>A request for a clearance, certificate or permit.</summary>
public class DocumentRequest : IHasUpdatedAt, IVersioned
{
    public Guid Id { get; set; }
    public string RequestId { get; set; } = "";
    public Guid ResidentId { get; set; }
    public string Type { get; set; } = "";
    public string Status { get; set; } = DocumentRequestStatuses.Submitted;
    public string Metadata { get; set; } = "{}";
    public string? Attachments { get; set; }
    public string? PaymentInfo { get; set; }
    public DateTime SubmittedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid? ProcessedBy { get; set; }
    public DateTime? ProcessedAt { get; set; }
    public string? Purok { get; set; }
    public Guid Version { get; set; }

    /// <summary>The RA 11032 deadline from the working-day clock (addition: the queue filters and sorts on it).</summary>
    public DateTime? DueAt { get; set; }
}

public static class DocumentRequestStatuses
{
    public const string Submitted = "submitted";
    public const string Reviewed = "reviewed";
    public const string Processing = "processing";
    public const string Approved = "approved";
    public const string Released = "released";
    public const string Cancelled = "cancelled";
    public const string Rejected = "rejected";

    public static readonly IReadOnlyList<string> Open = [Submitted, Reviewed, Processing, Approved];

    /// <summary>Still waiting on the hall: these count against the deadline.</summary>
    public static readonly IReadOnlyList<string> Pending = [Submitted, Reviewed, Processing];

    public static readonly IReadOnlyList<string> All = [Submitted, Reviewed, Processing, Approved, Released, Cancelled, Rejected];
}
