using Barangay.Data.Common;
using Barangay.Data.Localization;
using Barangay.Data.Reports;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Municipality.Rollups;

/// <summary>
/// The roll-ups the municipality reports upward, computed by asking every active barangay's database at once (at most
/// <see cref="RollupOptions.Parallelism"/> at a time, each within <see cref="RollupOptions.PerBarangayTimeout"/>) with the
/// barangay's own report code (<see cref="ReportService"/>: Form C, issuance and RA 11032 compliance, KP outcomes), so a
/// municipal figure is by construction the sum of the barangays' own. Counts only: nothing here returns a resident.
/// A barangay that fails or times out is listed as missing, by name; the others are reported.
/// </summary>
public sealed class MunicipalRollupService(
    IBarangayDirectory directory, BarangayContexts contexts, TimeProvider clock, RollupOptions options, IDbContextFactory<MunicipalityDbContext> municipality)
{
    public async Task<MunicipalFormC> FormCAsync(Quarter quarter, CancellationToken ct = default)
    {
        var (answered, missing) = await FanOutAsync(async (reports, ct2) => (await reports.FormCAsync(quarter, null, ct2))!.Areas[0], ct);
        var total = FormCSum.Of("Whole municipality", answered.Select(a => a.Figures).ToList());
        return new MunicipalFormC(quarter, total, answered, missing);
    }

    public async Task<MunicipalActivity> ActivityAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var (answered, missing) = await FanOutAsync(async (reports, ct2) =>
            ((await reports.IssuanceAsync(from, to, ct2))!.Total, (await reports.ComplaintsAsync(from, to, ct2))!.Kp), ct);
        return new MunicipalActivity(from, to,
            answered.Select(a => new BarangayFigures<IssuanceLine>(a.Name, a.Slug, a.Figures.Total)).ToList(),
            answered.Select(a => new BarangayFigures<KpSection>(a.Name, a.Slug, a.Figures.Kp)).ToList(), missing);
    }

    /// <summary>Renders a roll-up as PDF or XLSX and audits the download in the municipality database.</summary>
    public async Task<ServiceResult<ReportFile>> DownloadAsync(MunicipalReportRequest request, string actor, Guid? accountId, CancellationToken ct = default)
    {
        if (request.Format is not (ReportFormats.Pdf or ReportFormats.Xlsx)) return ServiceResult<ReportFile>.Invalid("Format", Texts.Say("Choose PDF or XLSX."));
        var profile = await ProfileAsync(ct);
        ReportDocument document;
        switch (request.Kind)
        {
            case MunicipalReportKinds.FormC or MunicipalReportKinds.Population:
                if (request.Quarter is not { IsValid: true } q) return ServiceResult<ReportFile>.Invalid("Quarter", Texts.Say("Choose a quarter (1 to 4) of a year from 2000 to 2100."));
                var formC = await FormCAsync(q, ct);
                document = request.Kind == MunicipalReportKinds.FormC ? MunicipalDocuments.FormC(formC) : MunicipalDocuments.Population(formC);
                break;
            case MunicipalReportKinds.Activity:
                if (ReportService.RangeError(request.From, request.To) is { } error) return ServiceResult<ReportFile>.Invalid("Period", error);
                document = MunicipalDocuments.Activity(await ActivityAsync(request.From!.Value, request.To!.Value, ct));
                break;
            default:
                return ServiceResult<ReportFile>.Invalid("Kind", "Unknown report.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var bytes = request.Format == ReportFormats.Pdf ? ReportPdf.Render(document, profile, now) : ReportXlsx.Render(document, profile, now);
        await using (var db = await municipality.CreateDbContextAsync(ct))
        {
            db.Audit.Add(MunicipalAudit.Entry(clock, actor, accountId, "Download", request.Kind,
                new { format = request.Format, quarter = request.Quarter?.Label(PrintLanguage.English), from = request.From, to = request.To, bytes = bytes.Length }));
            await db.SaveChangesAsync(ct);
        }
        return ServiceResult<ReportFile>.Success(new ReportFile($"{document.FileStem}.{request.Format}", ReportFormats.ContentType(request.Format), bytes));
    }

    /// <summary>The municipality's header: its name and province from the municipal settings.</summary>
    public async Task<BarangayProfile> ProfileAsync(CancellationToken ct = default)
    {
        await using var db = await municipality.CreateDbContextAsync(ct);
        var s = await db.Settings.AsNoTracking().ToDictionaryAsync(x => x.Key, x => x.Value, ct);
        var name = s.GetValueOrDefault(MunicipalSettingKeys.Municipality, "");
        return new BarangayProfile("Consolidated report of the barangays", string.IsNullOrEmpty(name) ? "Municipality" : "Municipality of " + name,
            s.GetValueOrDefault(MunicipalSettingKeys.Province, ""), s.GetValueOrDefault(MunicipalSettingKeys.Region, ""), null, "", "");
    }

    /// <summary>
    /// The fan-out's connections are not pooled: a pool per barangay database would keep up to one idle connection per
    /// barangay open for minutes after a roll-up (100 barangays, 100 connections); unpooled, a roll-up holds at most
    /// <see cref="RollupOptions.Parallelism"/> connections and none afterwards, for a few milliseconds' connect per barangay.
    /// </summary>
    public static string Unpooled(string connectionString) => new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    /// <summary>Runs <paramref name="work"/> on every active barangay's own report code, bounded and with a timeout each.</summary>
    private async Task<(List<BarangayFigures<T>> Answered, List<MissingBarangay> Missing)> FanOutAsync<T>(
        Func<ReportService, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        var barangays = (await directory.ListAsync(ct)).Where(b => b.IsActive).ToList();
        var results = new (BarangayFigures<T>? Ok, MissingBarangay? Missing)[barangays.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, barangays.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = ct }, async (i, token) =>
            {
                var b = barangays[i];
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
                timeout.CancelAfter(options.PerBarangayTimeout);
                try
                {
                    var factory = contexts.FactoryFor(Unpooled(b.ConnectionString));
                    var reports = new ReportService(new BarangayDb(factory, RollupCaller.Instance), clock, new HolidayCalendar(factory), new BarangayProfileService(factory));
                    results[i] = (new BarangayFigures<T>(b.Name, b.Slug, await work(reports, timeout.Token)), null);
                }
                catch (OperationCanceledException) when (!token.IsCancellationRequested)
                {
                    results[i] = (null, new MissingBarangay(b.Name, $"did not answer within {options.PerBarangayTimeout.TotalSeconds:0} seconds"));
                }
                catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException or DbUpdateException or TimeoutException)
                {
                    // Its database is down or unreachable: the roll-up names it instead of failing (the message stays in logs, not on paper).
                    results[i] = (null, new MissingBarangay(b.Name, "its database could not be reached"));
                }
            });
        return (results.Where(r => r.Ok is not null).Select(r => r.Ok!).ToList(), results.Where(r => r.Missing is not null).Select(r => r.Missing!).ToList());
    }
}

/// <summary>What to download: the kind, PDF or XLSX, and the quarter (Form C, population) or the period (activity).</summary>
public sealed record MunicipalReportRequest(string Kind, string Format, Quarter? Quarter = null, DateOnly? From = null, DateOnly? To = null);
