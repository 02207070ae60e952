using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Documents;

public sealed partial class DocumentRequestService
{
    /// <summary>
    /// The treasurer's daily collection report: every official receipt and waiver recorded on that Manila day.
    /// Null for callers who neither collect nor approve. Each report taken is audited (it lists residents' payments).
    /// </summary>
    public async Task<CollectionReport?> CollectionsAsync(DateOnly day, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Documents.Collect) && !caller.Can(Permissions.Documents.Release)) return null;
        var from = TimeZones.ManilaToUtc(day.ToDateTime(TimeOnly.MinValue));
        var to = from.AddDays(1);
        var rows = await db.DocumentRequests
            // A waiver granted at filing (a type free by law) has no paid_at: it belongs to the day the request was filed.
            .FromSqlInterpolated($"SELECT * FROM document_requests WHERE payment_info IS NOT NULL AND COALESCE((payment_info->>'paid_at')::timestamptz, submitted_at) >= {from} AND COALESCE((payment_info->>'paid_at')::timestamptz, submitted_at) < {to}")
            .AsNoTracking()
            .Join(db.Residents.IgnoreQueryFilters(), r => r.ResidentId, p => p.Id, (r, p) => new { r.RequestId, r.Type, r.PaymentInfo, r.Metadata, r.SubmittedAt, p.FirstName, p.LastName })
            .ToListAsync(ct);
        var labels = await LabelsAsync(db, ct);
        var lines = rows.Select(r => (Row: r, Pay: PaymentInfo.Parse(r.PaymentInfo)!))
            .Where(x => x.Pay is not null && (x.Pay.Waived || x.Pay.OrNumber is not null))
            .Select(x => (x.Row, x.Pay, At: x.Pay.PaidAt ?? x.Row.SubmittedAt))
            .OrderBy(x => x.At)
            .Select(x => new CollectionLine(x.Row.RequestId, $"{x.Row.LastName}, {x.Row.FirstName}",
                DocumentRequestMetadata.Parse(x.Row.Metadata).TypeLabel ?? labels.GetValueOrDefault(x.Row.Type, x.Row.Type),
                x.Pay.OrNumber, x.Pay.Amount, x.At, x.Pay.CollectedByName ?? (x.Pay.Waived ? "Free by law, at filing" : ""), x.Pay.Waived ? x.Pay.WaiverReason ?? "waived" : null))
            .ToList();
        var profile = await new Settings.BarangayProfileService(factory).GetAsync(ct);
        var treasurer = await db.Officials.AsNoTracking().Where(o => o.Position == OfficialPositions.Treasurer && o.Status == Officials.OfficialStatuses.Active)
            .Select(o => o.FullName).FirstOrDefaultAsync(ct);
        db.Record(AuditActions.View, "CollectionReport", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), new { lines = lines.Count });
        await db.SaveChangesAsync(ct);
        return new CollectionReport(day, profile.Name, lines)
        {
            Region = profile.Region, Province = profile.Province, Municipality = profile.Municipality, TreasurerName = treasurer,
            Language = profile.ReportLanguage,
        };
    }
}
