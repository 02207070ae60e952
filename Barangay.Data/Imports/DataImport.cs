using Barangay.Data.Common;

namespace Barangay.Data.Imports;

/// <summary>An import job (the <c>imports</c> table): upload, mapping, validation preview and outcome.</summary>
public class DataImport : IHasUpdatedAt
{
    public Guid Id { get; set; }
    public string ImportId { get; set; } = "";
    public Guid RequestedBy { get; set; }
    public DateTime RequestedAt { get; set; }
    public string DatasetTarget { get; set; } = "";
    public string? FileName { get; set; }
    public string? Mapping { get; set; }
    public string Status { get; set; } = "uploaded";
    public string? PreviewErrors { get; set; }
    public int? RecordsTotal { get; set; }
    public int? RecordsImported { get; set; }
    public int? RecordsFailed { get; set; }
    public bool RollbackAvailable { get; set; }
    public string? Report { get; set; }
    public DateTime UpdatedAt { get; set; }
}
