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
            .FromSqlInterpolated($"SELECT * FROM document_requests WHERE payment_info IS NOT NULL AND (payment_info->>'paid_at')::timestamptz >= {from} AND (payment_info->>'paid_at')::timestamptz < {to}")
            .AsNoTracking()
            .Join(db.Residents.IgnoreQueryFilters(), r => r.ResidentId, p => p.Id, (r, p) => new { r.RequestId, r.Type, r.PaymentInfo, r.Metadata, p.FirstName, p.LastName })
            .ToListAsync(ct);
        var labels = await LabelsAsync(db, ct);
        var lines = rows.Select(r => (Row: r, Pay: PaymentInfo.Parse(r.PaymentInfo)!))
            .Where(x => x.Pay is { PaidAt: not null })
            .OrderBy(x => x.Pay.PaidAt)
            .Select(x => new CollectionLine(x.Row.RequestId, $"{x.Row.LastName}, {x.Row.FirstName}",
                DocumentRequestMetadata.Parse(x.Row.Metadata).TypeLabel ?? labels.GetValueOrDefault(x.Row.Type, x.Row.Type),
                x.Pay.OrNumber, x.Pay.Amount, x.Pay.PaidAt!.Value, x.Pay.CollectedByName ?? "", x.Pay.Waived ? x.Pay.WaiverReason ?? "waived" : null))
            .ToList();
        var barangay = await db.AppSettings.AsNoTracking().Where(s => s.Key == Settings.SettingKeys.BarangayName).Select(s => s.Value).FirstOrDefaultAsync(ct);
        db.Record(AuditActions.View, "CollectionReport", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), new { lines = lines.Count });
        await db.SaveChangesAsync(ct);
        return new CollectionReport(day, barangay is null ? "Barangay" : barangay.Trim('"'), lines);
    }
}
