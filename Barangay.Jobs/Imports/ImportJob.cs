using Microsoft.EntityFrameworkCore.Storage;
using System.Text;
using System.Text.Json;
using Barangay.Data;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Files;
using Barangay.Data.Households;
using Barangay.Data.Imports;
using Barangay.Data.Localization;
using Barangay.Data.Notifications;
using Barangay.Data.Residents;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Barangay.Jobs.Imports;

/// <summary>
/// Commits an import. First it checks every row again against the records as they are now and writes the plan — the
/// rejected rows with reasons, and one block of human IDs for the accepted rows — in one transaction. Then it writes the
/// accepted rows in chunks; each chunk commits together with <c>records_imported</c>, so after a crash the job (re-run by
/// the sweeper) continues at the first unwritten row: nothing twice, nothing lost. Row k of the accepted rows always
/// gets the k-th ID of the block, which the unique <c>resident_id</c> also guards, and which makes a rollback exact.
/// </summary>
public sealed class ImportJob(IDbContextFactory<BarangayDbContext> factory, GeneratedFiles files, TimeProvider clock, ILogger<ImportJob> log)
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);
    public const int ChunkSize = 2_000;
    public const string DoneType = "import_done";

    /// <summary>For tests and the restart drill: called after each chunk commits with the rows written so far.</summary>
    public Func<int, Task>? AfterChunk { get; set; }

    /// <summary>
    /// Claims the row: a new import (validating, no report yet), or one silent for <see cref="StaleAfter"/>. One
    /// autocommit UPDATE, which the execution strategy runs again when its answer is lost in a failover although it
    /// committed: the row then carries this run's own moment (<paramref name="now"/>) and is claimed again, so the run
    /// goes on instead of leaving the import waiting until it goes stale. Another run's claim carries another moment.
    /// </summary>
    public static Task<int> ClaimAsync(BarangayDbContext db, Guid id, DateTime now, CancellationToken ct)
    {
        var stale = now - StaleAfter;
        return db.Imports
            .Where(i => i.Id == id && ((i.Status == ImportStatuses.Validating && (i.Report == null || i.UpdatedAt < stale || i.UpdatedAt == now))
                                       || (i.Status == ImportStatuses.Processing && (i.UpdatedAt < stale || i.UpdatedAt == now))))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.UpdatedAt, now).SetProperty(i => i.Report, i => i.Report ?? "{}"), ct);
    }

    [AutomaticRetry(Attempts = 0)] // a failure is recorded on the row, in words
    [JobDisplayName("Import {0}")]
    public async Task RunAsync(Guid id, CancellationToken ct)
    {
        DataImport row;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if (await ClaimAsync(db, id, clock.GetUtcNow().UtcDateTime, ct) == 0) return; // another run has it, or it is done
            row = await db.Imports.AsNoTracking().SingleAsync(i => i.Id == id, ct);
        }

        var mapping = ImportService.MappingOf(row.Mapping);
        // The rows' problems, the failure and the rejected-rows file are read by the official who committed the import.
        using var language = LanguageScope.Use(mapping?.Language);
        try
        {
            if (mapping is null) throw new InvalidDataException("The import has no mapping.");
            var bytes = await files.ReadAsync(mapping.FileId, ct);
            if (bytes is null) { await FailAsync(row, Texts.Say("The uploaded file is no longer available; upload it again."), ct); return; }
            var (sheet, refusal) = ImportFile.Open(row.FileName ?? "", bytes);
            if (sheet is null) { await FailAsync(row, refusal!, ct); return; }

            var report = ImportService.ReportOf(row.Report);
            if (report is null || report.Year == 0) report = await PlanAsync(row, mapping, sheet, ct);
            var written = await WriteAsync(row, mapping, sheet, report, ct);
            await FinishAsync(row, report, written, sheet, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Import {ImportId} failed", row.ImportId);
            await FailAsync(row, Texts.Say("The import stopped because of an error ({0}). The rows written so far can be rolled back; then try again.", ex.GetType().Name), ct);
        }
    }

    /// <summary>Checks every row and reserves the IDs, in one transaction with the report that records both.</summary>
    private async Task<ImportReport> PlanAsync(DataImport row, ImportMapping mapping, ImportSheet sheet, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var checker = await ImportChecker.CreateAsync(db, row.DatasetTarget, mapping, TimeZones.ManilaToday(clock), ct);
        await checker.LoadHeadsAsync(sheet.Rows, ct);
        var rejected = new List<ImportRowError>();
        var preview = checker.Preview(sheet.Rows, r => { if (r.Errors.Count > 0) rejected.AddRange(r.Errors); });
        var year = TimeZones.ManilaToday(clock).Year;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var attempt = await factory.CreateDbContextAsync(ct);
            await using var tx = await attempt.Database.BeginTransactionAsync(ct);
            var prefix = row.DatasetTarget == ImportTargets.Households ? HumanIds.Household : HumanIds.Resident;
            var first = preview.Valid > 0 ? await HumanIds.ReserveAsync(attempt, prefix, year, preview.Valid, ct) : 0;
            var report = new ImportReport(rejected, year, first, preview.Valid);
            var json = JsonSerializer.Serialize(report, ImportService.Json);
            var now = clock.GetUtcNow().UtcDateTime;
            await attempt.Imports.Where(i => i.Id == row.Id).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Report, json).SetProperty(i => i.Status, ImportStatuses.Processing).SetProperty(i => i.RecordsTotal, preview.Total)
                .SetProperty(i => i.RecordsFailed, preview.Total - preview.Valid).SetProperty(i => i.RecordsImported, 0).SetProperty(i => i.UpdatedAt, now), ct);
            await tx.CommitAsync(ct);
            return report;
        });
    }

    private async Task<int> WriteAsync(DataImport row, ImportMapping mapping, ImportSheet sheet, ImportReport report, CancellationToken ct)
    {
        int done;
        await using (var db = await factory.CreateDbContextAsync(ct))
            done = await db.Imports.Where(i => i.Id == row.Id).Select(i => i.RecordsImported ?? 0).SingleAsync(ct);
        var rejectedRows = report.Rejected.Select(e => e.Row).ToHashSet();
        var today = TimeZones.ManilaToday(clock);
        var residents = new ResidentImportRows(mapping, new PurokNames([]), today);
        ImportChecker? households = null;
        if (row.DatasetTarget == ImportTargets.Households)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            households = await ImportChecker.CreateAsync(db, row.DatasetTarget, mapping, today, ct);
            await households.LoadHeadsAsync(sheet.Rows, ct);
        }
        var puroks = await PurokNamesAsync(ct);
        residents = new ResidentImportRows(mapping, puroks, today);

        var chunk = new List<(long Number, string[] Cells, int Row)>(ChunkSize);
        var index = 0; // among accepted rows
        var rowNumber = 1;
        foreach (var cells in sheet.Rows)
        {
            rowNumber++;
            if (rejectedRows.Contains(rowNumber)) continue;
            if (index++ < done) continue;
            if (index > report.Accepted) break;
            chunk.Add((report.FirstNumber + index - 1, cells, rowNumber));
            if (chunk.Count == ChunkSize)
            {
                done = await CommitChunkAsync(row, chunk, residents, households, report.Year, done, ct);
                chunk.Clear();
            }
        }
        if (chunk.Count > 0) done = await CommitChunkAsync(row, chunk, residents, households, report.Year, done, ct);
        return done;
    }

    private async Task<int> CommitChunkAsync(DataImport row, List<(long Number, string[] Cells, int Row)> chunk, ResidentImportRows residents,
        ImportChecker? households, int year, int done, CancellationToken ct)
    {
        var total = done + chunk.Count;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var attempt = await factory.CreateDbContextAsync(ct);
                await using var tx = await attempt.Database.BeginTransactionAsync(ct);
                if (households is null) await WriteResidentsAsync(attempt, chunk, residents, year, ct);
                else await WriteHouseholdsAsync(attempt, chunk, households, year, ct);
                var now = clock.GetUtcNow().UtcDateTime;
                await attempt.Imports.Where(i => i.Id == row.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.RecordsImported, total).SetProperty(i => i.RollbackAvailable, true).SetProperty(i => i.UpdatedAt, now), ct);
                await tx.CommitAsync(ct);
            });
        }
        if (AfterChunk is { } after) await after(total);
        return total;
    }

    private static async Task WriteResidentsAsync(BarangayDbContext db, List<(long Number, string[] Cells, int Row)> chunk, ResidentImportRows reader, int year, CancellationToken ct)
    {
        var rows = new List<Resident>(chunk.Count);
        foreach (var (number, cells, rowNumber) in chunk)
        {
            var (edit, errors) = reader.Read(rowNumber, cells);
            if (edit is null) throw new InvalidDataException($"Row {rowNumber} no longer passes: {errors.FirstOrDefault()?.Message}");
            rows.Add(ResidentImportRows.ToResident(edit, HumanIds.Format(HumanIds.Resident, year, number)));
        }
        await ResidentCopy.WriteAsync((NpgsqlConnection)db.Database.GetDbConnection(), rows, ct);
        // COPY bypasses SaveChanges, so the names go into the search dictionary here, in the chunk's transaction.
        await ResidentNames.RememberAsync(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), rows, ct);
    }

    private static async Task WriteHouseholdsAsync(BarangayDbContext db, List<(long Number, string[] Cells, int Row)> chunk, ImportChecker checker, int year, CancellationToken ct)
    {
        var households = new List<Household>();
        foreach (var (number, cells, rowNumber) in chunk)
        {
            if (checker.Check(rowNumber, cells).Item is not HouseholdDraft draft) throw new InvalidDataException($"Row {rowNumber} no longer passes.");
            var h = new Household { Id = Guid.NewGuid(), HouseholdId = HumanIds.Format(HumanIds.Household, year, number), Purok = draft.Purok, Address = draft.Address, HeadResidentId = draft.HeadId };
            households.Add(h);
            db.Households.Add(h);
            db.HouseholdMembers.Add(new HouseholdMember { HouseholdId = h.Id, ResidentId = draft.HeadId, Relation = HouseholdService.HeadRelation });
        }
        await db.SaveChangesAsync(ct);
        foreach (var h in households)
            await db.Residents.Where(r => r.Id == h.HeadResidentId).ExecuteUpdateAsync(s => s.SetProperty(r => r.HouseholdId, h.Id), ct);
    }

    private async Task FinishAsync(DataImport row, ImportReport report, int written, ImportSheet sheet, CancellationToken ct)
    {
        Guid? reportFile = null;
        if (report.Rejected.Count > 0)
        {
            var csv = RejectedRowsCsv(sheet, report);
            reportFile = (await files.StoreAsync($"{row.ImportId}-rejected-rows.csv", "text/csv", "csv", csv, FileSensitivity.Import, row.RequestedBy,
                ImportService.TargetType, row.Id.ToString(), ct)).Id;
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        var entity = await db.Imports.SingleAsync(i => i.Id == row.Id, ct);
        entity.Status = ImportStatuses.Completed;
        entity.RecordsImported = written;
        entity.RollbackAvailable = written > 0;
        entity.Report = JsonSerializer.Serialize(report with { CompletedAt = clock.GetUtcNow().UtcDateTime, ReportFileId = reportFile }, ImportService.Json);
        db.Record(AuditActions.Import, ImportService.TargetType, row.Id.ToString(), new
        {
            step = "completed", import_id = row.ImportId, target = row.DatasetTarget, imported = written, rejected = entity.RecordsFailed,
        }, new AuditActor(row.RequestedBy, null, null, null, null));
        // A key with arguments, rendered in the reader's language when the notification is read.
        var count = (int n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        await NotificationService.AddAsync(db, [row.RequestedBy], DoneType, NotificationPayload.From(row.DatasetTarget == ImportTargets.Households
            ? new Message("Import {0}: {1} households imported, {2} rows rejected.", row.ImportId, count(written), count(entity.RecordsFailed ?? 0))
            : new Message("Import {0}: {1} residents imported, {2} rows rejected.", row.ImportId, count(written), count(entity.RecordsFailed ?? 0)), "/imports"), ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task FailAsync(DataImport row, string reason, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var entity = await db.Imports.SingleAsync(i => i.Id == row.Id, ct);
        var report = ImportService.ReportOf(entity.Report);
        entity.Status = ImportStatuses.Failed;
        entity.RollbackAvailable = (entity.RecordsImported ?? 0) > 0 && report is { Year: > 0 };
        entity.Report = JsonSerializer.Serialize((report is { Year: > 0 } ? report : new ImportReport([], 0, 0, 0)) with { Failure = reason }, ImportService.Json);
        db.Record(AuditActions.Import, ImportService.TargetType, row.Id.ToString(), new { step = "failed", import_id = row.ImportId, reason },
            new AuditActor(row.RequestedBy, null, null, null, null));
        await db.SaveChangesAsync(ct);
    }

    private async Task<PurokNames> PurokNamesAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.LookupValues.AsNoTracking().Where(l => l.Category == Barangay.Data.Settings.LookupCategories.Purok && !l.Retired)
            .Select(l => new { l.Code, l.Label }).ToListAsync(ct);
        return new PurokNames(rows.Select(l => (l.Code, l.Label)));
    }

    /// <summary>The rejected rows as they were in the file, with a first column of reasons: fix them there and import that file.</summary>
    public static byte[] RejectedRowsCsv(ImportSheet sheet, ImportReport report)
    {
        var reasons = report.Rejected.GroupBy(e => e.Row).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.Message)));
        var sb = new StringBuilder();
        sb.Append(Quote(Texts.Say("Row"))).Append(',').Append(Quote(Texts.Say("Reasons")));
        foreach (var h in sheet.Headers) sb.Append(',').Append(Quote(h));
        sb.Append("\r\n");
        var rowNumber = 1;
        foreach (var cells in sheet.Rows)
        {
            rowNumber++;
            if (!reasons.TryGetValue(rowNumber, out var why)) continue;
            sb.Append(rowNumber).Append(',').Append(Quote(why));
            foreach (var c in cells) sb.Append(',').Append(Quote(c));
            sb.Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static string Quote(string s)
    {
        s = ImportCells.LooksLikeFormula(s) ? "'" + s : s;
        return s.IndexOfAny([',', '"', '\r', '\n', ';']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }
}
