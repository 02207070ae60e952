using System.Globalization;
using Barangay.Data.Dashboard;
using Barangay.Data.Reports;

namespace Barangay.Data.Municipality.Rollups;

/// <summary>Lays the municipal roll-ups out as <see cref="ReportDocument"/>s, printed by the barangays' own PDF and XLSX writers.</summary>
public static class MunicipalDocuments
{
    private static readonly CultureInfo Ph = CultureInfo.GetCultureInfo("en-PH");

    /// <summary>Broad age bands for the population table, each a run of Form C brackets (lower bounds in years).</summary>
    public static readonly IReadOnlyList<(string Label, int From, int To)> AgeBands =
        [("Under 5", 0, 4), ("5–14", 5, 14), ("15–24", 15, 24), ("25–59", 25, 59), ("60 and over", 60, 200)];

    /// <summary>DILG Form C consolidated: the municipality's total first, then each barangay, then who is missing.</summary>
    public static ReportDocument FormC(MunicipalFormC report)
    {
        var areas = new List<FormCArea> { report.Total };
        areas.AddRange(report.Barangays.Select(b => b.Figures with { Label = b.Name }));
        var single = ReportDocuments.FormC(new FormCReport(report.Quarter, areas));
        var parts = single.Parts.ToList();
        parts.Insert(1, new ReportPart("Barangays", [Summary(report)], MissingNotes(report.Missing)));
        return single with
        {
            Title = "RBI Monitoring Report (Form C), consolidated",
            FileStem = $"municipal-rbi-form-c-{report.Quarter.Year}-q{report.Quarter.Number}",
            Parts = parts,
        };
    }

    /// <summary>Population per barangay by broad age band and by sector (the same counts as Form C).</summary>
    public static ReportDocument Population(MunicipalFormC report)
    {
        var rows = new List<(string Name, FormCArea Area, bool Total)> { ("Whole municipality", report.Total, true) };
        rows.AddRange(report.Barangays.Select(b => (b.Name, b.Figures, false)));
        var ages = new ReportTable("Inhabitants by age band", ["Barangay", .. AgeBands.Select(a => a.Label), "Total"],
            rows.Select(r => new ReportRow([r.Name, .. AgeBands.Select(a => (object?)Band(r.Area, a.From, a.To)), r.Area.Inhabitants], r.Total)).ToList());
        var sectorNames = report.Total.Sectors.Select(s => s.Label).ToList();
        var sectors = new ReportTable("Inhabitants by sector", ["Barangay", .. sectorNames],
            rows.Select(r => new ReportRow([r.Name, .. sectorNames.Select(n => (object?)(r.Area.Sectors.FirstOrDefault(s => s.Label == n)?.Total ?? 0))], r.Total)).ToList());
        return new ReportDocument("Population by Age Band and Sector", report.Quarter.Label(PrintLanguage.English), $"municipal-population-{report.Quarter.Year}-q{report.Quarter.Number}",
            [new ReportPart("Population", [ages, sectors], ["Ages in completed years on the quarter's last day; a person may be in more than one sector.", .. MissingNotes(report.Missing) ?? []])]);
    }

    /// <summary>Document issuance with RA 11032 compliance, and KP cases by outcome, per barangay.</summary>
    public static ReportDocument Activity(MunicipalActivity report)
    {
        static object?[] Issued(string name, IssuanceLine l) => [name, l.Filed, l.Approved, l.Released, l.RejectedOrCancelled, l.AverageWorkingDays, l.WithinLimit, l.ShareWithinLimit];
        var total = new IssuanceLine("Total", report.Issuance.Sum(b => b.Figures.Filed), report.Issuance.Sum(b => b.Figures.Approved),
            report.Issuance.Sum(b => b.Figures.Released), report.Issuance.Sum(b => b.Figures.RejectedOrCancelled), report.Issuance.Sum(b => b.Figures.Receipts),
            report.Issuance.Sum(b => b.Figures.Waived), report.Issuance.Sum(b => b.Figures.FeesCollected),
            report.Issuance.Sum(b => b.Figures.Approved) is var a and > 0 ? (double)report.Issuance.Sum(b => b.Figures.TotalWorkingDays) / a : double.NaN,
            report.Issuance.Sum(b => b.Figures.WithinLimit));
        var issuance = new ReportTable("Documents by barangay",
            ["Barangay", "Filed", "Approved", "Released", "Rejected / cancelled", "Avg. working days", "Within RA 11032", "Share within"],
            [new ReportRow(Issued("Whole municipality", total), Total: true), .. report.Issuance.Select(b => new ReportRow(Issued(b.Name, b.Figures)))]);
        var kpTotals = KpReportLines.All.Select(line => report.Kp.Sum(b => Cases(b.Figures, line))).ToList();
        var kp = new ReportTable("KP cases by outcome", ["Barangay", .. KpReportLines.All, "Total"],
        [
            new ReportRow(["Whole municipality", .. kpTotals.Cast<object?>(), report.Kp.Sum(b => b.Figures.Total)], Total: true),
            .. report.Kp.Select(b => new ReportRow([b.Name, .. KpReportLines.All.Select(l => (object?)Cases(b.Figures, l)), b.Figures.Total])),
        ]);
        var period = $"{report.From.ToString("MMMM d, yyyy", Ph)} to {report.To.ToString("MMMM d, yyyy", Ph)}";
        var missing = MissingNotes(report.Missing) ?? [];
        return new ReportDocument("Document Issuance and KP Cases by Barangay", period, $"municipal-activity-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}",
        [
            new ReportPart("Document issuance", [issuance],
            [
                "Within RA 11032: requests approved in the period by their deadline (3 working days for simple, 7 for complex, 20 for highly technical transactions; RA 11032 §9), counted by each barangay's own clock and holidays.",
                .. missing,
            ]),
            new ReportPart("Katarungang Pambarangay", [kp], ["KP cases filed in the period, each counted once by where it stands now.", .. missing]),
        ]);
    }

    private static int Cases(KpSection kp, string line) => kp.Lines.FirstOrDefault(l => l.Outcome == line)?.Cases ?? 0;

    private static int Band(FormCArea area, int from, int to)
    {
        var lower = AgeGroups.FormC.LowerBounds;
        return area.AgeBrackets.Select((l, i) => (l, i)).Where(x => lower[x.i] >= from && lower[x.i] <= to).Sum(x => x.l.Total);
    }

    private static ReportTable Summary(MunicipalFormC report) => new("Totals by barangay", ["Barangay", "Inhabitants", "Households", "Families"],
    [
        ReportRow.TotalOf("Whole municipality", report.Total.Inhabitants, report.Total.Households, report.Total.Families),
        .. report.Barangays.Select(b => ReportRow.Of(b.Name, b.Figures.Inhabitants, b.Figures.Households, b.Figures.Families)),
    ]);

    private static List<string>? MissingNotes(IReadOnlyList<MissingBarangay> missing) => missing.Count == 0 ? null :
        [$"Not included ({missing.Count}): " + string.Join("; ", missing.Select(m => $"{m.Name} ({m.Reason})")) + ". The totals are of the barangays listed."];
}
