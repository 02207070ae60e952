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
                c.Id, c.ComplaintId, c.ReportedAt, c.Category, c.Subject, c.Purok, c.Status, c.ComplainantName, c.Confidential, c.Description, c.ResolutionNotes, c.Metadata,
                First = db.Residents.IgnoreQueryFilters().Where(r => r.Id == c.ResidentId).Select(r => r.FirstName).FirstOrDefault(),
                Last = db.Residents.IgnoreQueryFilters().Where(r => r.Id == c.ResidentId).Select(r => r.LastName).FirstOrDefault(),
            }).ToListAsync(ct);
        var cases = await (from k in db.Set<KpCase>().AsNoTracking()
                           join c in VisibleToHall(db.Complaints.AsNoTracking(), caller) on k.ComplaintId equals c.Id
                           where k.FiledAt >= start && k.FiledAt < end
                           orderby k.FiledAt
                           select new
                           {
                               k.CaseNo, k.FiledAt, k.Respondents, k.Stage, k.ComplaintId, ComplaintCode = c.ComplaintId, c.Subject, c.Description, c.Purok, c.Metadata,
                               First = db.Residents.IgnoreQueryFilters().Where(r => r.Id == c.ResidentId).Select(r => r.FirstName).FirstOrDefault(),
                               Last = db.Residents.IgnoreQueryFilters().Where(r => r.Id == c.ResidentId).Select(r => r.LastName).FirstOrDefault(),
                           }).Take(MaxBlotterEntries).ToListAsync(ct);
        // The respondents named on a complaint's KP case; who entered each entry (an official at the desk, or the resident online).
        var complaintIds = complaints.Select(c => c.Id).ToList();
        var respondents = (await db.Set<KpCase>().AsNoTracking().Where(k => complaintIds.Contains(k.ComplaintId)).Select(k => new { k.ComplaintId, k.Respondents }).ToListAsync(ct))
            .GroupBy(k => k.ComplaintId).ToDictionary(g => g.Key, g => Names(g.First().Respondents));
        var enteredBy = complaints.Select(c => ComplaintMetadata.Parse(c.Metadata).EnteredBy).Concat(cases.Select(k => ComplaintMetadata.Parse(k.Metadata).EnteredBy))
            .OfType<Guid>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => enteredBy.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var keys = new[] { SettingKeys.BarangayName, SettingKeys.Municipality, SettingKeys.Province, SettingKeys.Region, SettingKeys.ReportLanguage };
        var settings = await db.AppSettings.AsNoTracking().Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        string S(string k) => settings.GetValueOrDefault(k) is { } json && json.StartsWith('"') ? JsonSerializer.Deserialize<string>(json) ?? "" : "";
        // Parties and Matter are the page's columns (the reader's language); Action taken is the printed book's (its language).
        var print = Reports.PrintLanguage.Of(S(SettingKeys.ReportLanguage));
        var labels = await LabelsAsync(db, LookupCategories.ComplaintCategory, ct);
        var puroks = await LabelsAsync(db, LookupCategories.Purok, ct);
        string? P(string? code) => code is null ? null : puroks.GetValueOrDefault(code, code);
        var entries = complaints.Select(c => new BlotterEntry(c.ReportedAt, "Complaint", c.ComplaintId,
                c.Last is null ? c.ComplainantName ?? "" : $"{c.Last}, {c.First}",
                Matter(Localization.Texts.Say(labels.GetValueOrDefault(c.Category, c.Category)), c.Subject, c.Confidential),
                P(c.Purok), ComplaintStatusMachine.Label(c.Status))
            {
                Complainant = c.Last is null ? c.ComplainantName ?? "" : $"{c.Last}, {c.First}",
                Respondent = respondents.GetValueOrDefault(c.Id),
                Narrative = Clip(c.Subject is null ? c.Description : $"{c.Subject}: {c.Description}"),
                ActionTaken = Action(c.ResolutionNotes, c.Metadata, print), RecordedBy = RecordedBy(c.Metadata, users),
            })
            .Concat(cases.Select(k => new BlotterEntry(k.FiledAt, "KP case", k.CaseNo,
                $"{k.Last}, {k.First} vs. {Names(k.Respondents)}",
                Localization.Texts.Say("{0} (from {1})", k.Subject ?? "", k.ComplaintCode), P(k.Purok), k.Stage)
            {
                Complainant = $"{k.Last}, {k.First}", Respondent = Names(k.Respondents), Narrative = Clip(k.Subject is null ? k.Description : $"{k.Subject}: {k.Description}"),
                ActionTaken = print.Say("Filed for Katarungang Pambarangay (from {0}); now {1}", k.ComplaintCode, print.Term(k.Stage)), RecordedBy = RecordedBy(k.Metadata, users),
            }))
            .OrderBy(e => e.At).ThenBy(e => e.Number).ToList();

        db.Record(AuditActions.View, "Blotter", null, new { from, to, entries = entries.Count, withheld });
        await db.SaveChangesAsync(ct);
        return new BlotterBook(S(SettingKeys.BarangayName) is { Length: > 0 } b ? b : "Barangay",
            string.Join(", ", new[] { S(SettingKeys.Municipality), S(SettingKeys.Province) }.Where(x => x.Length > 0)), from, to, entries, withheld)
        {
            Region = S(SettingKeys.Region), Province = S(SettingKeys.Province), Municipality = S(SettingKeys.Municipality),
            Language = print.Code,
            SecretaryName = await db.Officials.AsNoTracking().Where(o => o.Position == OfficialPositions.Secretary && o.Status == Officials.OfficialStatuses.Active)
                .Select(o => o.FullName).FirstOrDefaultAsync(ct),
        };
    }

    private const int MaxNarrative = 600;

    private static string Clip(string text) => text.Length <= MaxNarrative ? text : text[..(MaxNarrative - 1)] + "…";

    private static string Names(string? respondents) =>
        string.Join("; ", (string.IsNullOrWhiteSpace(respondents) ? [] : JsonSerializer.Deserialize<List<KpRespondent>>(respondents, KpService.Json) ?? []).Select(r => r.Name));

    /// <summary>"Noise disturbance: Karaoke (confidential)", in the reader's language but for what was typed.</summary>
    private static string Matter(string category, string? subject, bool confidential)
    {
        var matter = subject is null ? category : $"{category}: {subject}";
        return confidential ? Localization.Texts.Say("{0} (confidential)", matter) : matter;
    }

    /// <summary>The resolution notes, else the last step of the complaint's history (its word in the print's language) with its note.</summary>
    private static string? Action(string? resolution, string? metadata, Reports.PrintLanguage print)
    {
        if (!string.IsNullOrWhiteSpace(resolution)) return resolution;
        var last = ComplaintMetadata.Parse(metadata).History.LastOrDefault();
        return last is null ? null : print.Term(HistoryWord(last.What)) + (last.Note is null ? "" : ": " + last.Note) + (last.ByName is null ? "" : $" ({last.ByName})");
    }

    /// <summary>The timeline's word for a step of the history (the page's <c>ComplaintFormat.HistoryLabel</c> says the same).</summary>
    private static string HistoryWord(string what) => what switch
    {
        "filed" => "Filed",
        "assigned" => "Assigned",
        "unassigned" => "Unassigned",
        "priority" => "Priority changed",
        "kp_case" => "Katarungang Pambarangay case",
        _ => ComplaintStatusMachine.Label(what) is { Length: > 0 } w ? char.ToUpperInvariant(w[0]) + w[1..] : what,
    };

    private static string RecordedBy(string? metadata, IReadOnlyDictionary<Guid, string> users)
    {
        var meta = ComplaintMetadata.Parse(metadata);
        return meta.EnteredBy is { } id && users.TryGetValue(id, out var name) ? name : meta.Channel is ComplaintChannels.WalkIn or ComplaintChannels.Phone ? "The hall" : "The resident, online";
    }
}
