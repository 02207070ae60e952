using Barangay.Data.Localization;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Security;
using Barangay.Data.Settings;

namespace Barangay.Data.Reports;

/// <summary>
/// The monitoring reports for officials with <see cref="Permissions.Reports.View"/>: the RBI monitoring report (Form C),
/// the document-issuance report and the complaints report, as numbers (for the page and tests) or as a PDF or XLSX
/// under the barangay's header. Every download is audited. Null (or not found) for anyone else. The figures may be stale by
/// <see cref="Replicas.ReadReplicaOptions.MaxStaleness"/> and are read through <paramref name="reads"/> (a replica where one
/// is configured); the download's audit row is written through <paramref name="dbs"/>. Without <paramref name="reads"/>
/// (benchmarks, municipal roll-ups) everything reads <paramref name="dbs"/>.
/// </summary>
public sealed partial class ReportService(
    BarangayDb dbs, TimeProvider clock, HolidayCalendar holidays, BarangayProfileService profiles, Replicas.BarangayReadDb? reads = null)
{
    private Task<(BarangayDbContext Db, Caller Caller)> OpenStaleAsync(CancellationToken ct) => reads is not null ? reads.OpenAsync(ct) : dbs.OpenAsync(ct);

    /// <summary>The longest date range a report covers (a year and a day: enough for an annual report).</summary>
    public const int MaxRangeDays = 366;

    public async Task<FormCReport?> FormCAsync(Quarter quarter, string? purok = null, CancellationToken ct = default)
    {
        var (db, caller) = await OpenStaleAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Reports.View) || !quarter.IsValid) return null;
        return await FormCQuery.RunAsync(db, quarter, string.IsNullOrWhiteSpace(purok) ? null : purok, ct);
    }

    /// <summary>Builds, renders and audits one report file; "invalid" names the bad field, "not found" without the permission.</summary>
    public async Task<ServiceResult<ReportFile>> DownloadAsync(ReportRequest request, CancellationToken ct = default)
    {
        var caller = await dbs.CallerAsync(ct);
        if (!caller.Can(Permissions.Reports.View)) return ServiceResult<ReportFile>.NotFound();
        if (request.Format is not (ReportFormats.Pdf or ReportFormats.Xlsx))
            return ServiceResult<ReportFile>.Invalid("Format", Texts.Say("Choose PDF or XLSX."));
        var profile = await profiles.GetAsync(ct);
        var language = PrintLanguage.Of(profile.ReportLanguage);
        ReportDocument document;
        switch (request.Kind)
        {
            case ReportKinds.FormC:
                if (request.Quarter is not { IsValid: true } q) return ServiceResult<ReportFile>.Invalid("Quarter", Texts.Say("Choose a quarter (1 to 4) of a year from 2000 to 2100."));
                document = ReportDocuments.FormC((await FormCAsync(q, request.Purok, ct))!, language);
                break;
            case ReportKinds.Issuance or ReportKinds.Complaints:
                if (RangeError(request.From, request.To) is { } error) return ServiceResult<ReportFile>.Invalid("Period", error);
                document = request.Kind == ReportKinds.Issuance
                    ? ReportDocuments.Issuance((await IssuanceAsync(request.From!.Value, request.To!.Value, ct))!, language)
                    : ReportDocuments.Complaints((await ComplaintsAsync(request.From!.Value, request.To!.Value, ct))!, language);
                break;
            default:
                return ServiceResult<ReportFile>.Invalid("Kind", Texts.Say("Unknown report: choose the RBI monitoring report, document issuance or complaints."));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        document = document with { CertifiedBy = await SecretaryAsync(ct) };
        var bytes = request.Format == ReportFormats.Pdf ? ReportPdf.Render(document, profile, now, request.Paper) : ReportXlsx.Render(document, profile, now);
        var (db, _) = await dbs.OpenAsync(ct);
        await using (db)
        {
            db.Record(AuditActions.Download, "Report", request.Kind, new
            {
                format = request.Format, quarter = request.Quarter?.Label(PrintLanguage.English), from = request.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                to = request.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), purok = request.Purok, bytes = bytes.Length,
            });
            await db.SaveChangesAsync(ct);
        }
        return ServiceResult<ReportFile>.Success(new ReportFile($"{document.FileStem}.{request.Format}", ReportFormats.ContentType(request.Format), bytes));
    }

    /// <summary>Why a date range cannot be reported on, or null when it can.</summary>
    public static string? RangeError(DateOnly? from, DateOnly? to) => (from, to) switch
    {
        (null, _) or (_, null) => Texts.Say("Choose the first and the last day of the period."),
        ({ } f, { } t) when t < f => Texts.Say("The last day is before the first day."),
        ({ } f, { } t) when t.DayNumber - f.DayNumber >= MaxRangeDays => Texts.Say("The period is longer than {0} days; report on a year at most.", MaxRangeDays),
        _ => null,
    };

    private static (DateTime From, DateTime To) Utc(DateOnly from, DateOnly to) =>
        (TimeZones.ManilaToUtc(from.ToDateTime(TimeOnly.MinValue)), TimeZones.ManilaToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)));

    /// <summary>The active Barangay Secretary's name, printed over the certification (the household record prints it too).</summary>
    private async Task<string?> SecretaryAsync(CancellationToken ct)
    {
        var (db, _) = await dbs.OpenAsync(ct);
        await using (db)
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
                db.Officials.Where(o => o.Position == OfficialPositions.Secretary && o.Status == Officials.OfficialStatuses.Active).Select(o => o.FullName), ct);
    }
}
