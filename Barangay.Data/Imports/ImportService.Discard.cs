using Barangay.Data.Audit;
using Barangay.Data.Common;
using Microsoft.EntityFrameworkCore;
using Barangay.Data.Localization;

namespace Barangay.Data.Imports;

public sealed partial class ImportService
{
    /// <summary>
    /// Throws away an uploaded preview that was never committed: its <c>imports</c> row and the uploaded file (a
    /// spreadsheet of residents' details must not be kept for nothing, Data Privacy Act). Abandoned previews piled
    /// up in "Your imports" with no way to remove them. Only the requester's own, and only before commit; the audit
    /// row keeps what was discarded.
    /// </summary>
    public async Task<ServiceResult<bool>> DiscardAsync(Guid id, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var row = await MineQuery(db, caller).AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (row is null) return ServiceResult<bool>.NotFound();
        if (row.Status != ImportStatuses.Uploaded)
            return ServiceResult<bool>.Conflict(Texts.Say("This import was already committed, so it cannot be discarded; roll it back instead if it is finished."));
        var fileId = MappingOf(row.Mapping)?.FileId;
        var storeKey = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            var (attempt, _) = await dbs.OpenAsync(ct);
            await using var __ = attempt;
            await using var tx = await attempt.Database.BeginTransactionAsync(ct);
            // Only while still a preview: a commit that got there first wins, and the preview is not half-removed.
            if (await attempt.Imports.Where(i => i.Id == id && i.Status == ImportStatuses.Uploaded).ExecuteDeleteAsync(ct) == 0) return (string?)null;
            var file = fileId is { } f ? await attempt.Files.FirstOrDefaultAsync(x => x.Id == f, ct) : null;
            if (file is not null) attempt.Files.Remove(file);
            attempt.Record(AuditActions.Delete, TargetType, row.Id.ToString(), new
            {
                step = "discard", import_id = row.ImportId, target = row.DatasetTarget, file_name = row.FileName, rows = row.RecordsTotal, file_id = fileId,
            });
            await attempt.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return file?.Url ?? "";
        });
        if (storeKey is null) return ServiceResult<bool>.Conflict(Texts.Say("This import was already committed, so it cannot be discarded."));
        // Rows first (with the audit row), then the bytes: a crash in between leaves encrypted bytes no row points to.
        if (storeKey.Length > 0) await files.DeleteBytesAsync(storeKey, ct);
        return ServiceResult<bool>.Success(true);
    }
}
