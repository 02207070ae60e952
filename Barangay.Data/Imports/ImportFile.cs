using System.Globalization;
using System.Text;
using Barangay.Data.Files;

using OfficeOpenXml;
using Barangay.Data.Localization;

namespace Barangay.Data.Imports;

/// <summary>A file read for import: its header row and its data rows (read lazily; each row as many cells as the header).</summary>
public sealed record ImportSheet(IReadOnlyList<string> Headers, IEnumerable<string[]> Rows);

/// <summary>
/// Reads an uploaded CSV or XLSX. CSV may carry a UTF-8 BOM or none, be UTF-8 or Windows-1252 (Excel's "CSV" on a
/// Philippine Windows), use commas, semicolons or tabs, and quote fields holding line breaks. XLSX date cells become
/// ISO dates; a formula cell is read as its formula text, so the preview names it instead of importing its result.
/// </summary>
public static class ImportFile
{
    /// <summary>The largest file an import takes (the municipality's whole register fits in a fraction of it).</summary>
    public const long MaxBytes = 50L * 1024 * 1024;
    public const int MaxRows = 200_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static ImportFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Why the file cannot be imported, in words, or null when it is a CSV or XLSX worth reading.</summary>
    public static string? Refusal(string fileName, ReadOnlySpan<byte> content)
    {
        var claimed = FileKindInfo.ClaimedBy(fileName);
        if (content.IsEmpty) return Texts.Say("This file is empty (0 bytes).");
        if (content.Length > MaxBytes) return Texts.Say("This file is larger than {0} MB, the most an import takes. Split it into smaller files.", MaxBytes / (1024 * 1024));
        if (claimed?.Kind == FileKinds.Xlsx)
            return FileContentCheck.Is(FileKinds.Xlsx, content) ? null : Texts.Say("This file is not an Excel workbook (XLSX): its content looks like {0}.", Texts.Say(FileContentCheck.Describe(content)));
        if (claimed?.Kind == FileKinds.Csv)
            return LooksLikeText(content) ? null : Texts.Say("This file is not a CSV file: its content looks like {0}.", Texts.Say(FileContentCheck.Describe(content)));
        var ext = Path.GetExtension(fileName);
        return string.IsNullOrEmpty(ext) ? Texts.Say("Only CSV or XLSX files can be imported. This file's name has no extension.") : Texts.Say("Only CSV or XLSX files can be imported. This file's name ends in {0}.", ext);
    }

    public static bool IsXlsx(string fileName) => FileKindInfo.ClaimedBy(fileName)?.Kind == FileKinds.Xlsx;

    /// <summary>The sheet, or a refusal naming what is wrong with the file's layout.</summary>
    public static (ImportSheet? Sheet, string? Refusal) Open(string fileName, byte[] content)
    {
        var refusal = Refusal(fileName, content);
        if (refusal is not null) return (null, refusal);
        try
        {
            var sheet = IsXlsx(fileName) ? OpenXlsx(content) : OpenCsv(content);
            if (sheet.Headers.Count == 0 || sheet.Headers.All(string.IsNullOrWhiteSpace))
                return (null, Texts.Say("The file has no header row: its first row should name the columns (for example Last name, First name, Birth date)."));
            return (sheet, null);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException)
        {
            return (null, IsXlsx(fileName) ? Texts.Say("The file could not be read as a workbook. Save it again from the spreadsheet program and upload that copy.") : Texts.Say("The file could not be read as a CSV file. Save it again from the spreadsheet program and upload that copy."));
        }
    }

