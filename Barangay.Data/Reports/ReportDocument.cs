namespace Barangay.Data.Reports;

/// <summary>
/// A report as tables, ready for <see cref="ReportPdf"/> and <see cref="ReportXlsx"/>: each part starts a new page
/// (a new sheet in the workbook) under the barangay's header. Cells are <see cref="int"/>, <see cref="decimal"/>
/// (money), <see cref="double"/> (averages, shares) or text, so the workbook keeps numbers as numbers.
/// </summary>
public sealed record ReportDocument(string Title, string Period, string FileStem, IReadOnlyList<ReportPart> Parts)
{
    /// <summary>The secretary who certifies the report, printed over the signature line.</summary>
    public string? CertifiedBy { get; init; }
}

public sealed record ReportPart(string Heading, IReadOnlyList<ReportTable> Tables, IReadOnlyList<string>? Notes = null);

public sealed record ReportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<ReportRow> Rows);

public sealed record ReportRow(IReadOnlyList<object?> Cells, bool Total = false)
{
    public static ReportRow Of(params object?[] cells) => new(cells);

    public static ReportRow TotalOf(params object?[] cells) => new(cells, Total: true);
}
