using System.Text.Json;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Files;
using Barangay.Data.Localization;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Exports;

/// <summary>
/// Officials and admins ask for an export; a job makes the file (see <c>ExportJob</c>). Each request and each
/// download is audited; the file is the requester's alone and is removed after its retention.
/// </summary>
public sealed class ExportService(BarangayDb dbs, IExportDispatcher dispatcher, TimeProvider clock)
{
    public const string TargetType = "Export";
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<ServiceResult<Guid>> RequestAsync(ExportRequest request, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        // A resident (or anyone without exports.run) learns nothing, not even that exports exist.
        if (!caller.Can(Permissions.Exports.Run) || caller.UserId is not { } me) return ServiceResult<Guid>.NotFound();
        if (!ExportDatasets.All.Contains(request.Dataset))
            return ServiceResult<Guid>.Invalid(nameof(request.Dataset), Texts.Say("Dataset must be one of: {0}.", string.Join(", ", ExportDatasets.All)));
        if (!ExportDatasetSource.MayExport(caller, request.Dataset))
            return ServiceResult<Guid>.Invalid(nameof(request.Dataset), Texts.Say("Your account cannot see {0}, so it cannot export them.", Texts.Say(ExportDatasets.Label(request.Dataset)).ToLower(AppLanguages.Current)));
        if (!ExportFormats.All.Contains(request.Format))
            return ServiceResult<Guid>.Invalid(nameof(request.Format), Texts.Say("Format must be one of: {0}.", string.Join(", ", ExportFormats.All)));
        if (ExportRequestValidator.Validate(request) is { } invalid) return ServiceResult<Guid>.Invalid(invalid.Field, invalid.Message);

        var custom = request.Dataset == ExportDatasets.Custom;
        var filters = new ExportFilters(Blank(request.Purok), Blank(request.Status))
        {
            From = request.From, To = request.To,
            Sex = custom ? Blank(request.Sex) : null, MinAge = custom ? request.MinAge : null, MaxAge = custom ? request.MaxAge : null,
            Columns = custom ? ExportRequestValidator.CustomColumns(request) : null,
        };
        var id = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            var (attempt, _) = await dbs.OpenAsync(ct);
            await using var __ = attempt;
            await using var tx = await attempt.Database.BeginTransactionAsync(ct);
            var export = new DataExport
            {
                Id = Guid.NewGuid(), RequestedBy = me, RequestedAt = clock.GetUtcNow().UtcDateTime, Dataset = request.Dataset,
                Format = request.Format, Status = ExportStatuses.Queued, Filters = JsonSerializer.Serialize(filters, Json),
            };
            export.ExportId = await HumanIds.NextAsync(attempt, HumanIds.Export, ct: ct);
            attempt.Exports.Add(export);
            attempt.Record(AuditActions.Export, TargetType, export.Id.ToString(), new
            {
                export_id = export.ExportId, dataset = export.Dataset, format = export.Format, purok = filters.Purok, status = filters.Status,
                from = filters.From, to = filters.To, sex = filters.Sex, min_age = filters.MinAge, max_age = filters.MaxAge, columns = filters.Columns,
            });
            await attempt.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return export.Id;
        });
        // After the commit: the sweeper re-dispatches a row left queued if the app stops in between.
        await dispatcher.DispatchAsync(id, ct);
        return ServiceResult<Guid>.Success(id);
    }

    /// <summary>The datasets the caller may export (the form offers only these; <see cref="RequestAsync"/> checks again).</summary>
    public async Task<IReadOnlyList<string>> DatasetsAsync(CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        return ExportDatasets.All.Where(d => ExportDatasetSource.MayExport(caller, d)).ToList();
    }

    /// <summary>The caller's own exports, newest first. Nobody lists or downloads another user's export.</summary>
    public async Task<IReadOnlyList<ExportRow>> MineAsync(int take = 20, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Exports.Run) || caller.UserId is not { } me) return [];
        var rows = await db.Exports.AsNoTracking().Where(e => e.RequestedBy == me)
            .OrderByDescending(e => e.RequestedAt).ThenByDescending(e => e.ExportId).Take(Math.Clamp(take, 1, 100)).ToListAsync(ct);
        return rows.Select(e => new ExportRow(e.Id, e.ExportId, e.Dataset, e.Format, e.Status, e.RecordsCount, e.RequestedAt, e.RetentionUntil,
            // The file's own address, no signed link: it downloads only in the requester's signed-in session (FileSensitivity.TravelsByLink).
            e.Status == ExportStatuses.Ready && PhotoFiles.FileIdOf(e.DownloadUrl) is { } file ? PhotoFiles.UrlOf(file) : null,
            e.Status == ExportStatuses.Failed ? FiltersOf(e.Filters).Failure : null)).ToList();
    }

    public static ExportFilters FiltersOf(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return new ExportFilters(null, null);
        try
        {
            return JsonSerializer.Deserialize<ExportFilters>(json, Json) ?? new ExportFilters(null, null);
        }
        catch (JsonException)
        {
            return new ExportFilters(null, null);
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
