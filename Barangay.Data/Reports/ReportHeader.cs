using Barangay.Data.Settings;
using OfficeOpenXml;
using PdfSharp.Drawing;

namespace Barangay.Data.Reports;

/// <summary>
/// The barangay's header on printed records and reports (Republic, province and municipality, barangay, title), drawn
/// the same way on every PDF (the household record, the monitoring reports) and written the same way atop every sheet.
/// </summary>
public static class ReportHeader
{
    /// <summary>Draws the centred header from <paramref name="top"/>; returns the y below it.</summary>
    public static double Draw(XGraphics g, double pageWidth, double top, string province, string municipality, string barangay, string title, string fontFamily,
        PrintLanguage? language = null)
    {
        language ??= PrintLanguage.English;
        var normal = new XFont(fontFamily, 9);
        var bold = new XFont(fontFamily, 12, XFontStyleEx.Bold);
        var line = new XRect(0, top, pageWidth, 14);
        g.DrawString(language.Republic, normal, XBrushes.Black, line, XStringFormats.TopCenter);
        line.Offset(0, 12);
        g.DrawString(language.Locality(province, municipality), normal, XBrushes.Black, line, XStringFormats.TopCenter);
        line.Offset(0, 12);
        g.DrawString(barangay, normal, XBrushes.Black, line, XStringFormats.TopCenter);
        line.Offset(0, 20);
        g.DrawString(title, bold, XBrushes.Black, line, XStringFormats.TopCenter);
        return line.Y + 22;
    }

    public static string Locality(string province, string municipality) => PrintLanguage.English.Locality(province, municipality);

    /// <summary>Writes the header into rows 1–4 of a sheet; returns the first free row.</summary>
    public static int Write(ExcelWorksheet ws, BarangayProfile profile, string title, string period, int columns, PrintLanguage? language = null)
    {
        language ??= PrintLanguage.English;
        string[] lines = [language.Republic, language.Locality(profile.Province, profile.Municipality), profile.Name, title, period];
        for (var i = 0; i < lines.Length; i++)
        {
            var cell = ws.Cells[i + 1, 1, i + 1, Math.Max(1, columns)];
            cell.Merge = true;
            cell.Value = lines[i];
            cell.Style.HorizontalAlignment = OfficeOpenXml.Style.ExcelHorizontalAlignment.Center;
            cell.Style.Font.Bold = i >= 3;
        }
        return lines.Length + 2;
    }

    public static string Prepared(DateTime utc, PrintLanguage? language = null) => (language ?? PrintLanguage.English).Prepared(utc);
}
