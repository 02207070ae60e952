using System.Runtime.CompilerServices;
using Barangay.Data.Documents;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Exports.Datasets;

/// <summary>The request queue as the hall sees it: who asked for what, its status and deadline (Manila time). Payments and certificates stay in the app.</summary>
public static class DocumentRequestExportRows
{
    public static readonly IReadOnlyList<string> Headers =
    [
        "Request ID", "Submitted (Manila)", "Document", "Purpose", "Resident ID", "Resident", "Purok", "Status", "Due (Manila)", "Processed (Manila)",
    ];

    public static async IAsyncEnumerable<object?[]> Read(BarangayDbContext db, ExportFilters f, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var types = await ExportLabels.OfAsync(db, LookupCategories.DocumentType, ct);
        var puroks = await ExportLabels.OfAsync(db, LookupCategories.Purok, ct);
        var q = ExportDatasetSource.Within(db.DocumentRequests.AsNoTracking(), f, d => d.SubmittedAt);
        if (f.Purok is { } purok) q = q.Where(d => d.Purok == purok);
        if (f.Status is { } status) q = q.Where(d => d.Status == status);
        // IgnoreQueryFilters on the resident: a request outlives an archived or deleted record and must still be listed.
        var rows = (from d in q
                    join r in db.Residents.IgnoreQueryFilters().AsNoTracking() on d.ResidentId equals r.Id into rs
                    from r in rs.DefaultIfEmpty()
                    orderby d.SubmittedAt, d.RequestId
                    select new
                    {
                        d.RequestId, d.SubmittedAt, d.Type, d.Metadata, Resident = r == null ? null : r.ResidentId,
                        Name = r == null ? null : r.LastName + ", " + r.FirstName, d.Purok, d.Status, d.DueAt, d.ProcessedAt,
                    }).AsAsyncEnumerable();
        await foreach (var d in rows.WithCancellation(ct))
        {
            var meta = DocumentRequestMetadata.Parse(d.Metadata);
            yield return
            [
                d.RequestId, ExportDatasetSource.Manila(d.SubmittedAt), meta.TypeLabel ?? ExportLabels.Of(types, d.Type), meta.Purpose, d.Resident, d.Name,
                ExportLabels.Of(puroks, d.Purok), d.Status, ExportDatasetSource.Manila(d.DueAt), ExportDatasetSource.Manila(d.ProcessedAt),
            ];
        }
    }
}
