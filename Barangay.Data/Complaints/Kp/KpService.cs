using Barangay.Data.Localization;
using System.Text.Json;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Residents;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Complaints.Kp;

/// <summary>
/// The Katarungang Pambarangay case book: a complaint between residents becomes a case with respondents; the Punong
/// Barangay mediates (summons by the next working day, 15 days from the first hearing); if that fails the Pangkat is
/// constituted (3 days) and conciliates (15 days, extendable once by 15); the outcome is a settlement, an arbitration
/// award or a failure; a settlement can be repudiated within 10 days; a failed or repudiated case gets its Certificate
/// to File Action. Steps are in KpService.Steps.cs; the forms in KpService.Forms.cs.
/// </summary>
public sealed partial class KpService(BarangayDb dbs, IDbContextFactory<BarangayDbContext> factory, HolidayCalendar calendar, TimeProvider clock)
{
    public const string TargetType = "KpCase";
    public const string CasePrefix = "KP";
    public const int MaxRespondents = 10;
    public const int MaxMinutes = 10_000;
    public const int MaxTerms = 5_000;
    public const int MaxName = 150;
    internal static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Marks an open complaint filed by a resident as a KP case against <paramref name="respondents"/>.</summary>
    /// <remarks>
    /// Refused, with the law's reason, for a complaint of violence against women and their children (RA 9262, sec. 33)
    /// and for every exclusion the intake checklist answers (sec. 408, <see cref="KpIntakeRules"/>). The complaint is
    /// made to the Lupon chairman and entered by him or the Lupon secretary (sec. 410(a)).
    /// </remarks>
    public async Task<ServiceResult<KpCaseDetail>> OpenAsync(Guid complaintId, IReadOnlyList<KpRespondent> respondents, KpIntake intake, string language = KpLanguages.English, string nature = KpNatures.Others, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == complaintId, ct);
        if (complaint is null || !ComplaintService.HallMaySee(caller, complaint.Confidential, complaint.AssignedTo, complaint.Category)) return ServiceResult<KpCaseDetail>.NotFound();
        if (KpIntakeRules.IsVawc(complaint.Category)) return Invalid(Texts.Say(KpIntakeRules.VawcRefusal));
        var who = await KpCallerOffices.ForAsync(db, caller, null, ct);
        if (!who.Holds([KpOffices.LuponChairman, KpOffices.LuponSecretary]))
            return Invalid(KpOffices.Refusal("take up a complaint as a KP case (sec. 410(a))", [KpOffices.LuponChairman, KpOffices.LuponSecretary]));
        if (KpIntakeRules.Exclusions(intake) is { Count: > 0 } excluded) return Invalid(Texts.Say("The Lupon cannot take up this dispute: ") + string.Join(" ", excluded));
        if (!KpLanguages.All.Contains(language)) return Invalid(Texts.Say("Choose the parties' language: English or Filipino."));
        if (!KpNatures.All.Contains(nature)) return Invalid(Texts.Say("Choose the nature of the dispute: criminal, civil or others."));
        if (await db.Set<KpCase>().AnyAsync(k => k.ComplaintId == complaintId, ct)) return Invalid(Texts.Say("This complaint is already a KP case."));
        if (!ComplaintStatuses.Open.Contains(complaint.Status)) return Invalid($"A {ComplaintStatusMachine.Label(complaint.Status)} complaint cannot become a KP case.");
        var clean = respondents.Select(r => r with { Name = (r.Name ?? "").Trim(), Address = ComplaintService.Clean(r.Address) }).Where(r => r.Name.Length > 0 || r.ResidentId is not null).ToList();
        if (clean.Count == 0) return Invalid(Texts.Say("Name at least one respondent (the person complained against)."));
        if (clean.Count > MaxRespondents) return Invalid(Texts.Say("A case can have at most {0} respondents.", MaxRespondents));
        if (clean.Any(r => r.Name.Length > MaxName)) return Invalid(Texts.Say("A respondent's name is longer than {0} characters.", MaxName));
        var ids = clean.Where(r => r.ResidentId is not null).Select(r => r.ResidentId!.Value).ToList();
        var found = await db.Residents.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        if (found.Count != ids.Distinct().Count()) return Invalid(Texts.Say("A respondent was not found in the register; choose them again."));
        if (complaint.ResidentId is { } complainantId && ids.Contains(complainantId)) return Invalid(Texts.Say("The complainant cannot also be a respondent."));
        var here = await HereAsync(db, ct);
        // A resident on the register actually resides here; a named respondent where recorded (blank: here).
        clean = clean.Select(r => r.ResidentId is { } id && found.First(f => f.Id == id) is { } res
            ? r with { Name = ComplaintService.Name(res), Address = r.Address ?? res.Address, Barangay = here.Barangay, Municipality = here.Municipality }
            : r with { Barangay = Blank(r.Barangay) ?? here.Barangay, Municipality = Blank(r.Municipality) ?? here.Municipality }).ToList();
        if (complaint.ResidentId is null && Blank(intake.ComplainantBarangay) is null)
            return Invalid(Texts.Say("The complainant is not on this barangay's register: record the barangay and city or municipality where they actually reside (sec. 409)."));
        var complainantPlace = complaint.ResidentId is null
            ? new KpPlace(intake.ComplainantBarangay!.Trim(), Blank(intake.ComplainantMunicipality) ?? here.Municipality)
            : here;
        if (!KpVenueKinds.All.Contains(intake.VenueKind)) return Invalid(Texts.Say("Choose what the dispute is about: residence, real property, or workplace or school."));
        var site = Blank(intake.SiteBarangay) is { } siteBarangay ? new KpPlace(siteBarangay, Blank(intake.SiteMunicipality) ?? here.Municipality) : null;
        if (KpVenueRules.Refusals(here, complainantPlace, clean.Select(r => new KpPlace(r.Barangay!, r.Municipality!)).ToList(), intake.VenueKind, site,
                intake.AdjoiningBarangaysAndAgreed) is { Count: > 0 } venue)
            return Invalid(Texts.Say("This barangay's Lupon cannot take up this dispute: ") + string.Join(" ", venue));

