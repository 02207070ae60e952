using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Barangay.Data.Localization;

namespace Barangay.Data.Imports;

public sealed partial class ImportService
{
    /// <summary>Hands the import to the job, which checks every row again against the records as they are then and writes the accepted ones.</summary>
    public async Task<ServiceResult<bool>> CommitAsync(Guid id, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var row = await MineQuery(db, caller).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (row is null) return ServiceResult<bool>.NotFound();
        if (row.Status != ImportStatuses.Uploaded) return ServiceResult<bool>.Success(false); // a double click: already committed
        var mapping = MappingOf(row.Mapping)!;
        var missing = ImportChecker.MissingRequired(row.DatasetTarget, mapping);
        if (missing.Count > 0) return ServiceResult<bool>.Invalid("Mapping", Texts.Say("Choose the column for {0} first.", string.Join(", ", missing.Select(m => Texts.Say(m)))));
        if (PreviewOf(row.PreviewErrors) is { Valid: 0 }) return ServiceResult<bool>.Invalid("Mapping", Texts.Say("No row of this file can be imported; fix the file or the mapping first."));
        row.Status = ImportStatuses.Validating;
        // The job checks the rows again with no page around it: it words their problems in the committer's language.
        row.Mapping = System.Text.Json.JsonSerializer.Serialize(mapping with { Language = AppLanguages.CodeOf(AppLanguages.Current) }, Json);
        db.Record(AuditActions.Import, TargetType, row.Id.ToString(), new { step = "commit", import_id = row.ImportId, target = row.DatasetTarget, rows = row.RecordsTotal });
        await db.SaveChangesAsync(ct);
        // After the commit: the sweeper re-dispatches an import left validating if the app stops in between.
        await dispatcher.DispatchAsync(id, ct);
        return ServiceResult<bool>.Success(true);
    }

    /// <summary>
    /// Removes exactly the batch's rows — the block of human IDs it took — and nothing else. Refused once any imported
    /// record is used elsewhere (a document request, a household, an account), which the database's keys tell.
    /// </summary>
    public async Task<ServiceResult<int>> RollbackAsync(Guid id, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var row = await MineQuery(db, caller).AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (row is null) return ServiceResult<int>.NotFound();
        if (!row.RollbackAvailable || row.Status is not (ImportStatuses.Completed or ImportStatuses.Failed) || ReportOf(row.Report) is not { } report)
            return ServiceResult<int>.Conflict(Texts.Say("This import cannot be rolled back."));
        var codes = ImportedCodes(row.DatasetTarget, report, row.RecordsImported ?? 0);
        try
        {
            return ServiceResult<int>.Success(await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                var (attempt, _) = await dbs.OpenAsync(ct);
                await using var __ = attempt;
                await using var tx = await attempt.Database.BeginTransactionAsync(ct);
                var claimed = await attempt.Imports.Where(i => i.Id == id && i.RollbackAvailable)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.RollbackAvailable, false).SetProperty(i => i.Status, ImportStatuses.RolledBack)
                        .SetProperty(i => i.Report, ReportJson(report with { RolledBackAt = clock.GetUtcNow().UtcDateTime })), ct);
                if (claimed == 0) return 0;
                var removed = 0;
                foreach (var chunk in codes.Chunk(10_000))
                {
                    if (row.DatasetTarget == ImportTargets.Households)
                    {
                        var ids = await attempt.Households.IgnoreQueryFilters().Where(h => chunk.Contains(h.HouseholdId)).Select(h => h.Id).ToListAsync(ct);
                        await attempt.Residents.IgnoreQueryFilters().Where(r => r.HouseholdId != null && ids.Contains(r.HouseholdId.Value))
                            .ExecuteUpdateAsync(s => s.SetProperty(r => r.HouseholdId, (Guid?)null), ct);
                        await attempt.HouseholdMembers.Where(m => ids.Contains(m.HouseholdId)).ExecuteDeleteAsync(ct);
                        removed += await attempt.Households.IgnoreQueryFilters().Where(h => ids.Contains(h.Id)).ExecuteDeleteAsync(ct);
                    }
                    else removed += await attempt.Residents.IgnoreQueryFilters().Where(r => chunk.Contains(r.ResidentId)).ExecuteDeleteAsync(ct);
                }
                attempt.Record(AuditActions.Import, TargetType, id.ToString(), new { step = "rollback", import_id = row.ImportId, target = row.DatasetTarget, removed });
                await attempt.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return removed;
            }));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            return ServiceResult<int>.Conflict(Texts.Say("Some imported records are already used elsewhere (for example in a household or a document request), so the batch can no longer be rolled back."));
        }
    }

    /// <summary>The human IDs the batch wrote: the first <paramref name="written"/> of its block.</summary>
    public static IReadOnlyList<string> ImportedCodes(string target, ImportReport report, int written)
    {
        var prefix = target == ImportTargets.Households ? HumanIds.Household : HumanIds.Resident;
        return Enumerable.Range(0, Math.Min(written, report.Accepted)).Select(k => HumanIds.Format(prefix, report.Year, report.FirstNumber + k)).ToList();
    }

    private static string ReportJson(ImportReport report) => System.Text.Json.JsonSerializer.Serialize(report, Json);
}
