using Barangay.Data.Reports;

namespace Barangay.Data.Complaints.Kp;

/// <summary>
/// The Monthly Transmittal of Final Reports (<see cref="KpService.MonthlyTransmittalAsync"/>) as a PDF on the hall's
/// printed frame and as a workbook, in the barangay's report language: addressed to the city or municipal judge, the
/// covering sentence, the table of cases (barangay case no.; title), prepared by the Lupon secretary, noted by the Punong
/// Barangay, received by the clerk of court, and the reminder of the five days.
/// </summary>
public static class KpTransmittalPrint
{
    public static byte[] Pdf(KpMonthlyTransmittal t, DateTime printedUtc, string? paper = null)
    {
        var p = t.Profile;
        var l = PrintLanguage.Of(p.ReportLanguage);
        var title = l.Say("Monthly Transmittal of Final Reports");
        using var w = new PrintWriter($"{title} {Month(t, l)}", paper, false, (g, page) =>
            PrintFrame.Header(g, page.Width.Point, p.Region, p.Province, p.Municipality, p.Name, title.ToUpper(l.Culture), Month(t, l), language: l), fontSize: 10, language: l);
        w.Text(l.Say("To: The City/Municipal Judge, {0}", p.Municipality), w.Bold, 8);
        w.Text(l.Say("Enclosed herewith are the final reports of settlement of disputes and arbitration awards made by the Punong Barangay/Pangkat ng Tagapagkasundo in the following cases:"), gapAfter: 8);
        w.Table(null, [new PrintColumn(l.Say("Barangay Case No."), 1), new PrintColumn(l.Say("Title (Complainant, et al. vs. Respondent, et al.)"), 3)],
            Rows(t, l).Select(r => ((IReadOnlyList<string>)r, false)), null);
        w.Signature(l.Say("Prepared by:"), t.LuponSecretary, l.Say("Lupon/Pangkat Secretary"), right: false);
        w.Signature(l.Say("Noted by:"), t.Captain, l.Say("Punong Barangay/Lupon Chairman"));
        w.Signature(l.Say("Received by:"), null, l.Say("Clerk of Court"), right: false);
        w.Text(l.Say("IMPORTANT: The Lupon/Pangkat secretary shall transmit not later than the first five days of each month the final reports for the preceding month."), gapAfter: 4);
        return w.Finish(printedUtc);
    }

    public static byte[] Xlsx(KpMonthlyTransmittal t, DateTime printedUtc)
    {
        var l = PrintLanguage.Of(t.Profile.ReportLanguage);
        var table = new ReportTable(l.Say("Enclosed herewith are the final reports of settlement of disputes and arbitration awards made by the Punong Barangay/Pangkat ng Tagapagkasundo in the following cases:"),
            [l.Say("Barangay Case No."), l.Say("Title (Complainant, et al. vs. Respondent, et al.)")], Rows(t, l).Select(r => new ReportRow(r)).ToList());
        var part = new ReportPart(l.Say("To: The City/Municipal Judge, {0}", t.Profile.Municipality), [table],
            [l.Say("Prepared by:") + " " + t.LuponSecretary + ", " + l.Say("Lupon/Pangkat Secretary"), l.Say("Noted by:") + " " + t.Captain + ", " + l.Say("Punong Barangay/Lupon Chairman")]);
        return ReportXlsx.Render(new ReportDocument(l.Say("Monthly Transmittal of Final Reports"), Month(t, l), FileStem(t), [part]), t.Profile, printedUtc);
    }

    public static string FileStem(KpMonthlyTransmittal t) => $"kp-monthly-transmittal-{t.Month:yyyy-MM}";

    private static string Month(KpMonthlyTransmittal t, PrintLanguage l) => l.Say("For the month of {0}", t.Month.ToString("MMMM yyyy", l.Culture));

    private static IEnumerable<string[]> Rows(KpMonthlyTransmittal t, PrintLanguage l) => t.Cases.Count == 0
        ? [["—", l.Say("No settlement or arbitration award this month.")]]
        : t.Cases.Select(c => new[] { c.CaseNo, c.Title });
}
