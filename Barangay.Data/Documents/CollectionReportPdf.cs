using System.Globalization;
using Barangay.Data.Reports;

namespace Barangay.Data.Documents;

/// <summary>
/// The daily collection report the treasurer signs and files, under the shared report header and footer: every
/// official receipt and every waiver of the day (waivers granted at filing included), the total collected, the
/// number of receipts and of waivers.
/// </summary>
public static class CollectionReportPdf
{
    private static readonly CultureInfo Ph = CultureInfo.GetCultureInfo("en-PH");

    private static readonly PrintColumn[] Columns =
    [
        new("Time", 0.7), new("OR number", 1.05), new("Request", 1.3), new("Resident", 1.35), new("Document", 1.4), new("Amount", 0.8, Right: true),
        new("Collected by / waiver", 1.5),
    ];

    public static byte[] Render(CollectionReport report, DateTime printedUtc, string? paper = null)
    {
        using var w = new PrintWriter($"Collection report {report.Day:yyyy-MM-dd}", paper, landscape: false, (g, page) =>
            PrintFrame.Header(g, page.Width.Point, report.Region, report.Province, report.Municipality, report.BarangayName,
                "DAILY COLLECTION REPORT", report.Day.ToString("dddd, MMMM d, yyyy", Ph)));
        if (report.Lines.Count == 0) w.Text("No receipts or waivers were recorded on this day.");
        else
        {
            w.Table(null, Columns, report.Lines.Select(l => ((IReadOnlyList<string>)
            [
                Common.TimeZones.ToManila(l.At).ToString("h:mm tt", CultureInfo.InvariantCulture), l.OrNumber ?? "—", l.RequestId, l.ResidentName,
                l.TypeLabel, l.WaiverReason is null ? "₱" + l.Amount.ToString("N2", Ph) : "waived", l.WaiverReason is null ? l.CollectedBy : $"Waived: {l.WaiverReason}",
            ], false)).Append(((IReadOnlyList<string>)["", "", "", "", "Total collected", "₱" + report.Total.ToString("N2", Ph), ""], true)));
        }
        w.Text($"Total collected: ₱{report.Total.ToString("N2", Ph)}   ·   Receipts: {report.Receipts}   ·   Waived: {report.Waived}", w.Bold, 6);
        w.Signature("Certified correct:", report.TreasurerName, "Barangay Treasurer");
        return w.Finish(printedUtc);
    }
}
