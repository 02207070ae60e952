using System.Text.Json;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Accounts;
using Barangay.Data.Files;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;
using Barangay.Data.Localization;

namespace Barangay.Data.Imports;

/// <summary>
/// Imports of residents and households (admins and the secretary): upload a CSV or XLSX, correct the guessed column
/// mapping while the preview names every row's problems, commit (a job writes the accepted rows), download the rejected
/// rows, and roll the whole batch back. An import is its requester's alone.
/// </summary>
public sealed partial class ImportService(BarangayDb dbs, GeneratedFiles files, IImportDispatcher dispatcher, TimeProvider clock)
{
    public const string TargetType = "Import";
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Reads the upload (refusing past <see cref="ImportFile.MaxBytes"/> without reading the rest), stores it, guesses the mapping and checks every row.</summary>
    public async Task<ServiceResult<Guid>> UploadAsync(string target, string fileName, Stream content, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Imports.Run) || caller.UserId is not { } me) return ServiceResult<Guid>.NotFound();
        if (!ImportTargets.All.Contains(target)) return ServiceResult<Guid>.Invalid("Target", Texts.Say("Import into one of: {0}.", string.Join(", ", ImportTargets.All.Select(t => Texts.Say(t)))));
        var name = FileService.DisplayName(fileName);
        var bytes = await ReadAtMostAsync(content, ImportFile.MaxBytes, ct);
        if (bytes is null) return ServiceResult<Guid>.Invalid("File", Texts.Say("This file is larger than {0} MB, the most an import takes. Split it into smaller files.", ImportFile.MaxBytes / (1024 * 1024)));
        var (sheet, refusal) = ImportFile.Open(name, bytes);
        if (sheet is null) return ServiceResult<Guid>.Invalid("File", refusal!);

        var columns = ImportFields.Guess(target, sheet.Headers);
        var stored = await files.StoreAsync(name, ImportFile.IsXlsx(name) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv",
            ImportFile.IsXlsx(name) ? "xlsx" : "csv", bytes, FileSensitivity.Import, me, TargetType, "", ct);
        var mapping = new ImportMapping(stored.Id, sheet.Headers, columns);
        var today = TimeZones.ManilaToday(clock);
        var preview = await PreviewAsync(db, target, mapping, sheet, today, ct);
        if (preview.Total > ImportFile.MaxRows)
            return ServiceResult<Guid>.Invalid("File", Texts.Say("This file has {0:N0} rows; an import takes at most {1:N0}. Split it into smaller files.", preview.Total, ImportFile.MaxRows));
        if (preview.Total == 0) return ServiceResult<Guid>.Invalid("File", Texts.Say("The file has a header row but no data rows."));

        return ServiceResult<Guid>.Success(await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            var (attempt, _) = await dbs.OpenAsync(ct);
            await using var __ = attempt;
            await using var tx = await attempt.Database.BeginTransactionAsync(ct);
            var row = new DataImport
            {
                Id = Guid.NewGuid(), RequestedBy = me, RequestedAt = clock.GetUtcNow().UtcDateTime, DatasetTarget = target, FileName = name,
                Status = ImportStatuses.Uploaded, Mapping = JsonSerializer.Serialize(mapping, Json), PreviewErrors = JsonSerializer.Serialize(preview, Json),
                RecordsTotal = preview.Total,
            };
            row.ImportId = await HumanIds.NextAsync(attempt, HumanIds.Import, ct: ct);
            attempt.Imports.Add(row);
            attempt.Record(AuditActions.Import, TargetType, row.Id.ToString(), new
            {
                step = "upload", import_id = row.ImportId, target, file_name = name, size_bytes = bytes.Length, rows = preview.Total, valid = preview.Valid,
            });
            await attempt.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return row.Id;
        }));
    }

    /// <summary>Changes the mapping (and the date order and batch age reason) of an import not yet committed; the preview is made again.</summary>
    public async Task<ServiceResult<ImportView>> SetMappingAsync(Guid id, IReadOnlyDictionary<string, int> columns, string dateOrder, string? ageReason, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var row = await MineQuery(db, caller).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (row is null) return ServiceResult<ImportView>.NotFound();
        if (row.Status != ImportStatuses.Uploaded) return ServiceResult<ImportView>.Conflict(Texts.Say("This import was already committed; its mapping can no longer change."));
        var old = MappingOf(row.Mapping)!;
        var fields = ImportFields.Of(row.DatasetTarget).Select(f => f.Key).ToHashSet();
        var clean = columns.Where(c => c.Value >= 0).ToDictionary();
        if (clean.Keys.FirstOrDefault(k => !fields.Contains(k)) is { } unknown) return ServiceResult<ImportView>.Invalid("Mapping", Texts.Say("{0} is not a field of this import.", unknown));
        if (clean.Values.FirstOrDefault(v => v >= old.Headers.Count) is var bad && bad >= old.Headers.Count) return ServiceResult<ImportView>.Invalid("Mapping", Texts.Say("The file has no column {0}.", bad + 1));
        var twice = clean.GroupBy(c => c.Value).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            return ServiceResult<ImportView>.Invalid("Mapping", Texts.Say("Column \"{0}\" is chosen for both {1}.", old.Headers[twice.Key], string.Join(" " + Texts.Say("and") + " ", twice.Select(t => Texts.Say(ResidentImportRows.LabelOf(t.Key))))));
        if (dateOrder is not (DateOrders.Flag or DateOrders.MonthFirst or DateOrders.DayFirst)) return ServiceResult<ImportView>.Invalid("DateOrder", Texts.Say("Choose how dates such as 03/04/1990 are read."));
        var mapping = old with { Columns = clean, DateOrder = dateOrder, AgeReason = string.IsNullOrWhiteSpace(ageReason) ? null : ageReason.Trim() };

        var bytes = await files.ReadAsync(mapping.FileId, ct);
        var (sheet, refusal) = bytes is null ? (null, Texts.Say("The uploaded file is no longer available; upload it again.")) : ImportFile.Open(row.FileName ?? "", bytes);
        if (sheet is null) return ServiceResult<ImportView>.Invalid("File", refusal!);
        var preview = await PreviewAsync(db, row.DatasetTarget, mapping, sheet, TimeZones.ManilaToday(clock), ct);
        row.Mapping = JsonSerializer.Serialize(mapping, Json);
        row.PreviewErrors = JsonSerializer.Serialize(preview, Json);
        row.RecordsTotal = preview.Total;
        db.Record(AuditActions.Import, TargetType, row.Id.ToString(), new { step = "mapping", import_id = row.ImportId, columns = clean, date_order = dateOrder, valid = preview.Valid });
        await db.SaveChangesAsync(ct);
        return ServiceResult<ImportView>.Success(View(row));
    }

    public async Task<ImportView?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var row = await MineQuery(db, caller).AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        return row is null ? null : View(row);
    }

    /// <summary>The caller's imports, newest first.</summary>
    public async Task<IReadOnlyList<ImportListRow>> MineAsync(int take = 20, CancellationToken ct = default) =>
        (await MinePageAsync(0, take, ct)).Items;

    /// <summary>A page of the caller's imports, newest first, with how many there are (the list used to stop at 20).</summary>
    public async Task<Page<ImportListRow>> MinePageAsync(int page, int size, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var q = MineQuery(db, caller).AsNoTracking();
        size = Math.Clamp(size, 1, 100);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(i => i.RequestedAt).ThenByDescending(i => i.ImportId).Skip(Math.Max(0, page) * size).Take(size)
            .Select(i => new ImportListRow(i.Id, i.ImportId, i.DatasetTarget, i.FileName, i.Status, i.RequestedAt, i.RecordsTotal, i.RecordsImported, i.RecordsFailed, i.RollbackAvailable))
            .ToListAsync(ct);
        return new Page<ImportListRow>(items, total);
    }

    /// <summary>A page of the file's rows as the mapping reads them, each with its problems (from the stored preview).</summary>
    public async Task<Page<ImportPreviewRow>> PreviewRowsAsync(Guid id, int page, int size, bool onlyProblems, CancellationToken ct = default)
    {
        var view = await GetAsync(id, ct);
        if (view?.Preview is null) return new Page<ImportPreviewRow>([], 0);
        var bytes = await files.ReadAsync(view.Mapping.FileId, ct);
        if (bytes is null) return new Page<ImportPreviewRow>([], 0);
        var (sheet, _) = ImportFile.Open(view.FileName ?? "", bytes);
        if (sheet is null) return new Page<ImportPreviewRow>([], 0);
        var byRow = view.Preview.Errors.GroupBy(e => e.Row).ToDictionary(g => g.Key, g => (IReadOnlyList<ImportRowError>)g.ToList());
        var fields = MappedFields(view);
        var rows = sheet.Rows.Select((cells, i) => (Row: i + 2, Cells: cells));
        if (onlyProblems) rows = rows.Where(r => byRow.ContainsKey(r.Row));
        var all = rows.ToList();
        size = Math.Clamp(size, 1, 200);
        var items = all.Skip(Math.Max(0, page) * size).Take(size).Select(r => new ImportPreviewRow(r.Row,
            fields.Select(f => view.Mapping.Columns.TryGetValue(f.Key, out var c) && c < r.Cells.Length ? ImportCells.Shown(r.Cells[c]) : "").ToList(),
            byRow.GetValueOrDefault(r.Row) ?? [])).ToList();
        return new Page<ImportPreviewRow>(items, all.Count);
    }

    /// <summary>The fields the mapping reads, in the form's order: the preview's columns.</summary>
    public static IReadOnlyList<ImportField> MappedFields(ImportView view) =>
        ImportFields.Of(view.Target).Where(f => view.Mapping.Columns.ContainsKey(f.Key)).ToList();

    internal static async Task<ImportPreview> PreviewAsync(BarangayDbContext db, string target, ImportMapping mapping, ImportSheet sheet, DateOnly today, CancellationToken ct)
    {
        var checker = await ImportChecker.CreateAsync(db, target, mapping, today, ct);
        await checker.LoadHeadsAsync(sheet.Rows, ct);
        var missing = ImportChecker.MissingRequired(target, mapping);
        if (missing.Count > 0)
        {
            // Without a required column every row would say so; say it once, with the count of rows it affects.
            var total = sheet.Rows.Count();
            return new ImportPreview(total, 0, new Dictionary<string, int> { [ImportErrorKinds.Missing] = total },
                missing.Select(m => new ImportRowError(0, m, ImportErrorKinds.Missing, Texts.Say("No column is chosen for {0}, which every row needs.", Texts.Say(m)))).ToList());
        }
        return checker.Preview(sheet.Rows);
    }

    private static IQueryable<DataImport> MineQuery(BarangayDbContext db, Caller caller) =>
        caller.Can(Permissions.Imports.Run) && caller.UserId is { } me ? db.Imports.Where(i => i.RequestedBy == me) : db.Imports.Where(_ => false);

    private ImportView View(DataImport row)
    {
        var mapping = MappingOf(row.Mapping) ?? new ImportMapping(Guid.Empty, [], new Dictionary<string, int>());
        var report = ReportOf(row.Report);
        return new ImportView(row.Id, row.ImportId, row.DatasetTarget, row.FileName, row.Status, row.RequestedAt, mapping.Headers, mapping,
            PreviewOf(row.PreviewErrors), row.RecordsTotal, row.RecordsImported, row.RecordsFailed, row.RollbackAvailable, report?.Failure,
            report?.ReportFileId is { } f ? PhotoFiles.UrlOf(f) : null); // session only, like an export
    }

    public static ImportMapping? MappingOf(string? json) => Read<ImportMapping>(json);
    public static ImportPreview? PreviewOf(string? json) => Read<ImportPreview>(json);
    public static ImportReport? ReportOf(string? json) => Read<ImportReport>(json);

    private static T? Read<T>(string? json) where T : class
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<byte[]?> ReadAtMostAsync(Stream content, long max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            total += read;
            if (total > max) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
