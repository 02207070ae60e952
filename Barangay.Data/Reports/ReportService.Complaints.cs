using Barangay.Data.Complaints;
using Barangay.Data.Complaints.Kp;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Reports;

public sealed partial class ReportService
{
    /// <summary>
    /// Complaints reported between two Manila dates (inclusive), by category: how many, where they stand now (open,
    /// resolved, closed, rejected) and the average calendar days from report to resolution (those with a resolution
    /// date). Confidential complaints are counted too; the report shows no names or details. Then the KP cases filed in
    /// the period (<see cref="KpSectionAsync"/>).
    /// </summary>
    public async Task<ComplaintsReport?> ComplaintsAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var (db, caller) = await OpenStaleAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Reports.View) || RangeError(from, to) is not null) return null;
        var (start, end) = Utc(from, to);
        var list = await db.Complaints.AsNoTracking().Where(c => c.ReportedAt >= start && c.ReportedAt < end)
            .Select(c => new { c.Category, c.Status, c.ReportedAt, c.ResolvedAt }).ToListAsync(ct);
        var rows = list.GroupBy(c => new { c.Category, c.Status }).Select(g => new
        {
            g.Key.Category, g.Key.Status, Count = g.Count(), Resolved = g.Count(c => c.ResolvedAt != null),
            Seconds = g.Where(c => c.ResolvedAt != null).Sum(c => (c.ResolvedAt!.Value - c.ReportedAt).TotalSeconds),
        }).ToList();
        var labels = await db.LookupValues.AsNoTracking().Where(l => l.Category == LookupCategories.ComplaintCategory).ToDictionaryAsync(l => l.Code, l => l.Label, ct);

        ComplaintCategoryLine Build(string name, IReadOnlyCollection<(string Status, int Count, int Resolved, double Seconds)> g)
        {
            var resolved = g.Sum(x => x.Resolved);
            return new ComplaintCategoryLine(name, g.Sum(x => x.Count),
                g.Where(x => ComplaintStatuses.Open.Contains(x.Status)).Sum(x => x.Count),
                g.Where(x => x.Status == ComplaintStatuses.Resolved).Sum(x => x.Count),
                g.Where(x => x.Status == ComplaintStatuses.Closed).Sum(x => x.Count),
                g.Where(x => x.Status == ComplaintStatuses.Rejected).Sum(x => x.Count),
                resolved == 0 ? double.NaN : g.Sum(x => x.Seconds) / resolved / 86400);
        }

        var lines = rows.GroupBy(r => labels.GetValueOrDefault(r.Category, r.Category))
            .Select(g => Build(g.Key, g.Select(x => (x.Status, x.Count, x.Resolved, x.Seconds)).ToList()))
            .OrderByDescending(l => l.Filed).ThenBy(l => l.Category, StringComparer.Ordinal).ToList();
        var total = Build("Total", rows.Select(x => (x.Status, x.Count, x.Resolved, x.Seconds)).ToList());
        return new ComplaintsReport(from, to, lines, total, await KpSectionAsync(db, start, end, ct));
    }

    /// <summary>
    /// KP cases filed between <paramref name="start"/> and <paramref name="end"/> (UTC) by where they stand now
    /// (<see cref="KpReportLines"/>), days from filing to a settlement or award, and the pending ones past a step's
    /// deadline now (the case book's own rule, <see cref="KpDeadlines.Steps"/>). A barangay files tens of cases a
    /// year, so they are classified here rather than in SQL, with the same code the case book uses.
    /// </summary>
    private async Task<KpSection> KpSectionAsync(BarangayDbContext db, DateTime start, DateTime end, CancellationToken ct)
    {
        var cases = await (from k in db.Set<KpCase>().AsNoTracking()
                           join c in db.Complaints.AsNoTracking() on k.ComplaintId equals c.Id
                           where k.FiledAt >= start && k.FiledAt < end
                           select new { Case = k, c.Status }).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var classified = cases.Select(x => (x.Case, Line: KpReportLines.Of(x.Case, x.Status))).ToList();
        static double Days(IEnumerable<KpCase> timed) =>
            timed.Select(k => (k.OutcomeAt!.Value - k.FiledAt).TotalDays).DefaultIfEmpty(double.NaN).Average();
        var lines = KpReportLines.All.Select(line =>
        {
            var here = classified.Where(x => x.Line == line).Select(x => x.Case).ToList();
            return new KpOutcomeLine(line, here.Count, KpReportLines.IsTimed(line) ? Days(here) : double.NaN);
        }).ToList();
        var settled = classified.Where(x => x.Line is KpReportLines.SettledInMediation or KpReportLines.SettledInConciliation).Select(x => x.Case).ToList();
        var pastDeadline = classified.Count(x => KpReportLines.IsPending(x.Line) && KpDeadlines.Steps(x.Case, now).Any(s => s.Overdue));
        KpNatureLine Split(string outcome, IReadOnlyCollection<KpCase> here) => new(outcome,
            here.Count(k => k.Nature == KpNatures.Criminal), here.Count(k => k.Nature == KpNatures.Civil), here.Count(k => k.Nature is not (KpNatures.Criminal or KpNatures.Civil)));
        var byNature = KpReportLines.All.Select(line => Split(line, classified.Where(x => x.Line == line).Select(x => x.Case).ToList()))
            .Append(Split("Total", classified.Select(x => x.Case).ToList())).ToList();
        return new KpSection(lines, classified.Count, settled.Count, Days(settled), pastDeadline) { ByNature = byNature };
    }
}
