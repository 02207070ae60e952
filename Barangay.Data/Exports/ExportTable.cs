namespace Barangay.Data.Exports;

/// <summary>A dataset as a header and a stream of rows, read without tracking and never held whole in memory.</summary>
public sealed record ExportTable(IReadOnlyList<string> Headers, IAsyncEnumerable<object?[]> Rows)
{
    /// <summary>
    /// When set, the rows (no header) as CSV made by the database (<c>COPY … TO STDOUT (FORMAT CSV)</c>), formula cells
    /// already neutralized: the CSV writer pipes it instead of formatting <see cref="Rows"/> (the large residents register).
    /// </summary>
    public Func<CancellationToken, Task<TextReader>>? CsvCopy { get; init; }
}
