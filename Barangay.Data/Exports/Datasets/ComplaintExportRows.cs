using System.Runtime.CompilerServices;
using Barangay.Data.Complaints;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Exports.Datasets;

/// <summary>
/// Complaints as the requester's queue shows them: a confidential complaint only for the assigned official,
/// <c>complaints.view_confidential</c> and admins (<see cref="ComplaintService.VisibleToHall"/>). Internal notes and the
/// status history (in <c>metadata</c>) are never exported.
/// </summary>
public static class ComplaintExportRows
{
    public static readonly IReadOnlyList<string> Headers =
    [
        "Complaint ID", "Reported (Manila)", "Category", "Subject", "Description", "Complainant", "Resident ID", "Purok", "Location",
        "Status", "Priority", "Assigned to", "Confidential", "Resolved (Manila)",
    ];

    public static async IAsyncEnumerable<object?[]> Read(BarangayDbContext db, ExportFilters f, Caller requester, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var categories = await ExportLabels.OfAsync(db, LookupCategories.ComplaintCategory, ct);
        var puroks = await ExportLabels.OfAsync(db, LookupCategories.Purok, ct);
        var q = ExportDatasetSource.Within(ComplaintService.VisibleToHall(db.Complaints.AsNoTracking(), requester), f, c => c.ReportedAt);
        if (f.Purok is { } purok) q = q.Where(c => c.Purok == purok);
        if (f.Status is { } status) q = q.Where(c => c.Status == status);
        var rows = (from c in q
                    join r in db.Residents.IgnoreQueryFilters().AsNoTracking() on c.ResidentId equals r.Id into rs
                    from r in rs.DefaultIfEmpty()
                    join u in db.Users.IgnoreQueryFilters().AsNoTracking() on c.AssignedTo equals u.Id into us
                    from u in us.DefaultIfEmpty()
                    orderby c.ReportedAt, c.ComplaintId
                    select new
                    {
                        c.ComplaintId, c.ReportedAt, c.Category, c.Subject, c.Description,
                        Complainant = r == null ? c.ComplainantName : r.LastName + ", " + r.FirstName, Resident = r == null ? null : r.ResidentId,
                        c.Purok, c.Location, c.Status, c.Priority, Assigned = u == null ? null : u.FullName, c.Confidential, c.ResolvedAt,
                    }).AsAsyncEnumerable();
        await foreach (var c in rows.WithCancellation(ct))
        {
            yield return
            [
                c.ComplaintId, ExportDatasetSource.Manila(c.ReportedAt), ExportLabels.Of(categories, c.Category), c.Subject, c.Description, c.Complainant,
                c.Resident, ExportLabels.Of(puroks, c.Purok), c.Location, c.Status, c.Priority, c.Assigned, c.Confidential ? "Yes" : "No",
                ExportDatasetSource.Manila(c.ResolvedAt),
            ];
        }
    }
}
