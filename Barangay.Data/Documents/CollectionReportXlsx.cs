using OfficeOpenXml;

namespace Barangay.Data.Documents;

/// <summary>The daily collection report as an Excel workbook (EPPlus 4.5.3.3, LGPL).</summary>
public static class CollectionReportXlsx
{
    public static byte[] Render(CollectionReport report)
    {
        using var package = new ExcelPackage();
        var ws = package.Workbook.Worksheets.Add("Collections");
        ws.Cells[1, 1].Value = $"{report.BarangayName}: daily collection report";
        ws.Cells[1, 1].Style.Font.Bold = true;
        ws.Cells[2, 1].Value = report.Day.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-PH"));
        string[] headers = ["Time", "OR number", "Request", "Resident", "Document", "Amount (PHP)", "Collected by", "Waiver"];
        for (var i = 0; i < headers.Length; i++)
        {
            ws.Cells[4, i + 1].Value = headers[i];
            ws.Cells[4, i + 1].Style.Font.Bold = true;
        }
        var row = 5;
        foreach (var l in report.Lines)
        {
            ws.Cells[row, 1].Value = Common.TimeZones.ToManila(l.At).ToString("h:mm tt", System.Globalization.CultureInfo.InvariantCulture);
            ws.Cells[row, 2].Value = l.OrNumber;
            ws.Cells[row, 3].Value = l.RequestId;
            ws.Cells[row, 4].Value = l.ResidentName;
            ws.Cells[row, 5].Value = l.TypeLabel;
            ws.Cells[row, 6].Value = l.WaiverReason is null ? l.Amount : 0m;
            ws.Cells[row, 6].Style.Numberformat.Format = "#,##0.00";
            ws.Cells[row, 7].Value = l.CollectedBy;
            ws.Cells[row, 8].Value = l.WaiverReason;
            row++;
        }
        ws.Cells[row + 1, 5].Value = "Total collected";
        ws.Cells[row + 1, 5].Style.Font.Bold = true;
        ws.Cells[row + 1, 6].Value = report.Total;
        ws.Cells[row + 1, 6].Style.Numberformat.Format = "#,##0.00";
        ws.Cells[row + 1, 6].Style.Font.Bold = true;
        // Set widths by hand: AutoFitColumns needs System.Drawing, which Linux servers lack.
        double[] widths = [10, 14, 18, 28, 34, 14, 24, 30];
        for (var i = 0; i < widths.Length; i++) ws.Column(i + 1).Width = widths[i];
        return package.GetAsByteArray();
    }
}
