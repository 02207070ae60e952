using System.Globalization;
using System.Text;
using System.Text.Json;
using Barangay.Data.Exports;
using OfficeOpenXml;

namespace Barangay.Jobs.Exports;

/// <summary>
/// Writes an <see cref="ExportTable"/> as CSV (UTF-8 with a BOM, so Excel shows Ñ), XLSX or JSON, reporting the rows
/// written as it goes. Text that a spreadsheet would run as a formula is neutralized.
/// </summary>
public static class ExportWriters
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Task<int> WriteAsync(string format, ExportTable table, Stream output, Func<int, Task> progress, CancellationToken ct) => format switch
    {
        ExportFormats.Csv => WriteCsvAsync(table, output, progress, ct),
        ExportFormats.Json => WriteJsonAsync(table, output, progress, ct),
        ExportFormats.Xlsx => WriteXlsxAsync(table, output, progress, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown export format."),
    };

    /// <summary>How often progress is reported (and the row's updated_at refreshed, which tells the sweeper the job is alive).</summary>
    public const int ProgressEvery = 2_000;

    /// <summary>
    /// "=HYPERLINK(…)", "+1…", "-…", "@…" and tab/CR starts are run by Excel and LibreOffice as formulas (CSV injection):
    /// such text gets a leading apostrophe, which spreadsheets show as text and do not display.
    /// </summary>
    public static string Neutralize(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Text(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", Invariant),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", Invariant),
        IFormattable f => f.ToString(null, Invariant),
        _ => value.ToString() ?? "",
    };

    private static async Task<int> WriteCsvAsync(ExportTable table, Stream output, Func<int, Task> progress, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(",", table.Headers.Select(Quote)));
        var count = 0;
        var line = new StringBuilder(256);
        await foreach (var row in table.Rows.WithCancellation(ct))
        {
            line.Clear();
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0) line.Append(',');
                line.Append(Quote(row[i] is string s ? Neutralize(s) : Text(row[i])));
            }
            await writer.WriteLineAsync(line, ct);
            if (++count % ProgressEvery == 0) await progress(count);
        }
        await writer.FlushAsync(ct);
        return count;
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static async Task<int> WriteJsonAsync(ExportTable table, Stream output, Func<int, Task> progress, CancellationToken ct)
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
            if (++count % ProgressEvery == 0)
            {
                await json.FlushAsync(ct);
                await progress(count);
            }
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

    private static async Task<int> WriteXlsxAsync(ExportTable table, Stream output, Func<int, Task> progress, CancellationToken ct)
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
            for (var c = 0; c < row.Length; c++)
            {
                sheet.Cells[r, c + 1].Value = row[c] switch
                {
                    string s => Neutralize(s),
                    DateOnly d => d.ToDateTime(TimeOnly.MinValue),
                    var v => v,
                };
            }
            if ((r - 1) % ProgressEvery == 0) await progress(r - 1);
        }
        // Dates show as dates, not serial numbers.
        for (var c = 0; c < table.Headers.Count; c++)
        {
            if (table.Headers[c].Contains("date", StringComparison.OrdinalIgnoreCase)) sheet.Column(c + 1).Style.Numberformat.Format = "yyyy-mm-dd";
        }
        package.SaveAs(output);
        return r - 1;
    }
}
