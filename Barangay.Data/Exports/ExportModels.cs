namespace Barangay.Data.Exports;

public static class ExportDatasets
{
    // As the data-model document spells them, plus Households and DocumentRequests (docs/schema.md).
    public const string Residents = "Residents";
    public const string Households = "Households";
    public const string DocumentRequests = "DocumentRequests";
    public const string Complaints = "Complaints";
    public const string Events = "Events";
    public const string FullAudit = "FullAudit";
    /// <summary>Residents with the columns and filters the requester chose.</summary>
    public const string Custom = "Custom";

    public static readonly IReadOnlyList<string> All = [Residents, Households, DocumentRequests, Complaints, Events, FullAudit, Custom];

    public static string Label(string dataset) => dataset switch
    {
        DocumentRequests => "Document requests",
        Events => "Events with registrations",
        FullAudit => "Full audit log",
        Custom => "Custom (residents: choose columns)",
        _ => dataset,
    };
}

public static class ExportFormats
{
    // As the data-model document spells them.
    public const string Csv = "CSV";
    public const string Xlsx = "XLSX";
    public const string Json = "JSON";
    public const string Pdf = "PDF";

    public static readonly IReadOnlyList<string> All = [Csv, Xlsx, Json, Pdf];

    public static string ContentType(string format) => format switch
    {
        Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Json => "application/json",
        Pdf => "application/pdf",
        _ => "text/csv",
    };
}

public static class ExportStatuses
{
    public const string Queued = "queued";
    public const string Processing = "processing";
    public const string Ready = "ready";
    public const string Failed = "failed";
    /// <summary>The file was removed after <c>retention_until</c>.</summary>
    public const string Expired = "expired";
}

/// <summary>
/// The filters beyond purok and status: <see cref="From"/>/<see cref="To"/> (Manila dates) bound requests, complaints,
/// events and the audit log; sex, ages and columns shape a Custom export.
/// </summary>
public abstract record ExportCriteria
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Sex { get; init; }
    public int? MinAge { get; init; }
    public int? MaxAge { get; init; }
    /// <summary>Custom only: resident column headers, in the order wanted (see <see cref="Datasets.ResidentExportRows.Headers"/>).</summary>
    public IReadOnlyList<string>? Columns { get; init; }
}

/// <summary>What to export: a dataset, a format, and the same filters the lists offer.</summary>
public sealed record ExportRequest(string Dataset, string Format, string? Purok = null, string? Status = null) : ExportCriteria;

/// <summary><c>exports.filters</c>: the filters asked for, and why the export failed when it did (no column of its own).</summary>
public sealed record ExportFilters(string? Purok, string? Status, string? Failure = null) : ExportCriteria;

/// <summary>One of the caller's exports, with a fresh signed link while it is ready.</summary>
public sealed record ExportRow(Guid Id, string ExportId, string Dataset, string Format, string Status, int? RecordsCount,
    DateTime RequestedAt, DateTime? RetentionUntil, string? DownloadLink, string? FailureReason);

/// <summary>Starts the export job for a committed <c>exports</c> row (a second dispatch is harmless: the job claims the row).</summary>
public interface IExportDispatcher
{
    Task DispatchAsync(Guid exportId, CancellationToken ct = default);
}