        var now = clock.GetUtcNow().UtcDateTime;
        var kp = new KpCase
        {
            Id = Guid.NewGuid(), ComplaintId = complaintId, Respondents = JsonSerializer.Serialize(clean, Json), Stage = KpStages.Mediation,
            FiledAt = now, SummonsDueAt = KpDeadlines.SummonsDue(await calendar.ClockAsync(ct), now),
            Intake = JsonSerializer.Serialize(intake, Json), Language = language, Nature = nature,
        };
        kp.NextDueAt = kp.SummonsDueAt;
        AddAct(kp, "complaint", now, caller.UserId, who.Name, who.Offices.Contains(KpOffices.LuponChairman) ? KpOffices.LuponChairman : KpOffices.LuponSecretary);
        var actor = await ComplaintService.ActorNameAsync(db, caller, ct);
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var attempt = await factory.CreateDbContextAsync(token);
            attempt.Actor = caller.ToActor();
            await using var tx = await attempt.Database.BeginTransactionAsync(token);
            kp.CaseNo = await HumanIds.NextAsync(attempt, CasePrefix, ct: token);
            attempt.Set<KpCase>().Add(kp);
            var c = await attempt.Complaints.FirstAsync(x => x.Id == complaintId, token);
            var meta = ComplaintMetadata.Parse(c.Metadata);
            if (c.Status == ComplaintStatuses.New)
            {
                c.Status = ComplaintStatuses.InProgress;
                meta.History.Add(new ComplaintHistoryEntry(ComplaintStatuses.InProgress, now, caller.UserId, actor, $"Taken up as Katarungang Pambarangay case {kp.CaseNo}"));
                attempt.Record(AuditActions.StatusChange, ComplaintService.TargetType, c.Id.ToString(), new { complaint_id = c.ComplaintId, from = ComplaintStatuses.New, to = ComplaintStatuses.InProgress });
            }
            meta.History.Add(new ComplaintHistoryEntry("kp_case", now, caller.UserId, actor, $"KP case {kp.CaseNo} opened"));
            c.Metadata = meta.ToJson();
            attempt.Record(AuditActions.Create, TargetType, kp.Id.ToString(), new { case_no = kp.CaseNo, complaint_id = c.ComplaintId, respondents = clean.Count, summons_due_at = kp.SummonsDueAt, nature });
            await attempt.SaveChangesAsync(token);
            await tx.CommitAsync(token);
        }, ct);
        return ServiceResult<KpCaseDetail>.Success((await GetAsync(kp.Id, ct))!);
    }

    /// <summary>A case for its page; null when there is none or the caller may not see its complaint.</summary>
    public async Task<KpCaseDetail?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var kp = await db.Set<KpCase>().AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, ct);
        if (kp is null) return null;
        var complaint = await db.Complaints.AsNoTracking().FirstAsync(c => c.Id == kp.ComplaintId, ct);
        if (!ComplaintService.HallMaySee(caller, complaint.Confidential, complaint.AssignedTo, complaint.Category)) return null;
        return await DetailAsync(db, caller, kp, complaint, ct);
    }

    /// <summary>The case of a complaint, if it has one (for the complaint's page).</summary>
    public async Task<KpCaseDetail?> ForComplaintAsync(Guid complaintId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var id = await db.Set<KpCase>().AsNoTracking().Where(k => k.ComplaintId == complaintId).Select(k => (Guid?)k.Id).FirstOrDefaultAsync(ct);
        return id is null ? null : await GetAsync(id.Value, ct);
    }

    public const int MaxPageSize = 100;

    /// <summary>
    /// The KP case book, one page at a time, paged in the database: the cases whose current step's deadline is nearest
    /// (overdue first, across every case, open or ended with a transmittal or execution pending), then the cases with no
    /// running deadline, newest first.
    /// </summary>
    public Task<KpCasePage> PageAsync(bool openOnly, int page, int size, CancellationToken ct = default) => PageAsync(new KpCaseFilter(openOnly), page, size, ct);

    /// <summary>
    /// The case book filtered (<see cref="KpCaseFilter"/>). Nature and filing dates filter in the database; a report line
    /// is decided by <see cref="Reports.KpReportLines.Of(string, DateTime?, DateTime?, string)"/>, the report's own rule,
    /// over the few columns it reads, and the matching cases are then paged in the database like the rest.
    /// </summary>
    public async Task<KpCasePage> PageAsync(KpCaseFilter filter, int page, int size, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Complaints.Handle)) return new([], 0);
        size = Math.Clamp(size, 1, MaxPageSize);
        page = Math.Max(page, 0);
        var visible = ComplaintService.VisibleToHall(db.Complaints.AsNoTracking(), caller);
        var q = from k in db.Set<KpCase>().AsNoTracking()
                join c in visible on k.ComplaintId equals c.Id
                select new { k, c.ComplaintId, c.ResidentId, c.ComplainantName, c.Status };
        if (filter.OpenOnly) q = q.Where(x => x.k.NextDueAt != null || x.k.Stage == KpStages.Mediation || x.k.Stage == KpStages.Conciliation || x.k.Stage == KpStages.Arbitration);
        if (filter.Nature is { } nature) q = q.Where(x => x.k.Nature == nature);
        if (filter.DueSoon)
        {
            var limit = await DueLimitAsync(KpDeadlineCounter.WorkingDays, ct);
            q = q.Where(x => x.k.NextDueAt != null && x.k.NextDueAt < limit);
        }
        if (filter.FiledFrom is { } from)
        {
            var start = TimeZones.ManilaToUtc(from.ToDateTime(TimeOnly.MinValue));
            q = q.Where(x => x.k.FiledAt >= start);
        }
        if (filter.FiledTo is { } to)
        {
            var end = TimeZones.ManilaToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            q = q.Where(x => x.k.FiledAt < end);
        }
        if (filter.Outcome is { } outcome)
        {
            var lines = await q.Select(x => new { x.k.Id, x.k.Stage, x.k.CertificateIssuedAt, x.k.MediationFailedAt, x.Status }).ToListAsync(ct);
            var ids = lines.Where(l => Reports.KpReportLines.Of(l.Stage, l.CertificateIssuedAt, l.MediationFailedAt, l.Status) == outcome).Select(l => l.Id).ToList();
            q = q.Where(x => ids.Contains(x.k.Id));
        }
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(x => x.k.NextDueAt == null).ThenBy(x => x.k.NextDueAt).ThenByDescending(x => x.k.FiledAt).ThenBy(x => x.k.Id)
            .Skip(page * size).Take(size).ToListAsync(ct);
        var residentIds = rows.Where(r => r.ResidentId != null).Select(r => r.ResidentId!.Value).Distinct().ToList();
        var names = await db.Residents.AsNoTracking().IgnoreQueryFilters().Where(r => residentIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ComplaintService.Name, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return new(rows.Select(r =>
            {
                var next = KpDeadlines.Steps(r.k, now).FirstOrDefault(s => s.Current);
                return new KpCaseRow(r.k.Id, r.k.CaseNo, r.k.ComplaintId, r.ComplaintId, r.ResidentId is { } id ? names.GetValueOrDefault(id, "") : r.ComplainantName ?? "",
                    string.Join("; ", Respondents(r.k).Select(x => x.Name)), r.k.Stage, r.k.FiledAt, next?.Label, next?.DueAt, next?.Overdue == true);
            }).ToList(), total);
    }

    /// <summary>
    /// For the official home page: open KP cases whose current step is overdue or due within <paramref name="within"/>
    /// (two queries' worth of work at most; only cases the caller may see).
    /// </summary>
    public async Task<int> CountKpStepsNearDeadlineAsync(TimeSpan within, CancellationToken ct = default) =>
        await CountKpStepsDueBeforeAsync(clock.GetUtcNow().UtcDateTime + within, ct);

    /// <summary>Cases whose current step is overdue or due before the end of the <paramref name="workingDays"/>-th working day from now.</summary>
    public async Task<int> CountKpStepsDueWithinWorkingDaysAsync(int workingDays, CancellationToken ct = default) =>
        await CountKpStepsDueBeforeAsync(await DueLimitAsync(workingDays, ct), ct);

    /// <summary>The end of the <paramref name="workingDays"/>-th working day from now (UTC): the card's and the case book filter's one limit.</summary>
    private async Task<DateTime> DueLimitAsync(int workingDays, CancellationToken ct)
    {
        var days = await calendar.ClockAsync(ct);
        var end = DateOnly.FromDateTime(days.ReceivedAt(clock.GetUtcNow().UtcDateTime));
        for (var i = 0; i < workingDays; i++) end = days.NextWorkingDay(end);
        return TimeZones.ManilaToUtc(end.AddDays(1).ToDateTime(TimeOnly.MinValue));
    }

    private async Task<int> CountKpStepsDueBeforeAsync(DateTime limit, CancellationToken ct)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Complaints.Handle)) return 0;
        var visible = ComplaintService.VisibleToHall(db.Complaints.AsNoTracking(), caller);
        return await (from k in db.Set<KpCase>().AsNoTracking()
                      join c in visible on k.ComplaintId equals c.Id
                      where k.NextDueAt != null && k.NextDueAt < limit
                      select k.Id).CountAsync(ct);
    }

    internal static List<KpRespondent> Respondents(KpCase k) => JsonSerializer.Deserialize<List<KpRespondent>>(k.Respondents, Json) ?? [];

    private async Task<KpCaseDetail> DetailAsync(BarangayDbContext db, Caller caller, KpCase kp, Complaints.Complaint complaint, CancellationToken ct)
    {
        var resident = complaint.ResidentId is { } rid ? await db.Residents.AsNoTracking().IgnoreQueryFilters().FirstOrDefaultAsync(r => r.Id == rid, ct) : null;
        var hearings = await (from h in db.Set<KpHearing>().AsNoTracking()
                              where h.KpCaseId == kp.Id
                              orderby h.HeldAt, h.CreatedAt
                              select new { h.Id, h.Stage, h.HeldAt, h.Attendees, h.Minutes, By = db.Users.IgnoreQueryFilters().Where(u => u.Id == h.RecordedBy).Select(u => u.FullName).FirstOrDefault() })
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return new KpCaseDetail(kp.Id, kp.CaseNo, complaint.Id, complaint.ComplaintId, resident is null ? complaint.ComplainantName ?? "" : ComplaintService.Name(resident),
            complaint.Subject, Respondents(kp), kp.Stage, kp.FiledAt, KpDeadlines.Steps(kp, now),
            hearings.Select(h => new KpHearingRow(h.Id, h.Stage, h.HeldAt, JsonSerializer.Deserialize<List<string>>(h.Attendees) ?? [], h.Minutes, h.By)).ToList(),
            kp.PangkatMembers is null ? [] : JsonSerializer.Deserialize<List<string>>(kp.PangkatMembers) ?? [],
            kp.ConciliationExtended, kp.Outcome, kp.OutcomeTerms, kp.OutcomeAt, kp.RepudiationDueAt, kp.RepudiatedAt, kp.RepudiationReason,
            kp.SummonsIssuedAt, kp.CertificateIssuedAt, kp.Version,
            kp.Language, PangkatOf(kp), ActsOf(kp), (await KpCallerOffices.ForAsync(db, caller, kp, ct)).Offices,
            kp.PangkatConvenedAt, kp.ArbitrationAgreedAt, kp.ExecutionMovedAt, kp.ExecutedAt, kp.TransmittedAt, kp.TransmittedTo)
        { Forms = FormsOf(kp), Nature = kp.Nature, Absences = AbsencesOf(kp), Witnesses = WitnessesOf(kp), DismissedAt = kp.DismissedAt };
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>This barangay and its city or municipality, from the settings (the venue's "here").</summary>
    internal static async Task<KpPlace> HereAsync(BarangayDbContext db, CancellationToken ct)
    {
        var keys = new[] { SettingKeys.BarangayName, SettingKeys.Municipality };
        var settings = await db.AppSettings.AsNoTracking().Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => Text(s.Value), ct);
        return new KpPlace(settings.GetValueOrDefault(SettingKeys.BarangayName) ?? "", settings.GetValueOrDefault(SettingKeys.Municipality) ?? "");
    }

    private static ServiceResult<KpCaseDetail> Invalid(string message) => ServiceResult<KpCaseDetail>.Invalid("Case", message);

    /// <summary>
    /// One step on a case: loads it (if the caller may see its complaint), checks the version they saw, applies
    /// <paramref name="apply"/> (a refusal or null) with the caller's KP offices on the case, stores the current
    /// step's deadline and saves it with its audit row.
    /// </summary>
    private async Task<ServiceResult<KpCaseDetail>> StepAsync(Guid id, Guid version, string action,
        Func<BarangayDbContext, Caller, KpCallerOffices, KpCase, Complaints.Complaint, DateTime, Task<string?>> apply, CancellationToken ct)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var kp = await db.Set<KpCase>().FirstOrDefaultAsync(k => k.Id == id, ct);
        if (kp is null) return ServiceResult<KpCaseDetail>.NotFound();
        var complaint = await db.Complaints.FirstAsync(c => c.Id == kp.ComplaintId, ct);
        if (!ComplaintService.HallMaySee(caller, complaint.Confidential, complaint.AssignedTo, complaint.Category)) return ServiceResult<KpCaseDetail>.NotFound();
        if (kp.Version != version)
            return ServiceResult<KpCaseDetail>.Conflict(Texts.Say("Someone else changed this case a moment ago. Nothing was changed; check it and try again."), await DetailAsync(db, caller, kp, complaint, ct));
        var now = clock.GetUtcNow().UtcDateTime;
        var stageBefore = kp.Stage;
        var offices = await KpCallerOffices.ForAsync(db, caller, kp, ct);
        var refusal = await apply(db, caller, offices, kp, complaint, now);
        if (refusal is not null) return Invalid(refusal);
        kp.NextDueAt = KpDeadlines.NextDue(kp, now);
        db.Record(action, TargetType, kp.Id.ToString(), new { case_no = kp.CaseNo, from = stageBefore, to = kp.Stage, by_office = offices.Offices.OrderBy(o => o).ToList() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await factory.CreateDbContextAsync(ct);
            var current = await fresh.Set<KpCase>().AsNoTracking().FirstAsync(k => k.Id == id, ct);
            return ServiceResult<KpCaseDetail>.Conflict(Texts.Say("Someone else changed this case a moment ago. Nothing was changed; check it and try again."), await DetailAsync(fresh, caller, current, complaint, ct));
        }
        return ServiceResult<KpCaseDetail>.Success(await DetailAsync(db, caller, kp, complaint, ct));
    }

    /// <summary>Resolves the complaint behind a case that ended (settled, awarded, or certified for court), telling the complainant.</summary>
    private static async Task ResolveComplaintAsync(BarangayDbContext db, Complaints.Complaint c, Caller caller, string notes, DateTime now, CancellationToken ct)
    {
        if (c.Status != ComplaintStatuses.InProgress) return;
        var actor = await ComplaintService.ActorNameAsync(db, caller, ct);
        c.Status = ComplaintStatuses.Resolved;
        c.ResolutionNotes = notes;
        c.ResolvedAt = now;
        var meta = ComplaintMetadata.Parse(c.Metadata);
        meta.History.Add(new ComplaintHistoryEntry(ComplaintStatuses.Resolved, now, caller.UserId, actor, notes));
        c.Metadata = meta.ToJson();
        db.Record(AuditActions.StatusChange, ComplaintService.TargetType, c.Id.ToString(), new { complaint_id = c.ComplaintId, from = ComplaintStatuses.InProgress, to = ComplaintStatuses.Resolved, note_length = notes.Length });
        if (c.ResidentId is { } rid && await db.Residents.AsNoTracking().IgnoreQueryFilters().FirstOrDefaultAsync(r => r.Id == rid, ct) is { } resident)
        {
            var (subject, text) = ComplaintService.ResolvedMessage(c.ComplaintId, notes);
            await ComplaintService.NotifyComplainantAsync(db, c, resident, subject, text, ct);
        }
    }
}
