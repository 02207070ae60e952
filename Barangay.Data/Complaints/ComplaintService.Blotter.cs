using System.Text.Json;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Complaints.Kp;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Complaints;

public sealed partial class ComplaintService
{
    public const int MaxBlotterDays = 366;
    public const int MaxBlotterEntries = 5000;

    /// <summary>
    /// The blotter book: complaints and KP cases in the order they came in, between two Manila dates. Confidential
    /// complaints the caller may not see are left out (counted in <see cref="BlotterBook.Withheld"/>, never shown).
    /// Null for callers who do not handle complaints. Audited (the blotter names residents).
    /// </summary>
    public async Task<BlotterBook?> BlotterAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Complaints.Handle)) return null;
        if (to < from) (from, to) = (to, from);
        if (to.DayNumber - from.DayNumber >= MaxBlotterDays) from = to.AddDays(-(MaxBlotterDays - 1));
        var start = TimeZones.ManilaToUtc(from.ToDateTime(TimeOnly.MinValue));
        var end = TimeZones.ManilaToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var inRange = db.Complaints.AsNoTracking().Where(c => c.ReportedAt >= start && c.ReportedAt < end);
        var visible = VisibleToHall(inRange, caller);
        var withheld = await inRange.CountAsync(ct) - await visible.CountAsync(ct);
        var complaints = await visible.OrderBy(c => c.ReportedAt).Take(MaxBlotterEntries)
            .Select(c => new
            {
                c.ComplaintId, c.ReportedAt, c.Category, c.Subject, c.Purok, c.Status, c.ComplainantName, c.Confidential,
                First = db.Residents.IgnoreQueryFilters().Where(r => r.Id == c.ResidentId).Select(r => r.FirstName).FirstOrDefault(),
                Last = db.Residents.IgnoreQueryFilters().Where(r => r.Id == c.ResidentId).Select(r => r.LastName).FirstOrDefault(),
            }).ToListAsync(ct);
        var cases = await (from k in db.Set<KpCase>().AsNoTracking()
                           join c in VisibleToHall(db.Complaints.AsNoTracking(), caller) on k.ComplaintId equals c.Id
                           where k.FiledAt >= start && k.FiledAt < end
                           orderby k.FiledAt
                           select new
                           {
                               k.CaseNo, k.FiledAt, k.Respondents, k.Stage, c.ComplaintId, c.Subject, c.Purok,
                               First = db.Residents.IgnoreQueryFilters().Where(r => r.Id == c.ResidentId).Select(r => r.FirstName).FirstOrDefault(),
                               Last = db.Residents.IgnoreQueryFilters().Where(r => r.Id == c.ResidentId).Select(r => r.LastName).FirstOrDefault(),
                           }).Take(MaxBlotterEntries).ToListAsync(ct);
        var labels = await LabelsAsync(db, LookupCategories.ComplaintCategory, ct);
        var puroks = await LabelsAsync(db, LookupCategories.Purok, ct);
        string? P(string? code) => code is null ? null : puroks.GetValueOrDefault(code, code);
        var entries = complaints.Select(c => new BlotterEntry(c.ReportedAt, "Complaint", c.ComplaintId,
                c.Last is null ? c.ComplainantName ?? "" : $"{c.Last}, {c.First}",
                labels.GetValueOrDefault(c.Category, c.Category) + (c.Subject is null ? "" : ": " + c.Subject) + (c.Confidential ? " (confidential)" : ""),
                P(c.Purok), ComplaintStatusMachine.Label(c.Status)))
            .Concat(cases.Select(k => new BlotterEntry(k.FiledAt, "KP case", k.CaseNo,
                $"{k.Last}, {k.First} vs. {string.Join("; ", (JsonSerializer.Deserialize<List<KpRespondent>>(k.Respondents, KpService.Json) ?? []).Select(r => r.Name))}",
                $"{k.Subject} (from {k.ComplaintId})", P(k.Purok), k.Stage)))
            .OrderBy(e => e.At).ThenBy(e => e.Number).ToList();

        db.Record(AuditActions.View, "Blotter", null, new { from, to, entries = entries.Count, withheld });
        await db.SaveChangesAsync(ct);
        var keys = new[] { SettingKeys.BarangayName, SettingKeys.Municipality, SettingKeys.Province };
        var settings = await db.AppSettings.AsNoTracking().Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        string S(string k) => settings.GetValueOrDefault(k) is { } json && json.StartsWith('"') ? JsonSerializer.Deserialize<string>(json) ?? "" : "";
        return new BlotterBook(S(SettingKeys.BarangayName) is { Length: > 0 } b ? b : "Barangay",
            string.Join(", ", new[] { S(SettingKeys.Municipality), S(SettingKeys.Province) }.Where(x => x.Length > 0)), from, to, entries, withheld);
    }
}
