using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Exports.Datasets;

/// <summary>The whole audit trail for admins (<c>audit.view</c>), oldest first, with each row's details JSON as stored.</summary>
public static class AuditExportRows
{
    public static readonly IReadOnlyList<string> Headers =
    [
        "Time (Manila)", "Actor", "Action", "Target type", "Target ID", "IP address", "User agent", "Correlation ID", "Details",
    ];

    public static async IAsyncEnumerable<object?[]> Read(BarangayDbContext db, ExportFilters f, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var rows = ExportDatasetSource.Within(db.AuditLogs.AsNoTracking(), f, a => a.Timestamp).OrderBy(a => a.Timestamp).ThenBy(a => a.Id)
            .Select(a => new { a.Timestamp, a.ActorName, a.ActionType, a.TargetType, a.TargetId, a.IpAddress, a.UserAgent, a.CorrelationId, a.Details })
            .AsAsyncEnumerable();
        await foreach (var a in rows.WithCancellation(ct))
        {
            yield return
            [
                ExportDatasetSource.Manila(a.Timestamp), a.ActorName, a.ActionType, a.TargetType, a.TargetId, a.IpAddress, a.UserAgent,
                a.CorrelationId?.ToString(), a.Details,
            ];
        }
    }
}
