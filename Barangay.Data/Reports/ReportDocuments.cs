namespace Barangay.Data.Reports;

/// <summary>
/// Lays each report out as tables: what the PDF and the workbook show, in the same order. The title and the period
/// are in the report's <see cref="PrintLanguage"/>, and so are the tables' titles, column headings, fixed row labels
/// (age brackets, sectors, civil statuses, KP stages) and notes (issue 26, item 4). Figures, document types, complaint
/// categories and purok names are the barangay's own data and print as recorded.
/// </summary>
public static class ReportDocuments
{
    private static string[] SexColumns(PrintLanguage l) => [l.Say("Male"), l.Say("Female"), l.Say("Total")];

    /// <summary>DILG Form C: one part per area (the whole barangay first), each with the four breakdowns and the totals.</summary>
    public static ReportDocument FormC(FormCReport report, PrintLanguage? language = null)
    {
        language ??= PrintLanguage.English;
        var l = language;
        ReportTable Table(string title, string first, IReadOnlyList<SexCount> lines, bool total)
        {
            var rows = lines.Select(x => ReportRow.Of(l.Term(x.Label), x.Male, x.Female, x.Total)).ToList();
            if (total) rows.Add(ReportRow.TotalOf(l.Say("Total"), lines.Sum(x => x.Male), lines.Sum(x => x.Female), lines.Sum(x => x.Total)));
            return new ReportTable(l.Say(title), [l.Say(first), .. SexColumns(l)], rows);
        }

        var parts = report.Areas.Select(a => new ReportPart(a.PurokCode is null ? l.Term(a.Label) : a.Label,
        [
            new ReportTable(l.Say("Totals"), ["", l.Say("Count")],
            [
                ReportRow.Of(l.Say("Inhabitants"), a.Inhabitants), ReportRow.Of(l.Say("Households"), a.Households), ReportRow.Of(l.Say("Families"), a.Families),
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
        var l = language;
        string[] columns = [.. new[] { "Document", "Filed", "Approved", "Released", "Rejected / cancelled", "Receipts", "Waived", "Fees collected", "Avg. working days", "Within RA 11032" }.Select(c => l.Say(c))];
        static object?[] Cells(IssuanceLine l) =>
            [l.Type, l.Filed, l.Approved, l.Released, l.RejectedOrCancelled, l.Receipts, l.Waived, l.FeesCollected, l.AverageWorkingDays, l.ShareWithinLimit];
        var rows = report.Lines.Select(x => new ReportRow(Cells(x))).Append(new ReportRow(Cells(report.Total with { Type = l.Say("Total") }), Total: true)).ToList();
        return new ReportDocument(language.Say("Document Issuance Report"), language.Period(report.From, report.To), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"document-issuance-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}"),
        [
            new ReportPart(l.Say("Documents issued"), [new ReportTable(l.Say("By document type"), columns, rows)],
            [
                l.Say("Approved: requests approved in the period; their turnaround runs in working days (weekends and holidays skipped) from when the requirements were complete and the fee paid (RA 11032 §4(j)) to approval."),
                l.Say("Within RA 11032: share of those approved by their deadline (3 working days for simple, 7 for complex, 20 for highly technical transactions, plus one extension if given)."),
                l.Say("Fees collected: official receipts dated in the period; waived requests pay nothing."),
            ]),
        ]);
    }

    public static ReportDocument Complaints(ComplaintsReport report, PrintLanguage? language = null)
    {
        language ??= PrintLanguage.English;
        var l = language;
        string[] columns = [.. new[] { "Category", "Filed", "Open", "Resolved", "Closed", "Rejected", "Avg. days to resolve" }.Select(c => l.Say(c))];
        static object?[] Cells(ComplaintCategoryLine l) => [l.Category, l.Filed, l.Open, l.Resolved, l.Closed, l.Rejected, l.AverageDaysToResolve];
        var rows = report.Lines.Select(x => new ReportRow(Cells(x))).Append(new ReportRow(Cells(report.Total with { Category = l.Say("Total") }), Total: true)).ToList();
        var t = report.Total;
        var outcomes = new[] { ("Open (new or in progress)", t.Open), ("Resolved", t.Resolved), ("Closed", t.Closed), ("Rejected", t.Rejected) }
            .Select(o => ReportRow.Of(l.Say(o.Item1), o.Item2, Percent.Of(o.Item2, t.Filed))).Append(ReportRow.TotalOf(l.Say("Total"), t.Filed, Percent.Of(t.Filed, t.Filed))).ToList();
        return new ReportDocument(language.Say("Complaints and KP Report"), language.Period(report.From, report.To), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"complaints-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}"),
        [
            new ReportPart(l.Say("Complaints"),
            [
                new ReportTable(l.Say("By category"), columns, rows),
                new ReportTable(l.Say("By outcome"), [l.Say("Outcome"), l.Say("Complaints"), l.Say("Share")], outcomes),
            ],
            [l.Say("Complaints reported in the period, by where they stand now. Days to resolve: calendar days from report to resolution.")]),
            Kp(report.Kp, l),
        ]);
    }

    /// <summary>The Katarungang Pambarangay part of the complaints report: its own page (its own sheet in the workbook).</summary>
    private static ReportPart Kp(KpSection kp, PrintLanguage l)
    {
        // By nature in the same rows (criminal, civil, others: the Lupon's monthly report), so the page still fits one sheet of paper.
        KpNatureLine Nature(string outcome) => kp.ByNature.FirstOrDefault(n => n.Outcome == outcome) ?? new KpNatureLine(outcome, 0, 0, 0);
        // The lines are matched to their nature by the English line name, then worded in the report's language.
        var rows = kp.Lines.Select(x => ReportRow.Of(l.Term(x.Outcome), x.Cases, Percent.Of(x.Cases, kp.Total), x.AverageDaysFromFiling, Nature(x.Outcome).Criminal, Nature(x.Outcome).Civil, Nature(x.Outcome).Others))
            .Append(ReportRow.TotalOf(l.Say("Total"), kp.Total, Percent.Of(kp.Total, kp.Total), null, Nature("Total").Criminal, Nature("Total").Civil, Nature("Total").Others)).ToList();
        return new ReportPart("Katarungang Pambarangay",
        [
            new ReportTable(l.Say("KP cases by stage and outcome, and by nature of the dispute"),
                [.. new[] { "Stage / outcome", "Cases", "Share", "Avg. days from filing", "Criminal", "Civil", "Others" }.Select(c => l.Say(c))], rows),
            new ReportTable(l.Say("Settlement and deadlines"), ["", l.Say("Cases"), l.Say("Avg. days from filing")],
            [
                ReportRow.Of(l.Say("Amicably settled (mediation or conciliation)"), kp.Settled, kp.AverageDaysToSettlement),
                ReportRow.Of(l.Say("Pending and past a deadline now"), kp.PastDeadline, null),
            ]),
        ],
        [
            l.Say("KP cases filed in the period, each counted once by where it stands now; by nature as recorded at intake (criminal, civil, others), as the Lupon's monthly report counts them."),
            l.Say("Days from filing: calendar days from the case's filing to the settlement or award (KP counts calendar days)."),
            l.Say("Dismissed or withdrawn: the complaint was rejected or closed while the case was still in mediation or conciliation."),
            l.Say("Past a deadline: a pending case whose summons, mediation, Pangkat or conciliation step is overdue."),
        ]);
    }
}
