using System.Linq.Expressions;
using Barangay.Data.Exports.Datasets;
using Barangay.Data.Security;

namespace Barangay.Data.Exports;

/// <summary>
/// What each dataset holds, for the requester the job recorded. Only what that person sees on screen leaves the system:
/// the national ID is stored masked, confidential complaints follow the complaint queue's rule, and privacy-sensitive
/// internals (search columns, privacy settings, photos, internal notes) are not exported.
/// </summary>
public static class ExportDatasetSource
{
    public static ExportTable Open(BarangayDbContext db, string dataset, ExportFilters filters, DateOnly today, Caller requester) => dataset switch
    {
        ExportDatasets.Residents => ResidentExportRows.Open(db, filters, today, custom: false),
        ExportDatasets.Custom => ResidentExportRows.Open(db, filters, today, custom: true),
        ExportDatasets.Households => new ExportTable(HouseholdExportRows.Headers, HouseholdExportRows.Read(db, filters)),
        ExportDatasets.DocumentRequests => new ExportTable(DocumentRequestExportRows.Headers, DocumentRequestExportRows.Read(db, filters)),
        ExportDatasets.Complaints => new ExportTable(ComplaintExportRows.Headers, ComplaintExportRows.Read(db, filters, requester)),
        ExportDatasets.Events => new ExportTable(EventExportRows.Headers, EventExportRows.Read(db, filters)),
        ExportDatasets.FullAudit => new ExportTable(AuditExportRows.Headers, AuditExportRows.Read(db, filters)),
        _ => throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "Unknown dataset."),
    };

    /// <summary>
    /// Whether <paramref name="caller"/> may export <paramref name="dataset"/>: nobody exports what they cannot see on
    /// screen. Checked when the export is asked for and again by the job, with the requester's permissions then.
    /// </summary>
    public static bool MayExport(Caller caller, string dataset) => caller.Can(Permissions.Exports.Run) && dataset switch
    {
        ExportDatasets.Residents or ExportDatasets.Custom => caller.Can(Permissions.Residents.View),
        ExportDatasets.Households => caller.Can(Permissions.Households.View),
        ExportDatasets.DocumentRequests => caller.Can(Permissions.Documents.Process) || caller.Can(Permissions.Documents.Release),
        ExportDatasets.Complaints => caller.Can(Permissions.Complaints.Handle),
        ExportDatasets.Events => caller.Can(Permissions.Events.Manage),
        ExportDatasets.FullAudit => caller.Can(Permissions.Audit.View),
        _ => false,
    };

    /// <summary>
    /// The rows whose <paramref name="at"/> falls within the filters' Manila dates, both days whole (from its midnight to
    /// the midnight after <c>To</c>), compared in UTC as stored.
    /// </summary>
    internal static IQueryable<T> Within<T>(IQueryable<T> q, ExportFilters f, Expression<Func<T, DateTime>> at)
    {
        if (f.From is { } from) q = q.Where(Compare(at, Expression.GreaterThanOrEqual, Common.TimeZones.ManilaToUtc(from.ToDateTime(TimeOnly.MinValue))));
        if (f.To is { } to) q = q.Where(Compare(at, Expression.LessThan, Common.TimeZones.ManilaToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue))));
        return q;
    }

    private static Expression<Func<T, bool>> Compare<T>(Expression<Func<T, DateTime>> at, Func<Expression, Expression, BinaryExpression> op, DateTime bound)
    {
        // A captured variable, not a constant: EF sends it as a parameter, so the plan is reused.
        Expression<Func<DateTime>> value = () => bound;
        return Expression.Lambda<Func<T, bool>>(op(at.Body, value.Body), at.Parameters);
    }

    internal static DateTime? Manila(DateTime? utc) => utc is { } u ? Common.TimeZones.ToManila(u) : null;
}
