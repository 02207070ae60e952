namespace Barangay.Data.Imports;

public static class ImportTargets
{
    public const string Residents = "Residents";
    public const string Households = "Households";

    public static readonly IReadOnlyList<string> All = [Residents, Households];
}

public static class ImportStatuses
{
    // As the data-model document spells them, plus rolled_back (docs/schema.md).
    /// <summary>Uploaded and checked; the mapping and preview can still change.</summary>
    public const string Uploaded = "uploaded";
    /// <summary>Committed by the user: the job checks every row again against the records as they are now.</summary>
    public const string Validating = "validating";
    /// <summary>The accepted rows are being written, in chunks that each commit with the progress.</summary>
    public const string Processing = "processing";
    public const string Completed = "completed";
    public const string Failed = "failed";
    /// <summary>The whole batch was removed.</summary>
    public const string RolledBack = "rolled_back";
}

/// <summary>The kinds of problem a preview names, with how many rows have each.</summary>
public static class ImportErrorKinds
{
    public const string Missing = "missing_required";
    public const string UnknownPurok = "unknown_purok";
    public const string BadDate = "bad_date";
    public const string ImpossibleDate = "impossible_date";
    public const string AmbiguousDate = "ambiguous_date";
    public const string AgeRule = "age_rule";
    public const string DuplicateExisting = "duplicate_existing";
    public const string DuplicateInFile = "duplicate_in_file";
    public const string Formula = "formula";
    public const string Invalid = "invalid_value";

    public static string Label(string kind) => kind switch
    {
        Missing => "Missing required field",
        UnknownPurok => "Unknown purok",
        BadDate => "Unreadable date",
        ImpossibleDate => "Impossible date",
        AmbiguousDate => "Ambiguous date",
        AgeRule => "Age outside the rules",
        DuplicateExisting => "Already in the records",
        DuplicateInFile => "Repeated in the file",
        Formula => "Spreadsheet formula",
        _ => "Invalid value",
    };
}

/// <summary>How an ambiguous date such as 03/04/1990 is read: not at all (flagged), or in the order the user chose.</summary>
public static class DateOrders
{
    public const string Flag = "flag";
    public const string MonthFirst = "mdy";
    public const string DayFirst = "dmy";
}

/// <summary>
/// <c>imports.mapping</c>: the uploaded file and its headers; for each field, the file's column (by position); the order
/// ambiguous dates are read in when the user chose one; a reason that covers ages outside 16–90 for the whole batch; and
/// the language of the official who committed it (the job words the rows' problems in it: it has no page's culture).
/// </summary>
public sealed record ImportMapping(Guid FileId, IReadOnlyList<string> Headers, IReadOnlyDictionary<string, int> Columns,
    string DateOrder = DateOrders.Flag, string? AgeReason = null, string? Language = null);

/// <summary>One problem in one row (<see cref="Row"/> is the spreadsheet row: 2 is the first row under the header).</summary>
public sealed record ImportRowError(int Row, string Field, string Kind, string Message, string? Value = null);

/// <summary><c>imports.preview_errors</c>: the counts and every row's problems.</summary>
public sealed record ImportPreview(int Total, int Valid, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<ImportRowError> Errors);

/// <summary>
/// <c>imports.report</c>: what the commit did — the rejected rows with reasons, and the block of human IDs the batch
/// took (row k of the accepted rows is number <see cref="FirstNumber"/> + k), which makes a resumed commit and a
/// rollback exact.
/// </summary>
public sealed record ImportReport(IReadOnlyList<ImportRowError> Rejected, int Year, long FirstNumber, int Accepted, string? Failure = null,
    DateTime? CompletedAt = null, DateTime? RolledBackAt = null, Guid? ReportFileId = null);

/// <summary>An import as the page shows it.</summary>
public sealed record ImportView(
    Guid Id, string ImportId, string Target, string? FileName, string Status, DateTime RequestedAt,
    IReadOnlyList<string> Headers, ImportMapping Mapping, ImportPreview? Preview,
    int? RecordsTotal, int? RecordsImported, int? RecordsFailed, bool RollbackAvailable, string? Failure, string? ReportLink);

/// <summary>A row of the caller's import history.</summary>
public sealed record ImportListRow(Guid Id, string ImportId, string Target, string? FileName, string Status, DateTime RequestedAt,
    int? RecordsTotal, int? RecordsImported, int? RecordsFailed, bool RollbackAvailable);

/// <summary>One row of the preview grid: the mapped values and the row's problems.</summary>
public sealed record ImportPreviewRow(int Row, IReadOnlyList<string> Values, IReadOnlyList<ImportRowError> Errors);

/// <summary>Starts the commit job for a queued import (a second dispatch is harmless: the job claims the row).</summary>
public interface IImportDispatcher
{
    Task DispatchAsync(Guid importId, CancellationToken ct = default);
}
