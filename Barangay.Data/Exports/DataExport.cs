using Barangay.Data.Common;

namespace Barangay.Data.Exports;

/// <summary>An export job (the <c>exports</c> table) and its download metadata.</summary>
public class DataExport : IHasUpdatedAt
{
    public Guid Id { get; set; }
    public string ExportId { get; set; } = "";
    public Guid RequestedBy { get; set; }
    public DateTime RequestedAt { get; set; }
    public string Dataset { get; set; } = "";
    public string? Filters { get; set; }
    public string Format { get; set; } = "";
    public string Status { get; set; } = "queued";
    public string? DownloadUrl { get; set; }
    public int? RecordsCount { get; set; }
    public DateTime? RetentionUntil { get; set; }
    public DateTime UpdatedAt { get; set; }
}
