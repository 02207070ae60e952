using System.Buffers;
using System.Globalization;
using System.Text;
using Barangay.Data.Exports;

namespace Barangay.Jobs.Exports;

/// <summary>
/// CSV (RFC 4180, CRLF, UTF-8 with a BOM so Excel shows Ñ). Fields go straight into the writer's buffer: no string per
/// field or per line, numbers and dates formatted into a stack buffer (this writer is most of a 100,000-row export's
/// time after the query). Text a spreadsheet would run as a formula gets <see cref="ExportWriters.Neutralize"/>'s apostrophe.
/// </summary>
public static class CsvExportWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly SearchValues<char> Special = SearchValues.Create(",\"\r\n");

    public static async Task<int> WriteAsync(ExportTable table, Stream output, ExportProgress progress, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        for (var i = 0; i < table.Headers.Count; i++)
        {
            if (i > 0) writer.Write(',');
            WriteText(writer, table.Headers[i]);
        }
        writer.Write("\r\n");
        if (table.CsvCopy is { } copy) return await PipeAsync(await copy(ct), writer, progress, ct);
        var count = 0;
        await foreach (var row in table.Rows.WithCancellation(ct))
        {
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0) writer.Write(',');
                WriteValue(writer, row[i]);
            }
            writer.Write("\r\n");
            await progress.RowWrittenAsync(++count);
        }
        await writer.FlushAsync(ct);
        return count;
    }

    /// <summary>
    /// Copies the database's CSV rows into the file, turning its LF line ends into CRLF (as the rows written here end) and
    /// counting rows as it goes: a line end inside a quoted field is part of the field, not the end of a row.
    /// </summary>
    private static async Task<int> PipeAsync(TextReader rows, StreamWriter writer, ExportProgress progress, CancellationToken ct)
    {
        using var _ = rows; // disposing ends the COPY
        var buffer = new char[1 << 16];
        var count = 0;
        var quoted = false;
        int read;
        while ((read = await rows.ReadAsync(buffer.AsMemory(), ct)) > 0)
        {
            var chunk = buffer.AsSpan(0, read);
            while (true)
            {
                var next = chunk.IndexOfAny('"', '\n');
                if (next < 0)
                {
                    writer.Write(chunk);
                    break;
                }
                writer.Write(chunk[..next]);
                if (chunk[next] == '"')
                {
                    quoted = !quoted; // an escaped "" toggles twice
                    writer.Write('"');
                }
                else
                {
                    writer.Write("\r\n");
                    if (!quoted) count++;
                }
                chunk = chunk[(next + 1)..];
            }
            await progress.RowWrittenAsync(count);
        }
        await writer.FlushAsync(ct);
        return count;
    }

    private static void WriteValue(StreamWriter writer, object? value)
    {
        Span<char> scratch = stackalloc char[32];
        int n;
        switch (value)
        {
            case null:
                return;
            case string s:
                WriteText(writer, s);
                return;
            case int i when i.TryFormat(scratch, out n, default, Invariant):
                writer.Write(scratch[..n]);
                return;
            case DateOnly d when d.TryFormat(scratch, out n, "yyyy-MM-dd", Invariant):
                writer.Write(scratch[..n]);
                return;
            case DateTime t when t.TryFormat(scratch, out n, "yyyy-MM-dd HH:mm:ss", Invariant):
                writer.Write(scratch[..n]);
                return;
            default:
                WriteText(writer, ExportWriters.Text(value));
                return;
        }
    }

    /// <summary>A text field: neutralized, then quoted (doubling quotes) only when it holds a comma, quote or line break.</summary>
    private static void WriteText(StreamWriter writer, string text)
    {
        var neutral = ExportWriters.RunsAsFormula(text);
        var span = text.AsSpan();
        if (span.IndexOfAny(Special) < 0)
        {
            if (neutral) writer.Write('\'');
            writer.Write(span);
            return;
        }
        writer.Write('"');
        if (neutral) writer.Write('\'');
        while (true)
        {
            var quote = span.IndexOf('"');
            if (quote < 0)
            {
                writer.Write(span);
                break;
            }
            writer.Write(span[..(quote + 1)]);
            writer.Write('"');
            span = span[(quote + 1)..];
        }
        writer.Write('"');
    }
}
