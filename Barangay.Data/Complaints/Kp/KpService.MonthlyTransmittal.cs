using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Reports;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Complaints.Kp;

/// <summary>
/// The Lupon's Monthly Transmittal of Final Reports to the city or municipal judge: the settlements and arbitration awards
/// of the month, by barangay case number and title (complainant, et al. vs. respondent, et al.), prepared by the Lupon
/// secretary, noted by the Punong Barangay, received by the clerk of court; "the Lupon/Pangkat secretary shall transmit not
/// later than the first five days of each month the final reports for the preceding month". The layout is the one
/// barangay systems reproduce (docs/katarungang-pambarangay.md, "Monthly report"); no KP number is printed because the
/// sources number it differently (see there).
/// </summary>
public sealed partial class KpService
{
    public const string TransmittalPrintAction = "KpMonthlyTransmittalPrint";

    /// <summary>
    /// The month's final reports: cases whose settlement or award is dated in <paramref name="month"/> (Manila) and still
    /// stands (a repudiated settlement is not final). For the Lupon chairman and secretary, who keep and transmit the
    /// Lupon's records (secs. 399(f), 419); only the cases the caller may see (a confidential one stays with those allowed).
    /// Null when the caller may not prepare it.
    /// </summary>
    public async Task<KpMonthlyTransmittal?> MonthlyTransmittalAsync(DateOnly month, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!await MayPrepareTransmittalAsync(db, caller, ct)) return null;
        var first = new DateOnly(month.Year, month.Month, 1);
        var start = TimeZones.ManilaToUtc(first.ToDateTime(TimeOnly.MinValue));
        var end = TimeZones.ManilaToUtc(first.AddMonths(1).ToDateTime(TimeOnly.MinValue));
        var visible = ComplaintService.VisibleToHall(db.Complaints.AsNoTracking(), caller);
        var rows = await (from k in db.Set<KpCase>().AsNoTracking()
                          join c in visible on k.ComplaintId equals c.Id
                          where (k.Stage == KpStages.Settled || k.Stage == KpStages.Arbitrated) && k.OutcomeAt >= start && k.OutcomeAt < end
                          orderby k.OutcomeAt, k.CaseNo
                          select new { k, c.ResidentId, c.ComplainantName }).ToListAsync(ct);
        var residentIds = rows.Where(r => r.ResidentId != null).Select(r => r.ResidentId!.Value).Distinct().ToList();
        var names = await db.Residents.AsNoTracking().IgnoreQueryFilters().Where(r => residentIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ComplaintService.Name, ct);
        var cases = rows.Select(r =>
        {
            var complainant = r.ResidentId is { } id ? names.GetValueOrDefault(id, "") : r.ComplainantName ?? "";
            var respondents = Respondents(r.k).Select(x => x.Name).ToList();
            var title = $"{complainant} vs. {respondents.FirstOrDefault() ?? ""}{(respondents.Count > 1 ? ", et al." : "")}";
            return new KpTransmittalRow(r.k.CaseNo, title, r.k.Outcome!, r.k.OutcomeAt!.Value);
        }).ToList();
        var keys = new[] { SettingKeys.PunongBarangay };
        var captain = (await db.AppSettings.AsNoTracking().Where(s => keys.Contains(s.Key)).Select(s => s.Value).FirstOrDefaultAsync(ct)) is { } pb ? Text(pb) : null;
        db.Record(TransmittalPrintAction, TargetType, null, new { month = first.ToString("yyyy-MM"), cases = cases.Count });
        await db.SaveChangesAsync(ct);
        return new KpMonthlyTransmittal(first, cases, await HolderAsync(db, OfficialPositions.Secretary, ct), captain is { Length: > 0 } ? captain : "Punong Barangay",
            await new BarangayProfileService(factory).GetAsync(ct));
    }
}

public sealed partial class KpService
{
    /// <summary>
    /// Whether the caller may prepare the monthly transmittal: the Lupon chairman or secretary (secs. 399(f), 419). The case
    /// book shows its buttons only to them (another holder of complaints.handle would get "not found"); the same rule as
    /// <see cref="MonthlyTransmittalAsync"/>, so the page and the print cannot disagree.
    /// </summary>
    public async Task<bool> MayPrepareTransmittalAsync(CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        return await MayPrepareTransmittalAsync(db, caller, ct);
    }

    private static async Task<bool> MayPrepareTransmittalAsync(BarangayDbContext db, Caller caller, CancellationToken ct) =>
        caller.Can(Permissions.Complaints.Handle) && (await KpCallerOffices.ForAsync(db, caller, null, ct)).Holds(LuponRecords);
}

/// <summary>One case in the monthly transmittal: its number, its title, settlement or award (<see cref="KpOutcomes"/>) and its date.</summary>
public sealed record KpTransmittalRow(string CaseNo, string Title, string Outcome, DateTime At);

/// <summary>The month's final reports and who prepares and notes the transmittal.</summary>
public sealed record KpMonthlyTransmittal(DateOnly Month, IReadOnlyList<KpTransmittalRow> Cases, string LuponSecretary, string Captain, BarangayProfile Profile);
