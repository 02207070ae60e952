using Barangay.Data;
using Barangay.Data.Audit;
using Barangay.Data.Files;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Jobs.Maintenance;

/// <summary>
/// An export's file is kept until its <c>retention_until</c> (settings: 7 days by default), then its bytes and its
/// <c>files</c> row are removed and the export says <c>expired</c> — a spreadsheet of the whole register must not
/// outlive its purpose (Data Privacy Act). An export's <c>download_url</c> is <c>/files/{id}</c>.
/// </summary>
public sealed class ExportFilePurge(IDbContextFactory<BarangayDbContext> factory, IFileStore store, TimeProvider clock) : IPurgeStep
{
    public const string Ready = Barangay.Data.Exports.ExportStatuses.Ready;
    public const string Expired = Barangay.Data.Exports.ExportStatuses.Expired;
    private const int BatchSize = 200;

    public async Task<string> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        int exports = 0, files = 0;
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var due = await db.Exports.Where(e => e.Status == Ready && e.RetentionUntil != null && e.RetentionUntil < now)
                .OrderBy(e => e.RetentionUntil).Take(BatchSize).ToListAsync(ct);
            if (due.Count == 0) break;
            var fileIds = due.Select(e => PhotoFiles.FileIdOf(e.DownloadUrl)).OfType<Guid>().ToList();
            var rows = await db.Files.Where(f => fileIds.Contains(f.Id)).ToListAsync(ct);
            db.Files.RemoveRange(rows);
            foreach (var export in due)
            {
                db.Record(AuditActions.Delete, "Export", export.Id.ToString(), new
                {
                    reason = "retention ended", export_id = export.ExportId, export.Dataset, retention_until = export.RetentionUntil,
                    file_id = PhotoFiles.FileIdOf(export.DownloadUrl),
                });
                export.Status = Expired;
                export.DownloadUrl = null;
            }
            // Rows first (with their audit rows), then the bytes: a crash in between leaves encrypted bytes no row
            // points to, never a link to a file that is gone.
            await db.SaveChangesAsync(ct);
            foreach (var row in rows) await store.DeleteAsync(row.Url, ct);
            exports += due.Count;
            files += rows.Count;
        }
        return $"{exports} expired export(s) and {files} export file(s)";
    }
}