    /// <summary>UTF-8 (with or without a BOM) when the bytes are valid UTF-8, Windows-1252 otherwise.</summary>
    public static Encoding EncodingOf(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Encoding.UTF8;
        try
        {
            StrictUtf8.GetCharCount(content);
            return Encoding.UTF8;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252);
        }
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> content)
    {
        var probe = content[..Math.Min(content.Length, 64 * 1024)];
        foreach (var b in probe)
        {
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D)) return false;
        }
        return true;
    }

    private static ImportSheet OpenCsv(byte[] content)
    {
        var encoding = EncodingOf(content);
        var text = encoding.GetString(content);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var delimiter = DelimiterOf(text)[0];
        var headers = CsvRecords(text, delimiter).FirstOrDefault() ?? [];
        return new ImportSheet(headers.Select(h => h.Trim()).ToList(), CsvRows(text, delimiter, headers.Length));
    }

    private static IEnumerable<string[]> CsvRows(string text, char delimiter, int width)
    {
        var first = true;
        foreach (var record in CsvRecords(text, delimiter))
        {
            if (first) { first = false; continue; }
            if (record.All(string.IsNullOrWhiteSpace)) continue;
            for (var i = 0; i < record.Length; i++) record[i] = record[i].Trim();
            yield return Fit(record, width);
        }
    }

    /// <summary>RFC 4180 records: fields in double quotes may hold the delimiter, line breaks and doubled quotes; CRLF, LF or CR end a record.</summary>
    public static IEnumerable<string[]> CsvRecords(string text, char delimiter)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        var any = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' && field.Length == 0)
            {
                // A quoted field, to its closing quote.
                i++;
                while (i < text.Length)
                {
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    field.Append(text[i++]);
                }
                any = true;
                continue;
            }
            if (c == delimiter) { fields.Add(field.ToString()); field.Clear(); any = true; i++; continue; }
            if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                i++;
                if (any || field.Length > 0) { fields.Add(field.ToString()); yield return fields.ToArray(); }
                fields.Clear();
                field.Clear();
                any = false;
                continue;
            }
            field.Append(c);
            any = true;
            i++;
        }
        if (any || field.Length > 0) { fields.Add(field.ToString()); yield return fields.ToArray(); }
    }

    /// <summary>The delimiter of the header line (outside quotes): the most frequent of comma, semicolon and tab.</summary>
    public static string DelimiterOf(string text)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '\n' or '\r') break;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == ';') semicolons++;
            else if (!quoted && c == '\t') tabs++;
        }
        if (semicolons > commas && semicolons >= tabs) return ";";
        if (tabs > commas && tabs > semicolons) return "\t";
        return ",";
    }

    private static ImportSheet OpenXlsx(byte[] content)
    {
        using var package = new ExcelPackage(new MemoryStream(content, writable: false));
        var ws = package.Workbook.Worksheets.FirstOrDefault() ?? throw new InvalidDataException("No worksheet.");
        if (ws.Dimension is null) return new ImportSheet([], []);
        var (rows, cols) = (ws.Dimension.End.Row, ws.Dimension.End.Column);
        var headers = Enumerable.Range(1, cols).Select(c => Cell(ws, 1, c).Trim()).ToList();
        while (headers.Count > 0 && headers[^1].Length == 0) headers.RemoveAt(headers.Count - 1);
        var data = new List<string[]>(Math.Max(0, rows - 1));
        for (var r = 2; r <= rows; r++)
        {
            var record = new string[headers.Count];
            for (var c = 1; c <= headers.Count; c++) record[c - 1] = Cell(ws, r, c).Trim();
            if (!record.All(string.IsNullOrWhiteSpace)) data.Add(record);
        }
        return new ImportSheet(headers, data);
    }

    private static string Cell(ExcelWorksheet ws, int row, int col)
    {
        var cell = ws.Cells[row, col];
        if (!string.IsNullOrEmpty(cell.Formula)) return "=" + cell.Formula;
        return cell.Value switch
        {
            null => "",
            DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            double n when IsDateFormat(cell.Style.Numberformat.Format) && n is > 0 and < 2958466 =>
                DateTime.FromOADate(n).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var v => v.ToString() ?? "",
        };
    }

    private static bool IsDateFormat(string? format) =>
        format is { Length: > 0 } f && f.Contains('y', StringComparison.OrdinalIgnoreCase) && f.Contains('d', StringComparison.OrdinalIgnoreCase);

    private static string[] Fit(string[] record, int width)
    {
        if (record.Length == width) return record;
        var fitted = new string[width];
        for (var i = 0; i < width; i++) fitted[i] = i < record.Length ? record[i] : "";
        return fitted;
    }
}
