using Barangay.Data;
using Barangay.Data.Accounts;
using Barangay.Data.Common;
using Barangay.Data.Exports;
using Barangay.Data.Files;
using Barangay.Data.Notifications;
using Barangay.Data.Settings;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Barangay.Jobs.Exports;

/// <summary>
/// Makes one export's file: claims the row (queued, or processing but silent for <see cref="StaleAfter"/> after a crash),
/// streams the dataset into the format with live <c>records_count</c>, stores the file for the requester alone, and
/// ends <c>ready</c> with its retention, or <c>failed</c> with the reason in plain words. The requester is notified
/// either way; an unusually large day of resident exports by one user notifies the admins.
/// </summary>
public sealed class ExportJob(IDbContextFactory<BarangayDbContext> factory, GeneratedFiles files, TimeProvider clock, ILogger<ExportJob> log)
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);
    public const int DefaultRetentionDays = SettingsService.DefaultExportRetentionDays;
    public const int DefaultUnusualResidents = SettingsService.DefaultExportUnusualResidents;
    public const string ReadyType = "export_ready";
    public const string FailedType = "export_failed";
    public const string UnusualType = "export_unusual";

    /// <summary>
    /// Claims the row: queued, or processing but silent for <see cref="StaleAfter"/>. One autocommit UPDATE, which the
    /// execution strategy runs again when its answer is lost in a failover although it committed: the row then carries
    /// this run's own moment (<paramref name="now"/>), which is claimed again, so the run goes on instead of leaving
    /// the export in "processing" until it goes stale. Another run's claim carries another moment.
    /// </summary>
    public static Task<int> ClaimAsync(BarangayDbContext db, Guid id, DateTime now, CancellationToken ct)
    {
        var stale = now - StaleAfter;
        return db.Exports
            .Where(e => e.Id == id && (e.Status == ExportStatuses.Queued
                                       || (e.Status == ExportStatuses.Processing && (e.UpdatedAt < stale || e.UpdatedAt == now))))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, ExportStatuses.Processing).SetProperty(e => e.UpdatedAt, now).SetProperty(e => e.RecordsCount, 0), ct);
    }

    [AutomaticRetry(Attempts = 0)] // a failure is recorded on the row, in words, for the requester
    [JobDisplayName("Export {0}")]
    public async Task RunAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        DataExport export;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if (await ClaimAsync(db, id, now, ct) == 0) return; // another run has it, or it is done
            export = await db.Exports.AsNoTracking().SingleAsync(e => e.Id == id, ct);
        }

        try
        {
            var filters = ExportService.FiltersOf(export.Filters);
            using var buffer = new MemoryStream();
            int count;
            await using (var db = await factory.CreateDbContextAsync(ct))
            {
                // The requester's rights now, not when they asked: a demoted official's queued export exports nothing.
                var requester = await ExportRequester.LoadAsync(db, export.RequestedBy, ct);
                if (!ExportDatasetSource.MayExport(requester, export.Dataset))
                    throw new ExportRefusedException($"Your account can no longer export {ExportDatasets.Label(export.Dataset).ToLowerInvariant()}.");
                var table = ExportDatasetSource.Open(db, export.Dataset, filters, TimeZones.ManilaToday(clock), requester);
                var profile = export.Format == ExportFormats.Pdf ? await new BarangayProfileService(factory).GetAsync(ct) : null;
                var words = Barangay.Data.Reports.PrintLanguage.Of(profile?.ReportLanguage);
                var title = words.Say("{0} — export {1}", words.Term(ExportDatasets.Label(export.Dataset)), export.ExportId);
                var progress = new ExportProgress(written => ProgressAsync(id, written, ct));
                count = await ExportWriters.WriteAsync(export.Format, table, buffer, progress, new ExportPdfHeading(title, profile, clock.GetUtcNow().UtcDateTime), ct);
            }
            var extension = export.Format.ToLowerInvariant();
            var file = await files.StoreAsync($"{export.ExportId}-{export.Dataset.ToLowerInvariant()}.{extension}", ExportFormats.ContentType(export.Format), extension,
                buffer.ToArray(), FileSensitivity.Export, export.RequestedBy, ExportService.TargetType, export.Id.ToString(), ct);
            await FinishAsync(export, file.Id, count, ct);
        }
        catch (ExportRefusedException refused)
        {
            await FailAsync(export, refused.Message, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Export {ExportId} failed", export.ExportId);
            await FailAsync(export, "The export could not be completed (" + ex.GetType().Name + "). Please try again; if it fails again, tell the administrator.", ct);
        }
    }

    private async Task ProgressAsync(Guid id, int written, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Exports.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.RecordsCount, written).SetProperty(e => e.UpdatedAt, now), ct);
    }

    private async Task FinishAsync(DataExport export, Guid fileId, int count, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.Exports.SingleAsync(e => e.Id == export.Id, ct);
        var days = await SettingAsync(db, SettingKeys.ExportRetentionDays, DefaultRetentionDays, ct);
        row.Status = ExportStatuses.Ready;
        row.RecordsCount = count;
        row.DownloadUrl = PhotoFiles.UrlOf(fileId);
        row.RetentionUntil = clock.GetUtcNow().UtcDateTime.AddDays(days);
        await NotifyAsync(db, [export.RequestedBy], ReadyType,
            $"Your export {export.ExportId} ({export.Dataset}, {export.Format}, {count:N0} rows) is ready to download for {days} days.", ct);
        if (IsResidents(export.Dataset)) await WarnIfUnusualAsync(db, export, count, ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task FailAsync(DataExport export, string reason, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.Exports.SingleAsync(e => e.Id == export.Id, ct);
        row.Status = ExportStatuses.Failed;
        row.Filters = System.Text.Json.JsonSerializer.Serialize(ExportService.FiltersOf(row.Filters) with { Failure = reason }, ExportService.Json);
        await NotifyAsync(db, [export.RequestedBy], FailedType, $"Your export {export.ExportId} failed: {reason}", ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Today's (Manila) resident exports by the same user, this one included, over the setting: the admins are told who and how many.</summary>
    private async Task WarnIfUnusualAsync(BarangayDbContext db, DataExport export, int count, CancellationToken ct)
    {
        var limit = await SettingAsync(db, SettingKeys.ExportUnusualResidents, DefaultUnusualResidents, ct);
        var dayStart = TimeZones.ManilaToUtc(TimeZones.ManilaToday(clock).ToDateTime(TimeOnly.MinValue));
        var earlier = await db.Exports.AsNoTracking()
            .Where(e => e.RequestedBy == export.RequestedBy && (e.Dataset == ExportDatasets.Residents || e.Dataset == ExportDatasets.Custom) && e.Id != export.Id
                        && e.RequestedAt >= dayStart && e.Status == ExportStatuses.Ready)
            .SumAsync(e => e.RecordsCount ?? 0, ct);
        var total = earlier + count;
        if (total <= limit) return;
        var who = await db.Users.AsNoTracking().Where(u => u.Id == export.RequestedBy).Select(u => u.FullName).FirstOrDefaultAsync(ct);
        var admins = await db.Users.AsNoTracking().Where(u => u.Roles.Contains(AppRoles.Admin) && u.Status == UserStatuses.Active).Select(u => u.Id).ToListAsync(ct);
        await NotifyAsync(db, admins, UnusualType,
            $"Unusual export: {who} has exported {total:N0} residents today (limit {limit:N0}); the latest is {export.ExportId}.", ct);
    }

    /// <summary>Custom exports are residents too: choosing columns does not get round the unusual-export warning.</summary>
    private static bool IsResidents(string dataset) => dataset is ExportDatasets.Residents or ExportDatasets.Custom;

    private static async Task NotifyAsync(BarangayDbContext db, IReadOnlyCollection<Guid> users, string type, string text, CancellationToken ct)
    {
        var result = await NotificationService.AddAsync(db, users, type, new NotificationPayload(text[..Math.Min(text.Length, NotificationPayloads.MaxTextLength)], "/exports"), ct);
        if (!result.Succeeded) throw new InvalidOperationException(result.Error);
    }

    private static async Task<int> SettingAsync(BarangayDbContext db, string key, int fallback, CancellationToken ct)
    {
        var json = await db.AppSettings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return SettingJson.ReadInt(json, fallback);
    }
}
