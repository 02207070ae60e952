using System.Globalization;
using System.Text;
using System.Text.Json;
using Barangay.Data.Exports;
using OfficeOpenXml;

namespace Barangay.Jobs.Exports;

/// <summary>
/// Writes an <see cref="ExportTable"/> as CSV (UTF-8 with a BOM, so Excel shows Ñ), XLSX, JSON or PDF, reporting the rows
/// written as it goes. Text that a spreadsheet would run as a formula is neutralized.
/// </summary>
public static class ExportWriters
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Task<int> WriteAsync(string format, ExportTable table, Stream output, ExportProgress progress, ExportPdfHeading heading, CancellationToken ct) => format switch
    {
        ExportFormats.Csv => CsvExportWriter.WriteAsync(table, output, progress, ct),
        ExportFormats.Json => WriteJsonAsync(table, output, progress, ct),
        ExportFormats.Xlsx => WriteXlsxAsync(table, output, progress, ct),
        ExportFormats.Pdf => PdfExportWriter.WriteAsync(table, output, progress, heading, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown export format."),
    };

    /// <summary>
    /// "=HYPERLINK(…)", "+1…", "-…", "@…" and tab/CR starts are run by Excel and LibreOffice as formulas (CSV injection):
    /// such text gets a leading apostrophe, which spreadsheets show as text and do not display.
    /// </summary>
    public static string Neutralize(string text) => RunsAsFormula(text) ? "'" + text : text;

    public static bool RunsAsFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>A cell as text: dates as ISO dates, times as "yyyy-MM-dd HH:mm:ss" (already Manila time), numbers invariant.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", Invariant),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", Invariant),
        IFormattable f => f.ToString(null, Invariant),
        _ => value.ToString() ?? "",
    };

    private static async Task<int> WriteJsonAsync(ExportTable table, Stream output, ExportProgress progress, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        var names = table.Headers.Select(KeyOf).ToList();
        json.WriteStartArray();
        var count = 0;
        await foreach (var row in table.Rows.WithCancellation(ct))
        {
            json.WriteStartObject();
            for (var i = 0; i < row.Length; i++)
            {
                json.WritePropertyName(names[i]);
                switch (row[i])
                {
                    case null: json.WriteNullValue(); break;
                    case int n: json.WriteNumberValue(n); break;
                    case bool b: json.WriteBooleanValue(b); break;
                    default: json.WriteStringValue(Text(row[i])); break;
                }
            }
            json.WriteEndObject();
            // The writer buffers until flushed: flushing now and then keeps one copy of the file in memory, not two.
            if (++count % 1_000 == 0) await json.FlushAsync(ct);
            await progress.RowWrittenAsync(count);
        }
        json.WriteEndArray();
        await json.FlushAsync(ct);
        return count;
    }

    /// <summary>"National ID (masked)" → "national_id_masked".</summary>
    public static string KeyOf(string header)
    {
        var sb = new StringBuilder(header.Length);
        foreach (var c in header)
        {
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0 && sb[^1] != '_') sb.Append('_');
        }
        return sb.ToString().TrimEnd('_');
    }

    private const int LargeSheetRows = 20_000;

    private static async Task<int> WriteXlsxAsync(ExportTable table, Stream output, ExportProgress progress, CancellationToken ct)
    {
        using var package = new ExcelPackage();
        var sheet = package.Workbook.Worksheets.Add("Export");
        for (var c = 0; c < table.Headers.Count; c++) sheet.Cells[1, c + 1].Value = table.Headers[c];
        sheet.Row(1).Style.Font.Bold = true;
        sheet.View.FreezePanes(2, 1);
        var r = 1;
        await foreach (var row in table.Rows.WithCancellation(ct))
        {
            r++;
            // SetValue, not Cells[r, c].Value: no range object per cell (2 million of them for 100,000 residents).
            for (var c = 0; c < row.Length; c++)
            {
                sheet.SetValue(r, c + 1, row[c] switch
                {
                    string s => Neutralize(s),
                    DateOnly d => d.ToDateTime(TimeOnly.MinValue),
                    DateTime t => t,
                    var v => v,
                });
            }
            await progress.RowWrittenAsync(r - 1);
        }
        // Dates show as dates, not serial numbers.
        for (var c = 0; c < table.Headers.Count; c++)
        {
            if (table.Headers[c].Contains("date", StringComparison.OrdinalIgnoreCase)) sheet.Column(c + 1).Style.Numberformat.Format = "yyyy-mm-dd";
            else if (table.Headers[c].Contains("(Manila)", StringComparison.Ordinal)) sheet.Column(c + 1).Style.Numberformat.Format = "yyyy-mm-dd hh:mm";
        }
        // Filling 2 million cells leaves large arrays behind (the cell store grows by copying); saving then builds the whole
        // sheet XML in memory. Compacting once in between keeps the two from adding up (peak target 400 MB at 100,000 rows).
        if (r > LargeSheetRows)
        {
            System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        }
        package.SaveAs(output);
        return r - 1;
    }
}
