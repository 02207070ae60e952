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

    /// <summary>Manila dates [from, to] as a UTC half-open range (to is inclusive of its whole day).</summary>
    internal static (DateTime? FromUtc, DateTime? ToUtc) UtcRange(ExportFilters f) =>
        (f.From is { } from ? Common.TimeZones.ManilaToUtc(from.ToDateTime(TimeOnly.MinValue)) : null,
         f.To is { } to ? Common.TimeZones.ManilaToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)) : null);

    internal static DateTime? Manila(DateTime? utc) => utc is { } u ? Common.TimeZones.ToManila(u) : null;
}
