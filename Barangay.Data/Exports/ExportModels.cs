namespace Barangay.Data.Exports;

public static class ExportDatasets
{
    public const string Residents = "Residents";
    public const string Households = "Households";

    public static readonly IReadOnlyList<string> All = [Residents, Households];
}

public static class ExportFormats
{
    // As the data-model document spells them.
    public const string Csv = "CSV";
    public const string Xlsx = "XLSX";
    public const string Json = "JSON";

    public static readonly IReadOnlyList<string> All = [Csv, Xlsx, Json];

    public static string ContentType(string format) => format switch
    {
        Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Json => "application/json",
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

/// <summary>What to export: a dataset, a format, and the same filters the lists offer.</summary>
public sealed record ExportRequest(string Dataset, string Format, string? Purok = null, string? Status = null);

/// <summary><c>exports.filters</c>: the filters asked for, and why the export failed when it did (no column of its own).</summary>
public sealed record ExportFilters(string? Purok, string? Status, string? Failure = null);

/// <summary>One of the caller's exports, with a fresh signed link while it is ready.</summary>
public sealed record ExportRow(Guid Id, string ExportId, string Dataset, string Format, string Status, int? RecordsCount,
    DateTime RequestedAt, DateTime? RetentionUntil, string? DownloadLink, string? FailureReason);

/// <summary>Starts the export job for a committed <c>exports</c> row (a second dispatch is harmless: the job claims the row).</summary>
public interface IExportDispatcher
{
    Task DispatchAsync(Guid exportId, CancellationToken ct = default);
}
