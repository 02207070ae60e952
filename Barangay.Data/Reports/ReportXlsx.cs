using Barangay.Data.Settings;
using OfficeOpenXml;

namespace Barangay.Data.Reports;

/// <summary>Any <see cref="ReportDocument"/> as a workbook (EPPlus 4.5.3.3, LGPL): one sheet per part under the barangay header, numbers kept as numbers.</summary>
public static class ReportXlsx
{
    public static byte[] Render(ReportDocument report, BarangayProfile profile, DateTime preparedUtc)
    {
        using var package = new ExcelPackage();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var language = PrintLanguage.Of(profile.ReportLanguage);
        foreach (var part in report.Parts)
        {
            var ws = package.Workbook.Worksheets.Add(SheetName(part.Heading, names));
            var columns = part.Tables.Count == 0 ? 1 : part.Tables.Max(t => t.Columns.Count);
            var row = ReportHeader.Write(ws, profile, report.Title, report.Period, columns, language);
            ws.Cells[row, 1].Value = part.Heading;
            ws.Cells[row, 1].Style.Font.Bold = true;
            row += 2;
            foreach (var table in part.Tables)
            {
                ws.Cells[row, 1].Value = table.Title;
                ws.Cells[row, 1].Style.Font.Bold = true;
                row++;
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    ws.Cells[row, i + 1].Value = table.Columns[i];
                    ws.Cells[row, i + 1].Style.Font.Bold = true;
                }
                row++;
                foreach (var r in table.Rows)
                {
                    for (var i = 0; i < r.Cells.Count; i++)
                    {
                        var cell = ws.Cells[row, i + 1];
                        switch (r.Cells[i])
                        {
                            case decimal m: cell.Value = m; cell.Style.Numberformat.Format = "#,##0.00"; break;
                            case double d: cell.Value = double.IsNaN(d) ? null : Math.Round(d, 2); cell.Style.Numberformat.Format = "0.0"; break;
                            case Percent p: cell.Value = double.IsNaN(p.Value) ? null : p.Value; cell.Style.Numberformat.Format = "0.0%"; break;
                            default: cell.Value = r.Cells[i]; break;
                        }
                        cell.Style.Font.Bold = r.Total;
                    }
                    row++;
                }
                row++;
            }
            foreach (var note in part.Notes ?? []) ws.Cells[row++, 1].Value = note;
            ws.Cells[row + 1, 1].Value = ReportHeader.Prepared(preparedUtc, language);
            // Widths by hand: AutoFitColumns needs System.Drawing, which Linux servers lack.
            ws.Column(1).Width = 34;
            for (var i = 2; i <= columns; i++) ws.Column(i).Width = 14;
        }
        return package.GetAsByteArray();
    }

    /// <summary>Excel's rules: at most 31 characters, none of []:*?/\ and unique in the workbook.</summary>
    private static string SheetName(string heading, HashSet<string> taken)
    {
        var clean = new string(heading.Select(c => "[]:*?/\\".Contains(c) ? ' ' : c).ToArray()).Trim();
        if (clean.Length > 31) clean = clean[..31];
        var name = clean;
        for (var n = 2; !taken.Add(name); n++) name = (clean.Length > 27 ? clean[..27] : clean) + " " + n;
        return name;
    }
}
