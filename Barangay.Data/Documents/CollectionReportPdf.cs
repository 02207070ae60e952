using System.Globalization;
using Barangay.Data.Reports;

namespace Barangay.Data.Documents;

/// <summary>
/// The daily collection report the treasurer signs and files, under the shared report header and footer: every
/// official receipt and every waiver of the day (waivers granted at filing included), the total collected, the
/// number of receipts and of waivers. Its fixed words follow the barangay's report language (<see cref="PrintLanguage"/>).
/// </summary>
public static class CollectionReportPdf
{
    private static readonly CultureInfo Ph = CultureInfo.GetCultureInfo("en-PH");

    private static PrintColumn[] Columns(PrintLanguage l) =>
    [
        new(l.Say("Time"), 0.7), new(l.Say("OR number"), 1.05), new(l.Say("Request"), 1.3), new(l.Say("Resident"), 1.35), new(l.Say("Document"), 1.4),
        new(l.Say("Amount"), 0.8, Right: true), new(l.Say("Collected by / waiver"), 1.5),
    ];

    public static byte[] Render(CollectionReport report, DateTime printedUtc, string? paper = null)
    {
        var l = PrintLanguage.Of(report.Language);
        var title = l.Say("Daily Collection Report");
        using var w = new PrintWriter(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{title} {report.Day:yyyy-MM-dd}"), paper, landscape: false, (g, page) =>
            PrintFrame.Header(g, page.Width.Point, report.Region, report.Province, report.Municipality, report.BarangayName,
                title.ToUpper(l.Culture), l.LongDate(report.Day), language: l), language: l);
        if (report.Lines.Count == 0) w.Text(l.Say("No receipts or waivers were recorded on this day."));
        else
        {
            w.Table(null, Columns(l), report.Lines.Select(x => ((IReadOnlyList<string>)
            [
                Common.TimeZones.ToManila(x.At).ToString("h:mm tt", CultureInfo.InvariantCulture), x.OrNumber ?? "—", x.RequestId, x.ResidentName,
                x.TypeLabel, x.WaiverReason is null ? "₱" + x.Amount.ToString("N2", Ph) : l.Say("waived"), x.WaiverReason is null ? x.CollectedBy : l.Say("Waived: {0}", x.WaiverReason),
            ], false)).Append(((IReadOnlyList<string>)["", "", "", "", l.Say("Total collected"), "₱" + report.Total.ToString("N2", Ph), ""], true)));
        }
        w.Text(l.Say("Total collected: {0}   ·   Receipts: {1}   ·   Waived: {2}", "₱" + report.Total.ToString("N2", Ph), report.Receipts, report.Waived), w.Bold, 6);
        w.Signature(l.CertifiedCorrect, report.TreasurerName, "Barangay Treasurer");
        return w.Finish(printedUtc);
    }
}
