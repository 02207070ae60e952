using Barangay.Data.Documents;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Reports;

public sealed partial class ReportService
{
    /// <summary>
    /// Document issuance between two Manila dates (inclusive), by type: requests filed; released; rejected or cancelled
    /// (by when that happened); official receipts, waivers and fees collected (by when paid); and for the requests
    /// approved in the period, the average turnaround in working days (filing to approval, on the RA 11032 clock with
    /// the holidays in settings) and how many were approved by their deadline.
    /// </summary>
    public async Task<IssuanceReport?> IssuanceAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var (db, caller) = await OpenStaleAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Reports.View) || RangeError(from, to) is not null) return null;
        var (start, end) = Utc(from, to);
        var rows = await db.DocumentRequests
            .FromSqlInterpolated($"""
                SELECT * FROM document_requests WHERE submitted_at < {end}
                  AND (submitted_at >= {start} OR processed_at >= {start} OR (payment_info IS NOT NULL AND (payment_info->>'paid_at')::timestamptz >= {start}))
                """)
            .AsNoTracking()
            .Select(r => new { r.Type, r.Status, r.SubmittedAt, r.ProcessedAt, r.DueAt, r.Metadata, r.PaymentInfo })
            .ToListAsync(ct);
        var labels = await db.LookupValues.AsNoTracking().Where(l => l.Category == LookupCategories.DocumentType).ToDictionaryAsync(l => l.Code, l => l.Label, ct);
        var clock = await holidays.ClockAsync(ct);
        bool In(DateTime? t) => t >= start && t < end;

        var lines = rows.Select(r => (Row: r, Meta: DocumentRequestMetadata.Parse(r.Metadata), Pay: PaymentInfo.Parse(r.PaymentInfo)))
            .GroupBy(x => x.Meta.TypeLabel ?? labels.GetValueOrDefault(x.Row.Type, x.Row.Type))
            .Select(g =>
            {
                var approved = g.Select(x => (x.Row, x.Meta, At: x.Meta.History.LastOrDefault(h => h.Status == DocumentRequestStatuses.Approved)?.At))
                    .Where(x => In(x.At)).ToList();
                var days = approved.Select(x => clock.WorkingDaysBetween(x.Meta.ClockStartedAt ?? x.Row.SubmittedAt, x.At!.Value)).ToList();
                var within = approved.Count(x => x.Row.DueAt is { } due
                    ? x.At <= due
                    : clock.WorkingDaysBetween(x.Meta.ClockStartedAt ?? x.Row.SubmittedAt, x.At!.Value) <= (x.Meta.WorkingDays > 0 ? x.Meta.WorkingDays : 3));
                var receipts = g.Where(x => x.Pay is { Waived: false, OrNumber: not null } p && In(p.PaidAt)).ToList();
                return new IssuanceLine(g.Key,
                    g.Count(x => In(x.Row.SubmittedAt)), approved.Count,
                    g.Count(x => x.Row.Status == DocumentRequestStatuses.Released && In(x.Row.ProcessedAt)),
                    g.Count(x => x.Row.Status is DocumentRequestStatuses.Rejected or DocumentRequestStatuses.Cancelled && In(x.Row.ProcessedAt)),
                    receipts.Count, g.Count(x => x.Pay is { Waived: true } p && In(p.PaidAt ?? x.Row.SubmittedAt)), receipts.Sum(x => x.Pay!.Amount),
                    days.Count == 0 ? double.NaN : days.Average(), within) { TotalWorkingDays = days.Sum() };
            })
            .OrderBy(l => l.Type, StringComparer.Ordinal).ToList();
        var approvedAll = lines.Sum(l => l.Approved);
        var total = new IssuanceLine("Total", lines.Sum(l => l.Filed), approvedAll, lines.Sum(l => l.Released), lines.Sum(l => l.RejectedOrCancelled),
            lines.Sum(l => l.Receipts), lines.Sum(l => l.Waived), lines.Sum(l => l.FeesCollected),
            approvedAll == 0 ? double.NaN : (double)lines.Sum(l => l.TotalWorkingDays) / approvedAll, lines.Sum(l => l.WithinLimit))
        { TotalWorkingDays = lines.Sum(l => l.TotalWorkingDays) };
        return new IssuanceReport(from, to, lines, total);
    }
}
