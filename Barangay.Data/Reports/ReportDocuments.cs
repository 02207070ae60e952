namespace Barangay.Data.Reports;

/// <summary>
/// Lays each report out as tables: what the PDF and the workbook show, in the same order. The title and the period
/// are in the report's <see cref="PrintLanguage"/>; the tables' own words are English for now.
/// </summary>
public static class ReportDocuments
{
    private static readonly string[] SexColumns = ["Male", "Female", "Total"];

    /// <summary>DILG Form C: one part per area (the whole barangay first), each with the four breakdowns and the totals.</summary>
    public static ReportDocument FormC(FormCReport report, PrintLanguage? language = null)
    {
        language ??= PrintLanguage.English;
        static ReportTable Table(string title, string first, IReadOnlyList<SexCount> lines, bool total)
        {
            var rows = lines.Select(l => ReportRow.Of(l.Label, l.Male, l.Female, l.Total)).ToList();
            if (total) rows.Add(ReportRow.TotalOf("Total", lines.Sum(l => l.Male), lines.Sum(l => l.Female), lines.Sum(l => l.Total)));
            return new ReportTable(title, [first, .. SexColumns], rows);
        }

        var parts = report.Areas.Select(a => new ReportPart(a.Label,
        [
            new ReportTable("Totals", ["", "Count"],
            [
                ReportRow.Of("Inhabitants", a.Inhabitants), ReportRow.Of("Households", a.Households), ReportRow.Of("Families", a.Families),
            ]),
            Table("Inhabitants by age bracket and sex", "Age bracket", a.AgeBrackets, total: true),
            Table("Inhabitants by sector", "Sector", a.Sectors, total: false),
            Table("Inhabitants by civil status", "Civil status", a.CivilStatus, total: true),
            Table("Inhabitants by citizenship", "Citizenship", a.Citizenship, total: true),
        ])).ToList();
        var stem = $"rbi-form-c-{report.Quarter.Year}-q{report.Quarter.Number}" + (report.Areas is [{ PurokCode: { } p }] ? "-" + p : "");
        return new ReportDocument(language.Say("RBI Monitoring Report (Form C)"), language.Quarter(report.Quarter), stem, parts);
    }

    public static ReportDocument Issuance(IssuanceReport report, PrintLanguage? language = null)
    {
        language ??= PrintLanguage.English;
        string[] columns = ["Document", "Filed", "Approved", "Released", "Rejected / cancelled", "Receipts", "Waived", "Fees collected", "Avg. working days", "Within RA 11032"];
        static object?[] Cells(IssuanceLine l) =>
            [l.Type, l.Filed, l.Approved, l.Released, l.RejectedOrCancelled, l.Receipts, l.Waived, l.FeesCollected, l.AverageWorkingDays, l.ShareWithinLimit];
        var rows = report.Lines.Select(l => new ReportRow(Cells(l))).Append(new ReportRow(Cells(report.Total), Total: true)).ToList();
        return new ReportDocument(language.Say("Document Issuance Report"), language.Period(report.From, report.To), $"document-issuance-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}",
        [
            new ReportPart("Documents issued", [new ReportTable("By document type", columns, rows)],
            [
                "Approved: requests approved in the period; their turnaround runs in working days (weekends and holidays skipped) from when the requirements were complete and the fee paid (RA 11032 §4(j)) to approval.",
                "Within RA 11032: share of those approved by their deadline (3 working days for simple, 7 for complex, 20 for highly technical transactions, plus one extension if given).",
                "Fees collected: official receipts dated in the period; waived requests pay nothing.",
            ]),
        ]);
    }

    public static ReportDocument Complaints(ComplaintsReport report, PrintLanguage? language = null)
    {
        language ??= PrintLanguage.English;
        string[] columns = ["Category", "Filed", "Open", "Resolved", "Closed", "Rejected", "Avg. days to resolve"];
        static object?[] Cells(ComplaintCategoryLine l) => [l.Category, l.Filed, l.Open, l.Resolved, l.Closed, l.Rejected, l.AverageDaysToResolve];
        var rows = report.Lines.Select(l => new ReportRow(Cells(l))).Append(new ReportRow(Cells(report.Total), Total: true)).ToList();
        var t = report.Total;
        var outcomes = new[] { ("Open (new or in progress)", t.Open), ("Resolved", t.Resolved), ("Closed", t.Closed), ("Rejected", t.Rejected) }
            .Select(o => ReportRow.Of(o.Item1, o.Item2, Percent.Of(o.Item2, t.Filed))).Append(ReportRow.TotalOf("Total", t.Filed, Percent.Of(t.Filed, t.Filed))).ToList();
        return new ReportDocument(language.Say("Complaints and KP Report"), language.Period(report.From, report.To), $"complaints-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}",
        [
            new ReportPart("Complaints",
            [
                new ReportTable("By category", columns, rows),
                new ReportTable("By outcome", ["Outcome", "Complaints", "Share"], outcomes),
            ],
            ["Complaints reported in the period, by where they stand now. Days to resolve: calendar days from report to resolution."]),
            Kp(report.Kp),
        ]);
    }

    /// <summary>The Katarungang Pambarangay part of the complaints report: its own page (its own sheet in the workbook).</summary>
    private static ReportPart Kp(KpSection kp)
    {
        // By nature in the same rows (criminal, civil, others: the Lupon's monthly report), so the page still fits one sheet of paper.
        KpNatureLine Nature(string outcome) => kp.ByNature.FirstOrDefault(n => n.Outcome == outcome) ?? new KpNatureLine(outcome, 0, 0, 0);
        var rows = kp.Lines.Select(l => ReportRow.Of(l.Outcome, l.Cases, Percent.Of(l.Cases, kp.Total), l.AverageDaysFromFiling, Nature(l.Outcome).Criminal, Nature(l.Outcome).Civil, Nature(l.Outcome).Others))
            .Append(ReportRow.TotalOf("Total", kp.Total, Percent.Of(kp.Total, kp.Total), null, Nature("Total").Criminal, Nature("Total").Civil, Nature("Total").Others)).ToList();
        return new ReportPart("Katarungang Pambarangay",
        [
            new ReportTable("KP cases by stage and outcome, and by nature of the dispute", ["Stage / outcome", "Cases", "Share", "Avg. days from filing", "Criminal", "Civil", "Others"], rows),
            new ReportTable("Settlement and deadlines", ["", "Cases", "Avg. days from filing"],
            [
                ReportRow.Of("Amicably settled (mediation or conciliation)", kp.Settled, kp.AverageDaysToSettlement),
                ReportRow.Of("Pending and past a deadline now", kp.PastDeadline, null),
            ]),
        ],
        [
            "KP cases filed in the period, each counted once by where it stands now; by nature as recorded at intake (criminal, civil, others), as the Lupon's monthly report counts them.",
            "Days from filing: calendar days from the case's filing to the settlement or award (KP counts calendar days).",
            "Dismissed or withdrawn: the complaint was rejected or closed while the case was still in mediation or conciliation.",
            "Past a deadline: a pending case whose summons, mediation, Pangkat or conciliation step is overdue.",
        ]);
    }
}
