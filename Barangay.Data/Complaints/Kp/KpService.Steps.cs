using Barangay.Data.Localization;
using System.Text.Json;
using Barangay.Data.Common;
using Barangay.Data.Officials;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Complaints.Kp;

/// <summary>
/// The steps of a KP case, each done by the officer the Local Government Code names (checked here, not only hidden in
/// the page): the Lupon chairman summons, mediates, constitutes the Pangkat, receives repudiations and executes
/// (secs. 410, 417, 418); the Pangkat's chairman and secretary conduct and minute its hearings (sec. 404(b)); the Lupon
/// secretary keeps the records, certifies and transmits (secs. 412, 419).
/// </summary>
public sealed partial class KpService
{
    public const string SummonsAction = "KpSummons";
    public const string HearingAction = "KpHearing";
    public const string StageAction = "KpStage";
    public const string OutcomeAction = "KpOutcome";
    public const string CertificateAction = "KpCertificate";
    public const string ExecutionAction = "KpExecution";
    public const string TransmittalAction = "KpTransmittal";

    private static readonly string[] Chairman = [KpOffices.LuponChairman];
    private static readonly string[] LuponRecords = [KpOffices.LuponChairman, KpOffices.LuponSecretary];
    private static readonly string[] PangkatChair = [KpOffices.PangkatChairman];
    private static readonly string[] PangkatRecords = [KpOffices.PangkatChairman, KpOffices.PangkatSecretary];
    private static readonly string[] Secretary = [KpOffices.LuponSecretary];

    /// <summary>The Pangkat hears the case once mediation failed; before that (and for an award agreed then) the Lupon chairman does.</summary>
    private static bool ByPangkat(KpCase kp) => kp.PangkatConstitutedAt is not null;

    private static string? Refuse(KpCallerOffices who, string[] allowed, string what) =>
        who.Holds(allowed) ? null : KpOffices.Refusal(what, allowed);

    private static string Office(KpCallerOffices who, string[] allowed) => allowed.First(who.Offices.Contains);

    /// <summary>
    /// Sec. 410(b): the Lupon chairman summons the respondents within the next working day, "for them to appear before
    /// him" on a day and hour he sets (<paramref name="hearingAt"/>): KP Form 9 (Summons) and KP Form 8 (Notice of Hearing,
    /// to the complainant) print it. It must be ahead of now: a summons calls the parties to a coming hearing.
    /// </summary>
    public Task<ServiceResult<KpCaseDetail>> IssueSummonsAsync(Guid id, Guid version, DateTime hearingAt, CancellationToken ct = default) =>
        StepAsync(id, version, SummonsAction, (_, caller, who, kp, _, now) =>
        {
            if (Refuse(who, Chairman, "issue the summons (sec. 410(b))") is { } r) return Task.FromResult<string?>(r);
            if (kp.Stage != KpStages.Mediation) return Task.FromResult<string?>(Texts.Say("The summons is issued at the start of mediation; this case is past it."));
            if (kp.SummonsIssuedAt is not null) return Task.FromResult<string?>(Texts.Say("The summons was already issued on {0}.", ComplaintService.Format(kp.SummonsIssuedAt.Value)));
            var hearing = DateTime.SpecifyKind(hearingAt, DateTimeKind.Utc);
            if (hearing <= now)
                return Task.FromResult<string?>(Texts.Say("Set the day and hour of the hearing the summons calls the parties to: it must be after now ({0}).", ComplaintService.Format(now)));
            kp.SummonsIssuedAt = now;
            kp.Acts = JsonSerializer.Serialize(ActsOf(kp).Append(new KpAct("summons", now, caller.UserId, who.Name, KpOffices.LuponChairman, hearing)), Json);
            return Task.FromResult<string?>(null);
        }, ct);

    /// <summary>
    /// Records a hearing (date, attendees, minutes). Before the Lupon chairman (minuted by him or the Lupon secretary) the
    /// first one starts the 15 days of mediation (sec. 410(b)); before the Pangkat (minuted by its chairman or secretary,
    /// sec. 404(b)) the first one is the day it convenes, from which its 15 days run (sec. 410(e)).
    /// </summary>
    public Task<ServiceResult<KpCaseDetail>> RecordHearingAsync(Guid id, KpHearingInput input, Guid version, CancellationToken ct = default) =>
        StepAsync(id, version, HearingAction, (db, caller, who, kp, _, now) =>
        {
            var attendees = input.Attendees.Select(a => (a ?? "").Trim()).Where(a => a.Length > 0).Distinct().ToList();
            var minutes = (input.Minutes ?? "").Trim();
            var pangkat = ByPangkat(kp);
            string? refusal = kp.Stage switch
            {
                KpStages.Mediation when kp.SummonsIssuedAt is null => Texts.Say("Issue the summons before the first hearing."),
                KpStages.Conciliation when kp.PangkatConstitutedAt is null => Texts.Say("Constitute the Pangkat before its first hearing."),
                KpStages.Mediation or KpStages.Conciliation or KpStages.Arbitration => null,
                _ => Texts.Say("This case is {0}: no more hearings can be recorded.", kp.Stage),
            };
            refusal ??= pangkat ? Refuse(who, PangkatRecords, "record the Pangkat's hearings (sec. 404(b))") : Refuse(who, LuponRecords, "record the hearings before the Lupon chairman");
            var held = DateTime.SpecifyKind(input.HeldAt, DateTimeKind.Utc);
            if (refusal is null && held > now.AddMinutes(5)) refusal = Texts.Say("A hearing is recorded after it is held: the date cannot be in the future.");
            if (refusal is null && held < kp.FiledAt.AddMinutes(-5)) refusal = Texts.Say("The hearing date is before the case was filed.");
            if (refusal is null && pangkat && kp.PangkatConstitutedAt is { } constituted && held < constituted.AddMinutes(-5)) refusal = Texts.Say("The hearing date is before the Pangkat was constituted.");
            if (refusal is null && attendees.Count == 0) refusal = Texts.Say("List who attended the hearing.");
            if (refusal is null && attendees.Any(a => a.Length > MaxName)) refusal = Texts.Say("An attendee's name is longer than {0} characters.", MaxName);
            if (refusal is null && minutes.Length == 0) refusal = Texts.Say("Write the minutes of the hearing.");
            if (refusal is null && minutes.Length > MaxMinutes) refusal = Texts.Say("The minutes are longer than {0:N0} characters.", MaxMinutes);
            if (refusal is not null) return Task.FromResult<string?>(refusal);
            db.Set<KpHearing>().Add(new KpHearing
            {
                Id = Guid.NewGuid(), KpCaseId = kp.Id, Stage = kp.Stage, HeldAt = held,
                Attendees = JsonSerializer.Serialize(attendees), Minutes = minutes, RecordedBy = caller.UserId,
            });
            if (kp.Stage == KpStages.Mediation && kp.MediationStartedAt is null)
            {
                kp.MediationStartedAt = held;
                kp.MediationDueAt = KpDeadlines.MediationDue(held);
            }
            if (kp.Stage == KpStages.Conciliation && kp.PangkatConvenedAt is null)
            {
                kp.PangkatConvenedAt = held;
                kp.ConciliationDueAt = KpDeadlines.ConciliationDue(held);
            }
            // The hearing is a child row: touch the case so its version rolls (two recorders of the same state conflict).
            kp.UpdatedAt = now;
            db.Entry(kp).State = EntityState.Modified;
            return Task.FromResult<string?>(null);
        }, ct);

    /// <summary>Sec. 410(b): mediation failed; the Lupon chairman forthwith sets a date for the constitution of the Pangkat.</summary>
    public Task<ServiceResult<KpCaseDetail>> FailMediationAsync(Guid id, Guid version, CancellationToken ct = default) =>
        StepAsync(id, version, StageAction, async (db, caller, who, kp, _, now) =>
        {
            if (Refuse(who, Chairman, "declare that mediation failed (sec. 410(b))") is { } r) return r;
            if (kp.Stage != KpStages.Mediation) return Texts.Say("Only a case in mediation can move to the Pangkat; this one is {0}.", kp.Stage);
            if (!await db.Set<KpHearing>().AnyAsync(h => h.KpCaseId == kp.Id && h.Stage == KpStages.Mediation, ct))
                return Texts.Say("Record the mediation hearing before declaring that mediation failed.");
            kp.Stage = KpStages.Conciliation;
            kp.MediationFailedAt = now;
            AddAct(kp, "mediation_failed", now, caller.UserId, who.Name, KpOffices.LuponChairman);
            return null;
        }, ct);

    /// <summary>
    /// Sec. 404: constitutes the Pangkat ng Tagapagkasundo — three Lupon members chosen by the parties (or by lot drawn
    /// by the Lupon chairman), who choose their chairman and secretary from among themselves. It convenes "not later than
    /// three (3) days from its constitution, on the day and hour set by the lupon chairman" (sec. 410(d)):
    /// <paramref name="convenesAt"/>, which KP Form 12 prints; its 15 days run from the day it convenes (sec. 410(e)).
    /// </summary>
    public Task<ServiceResult<KpCaseDetail>> ConstitutePangkatAsync(Guid id, IReadOnlyList<Guid> officialIds, Guid chairman, Guid secretary, Guid version,
        DateTime convenesAt, CancellationToken ct = default) =>
        StepAsync(id, version, StageAction, async (db, caller, who, kp, _, now) =>
        {
            if (Refuse(who, Chairman, "constitute the Pangkat (sec. 404(a))") is { } r) return r;
            if (kp.Stage != KpStages.Conciliation) return Texts.Say("The Pangkat is constituted after mediation fails.");
            if (kp.PangkatConstitutedAt is not null) return Texts.Say("The Pangkat of this case is already constituted.");
            var ids = officialIds.Distinct().ToList();
            if (ids.Count != 3) return Texts.Say("The Pangkat has three members: choose three Lupon members.");
            var members = await db.Officials.AsNoTracking()
                .Where(o => ids.Contains(o.Id) && o.Position == OfficialPositions.LuponMember && o.Status == OfficialStatuses.Active)
                .Select(o => new { o.Id, o.UserId, o.FullName }).ToListAsync(ct);
            if (members.Count != 3) return Texts.Say("Each Pangkat member must be a serving member of the Lupon.");
            if (!ids.Contains(chairman) || !ids.Contains(secretary) || chairman == secretary)
                return Texts.Say("The Pangkat chooses its chairman and its secretary from among its three members: two different members.");
            var convenes = DateTime.SpecifyKind(convenesAt, DateTimeKind.Utc);
            if (convenes <= now || convenes > KpDeadlines.ConveneDue(now))
                return Texts.Say("Set the day and hour the Pangkat convenes: after now and not later than 3 days from its constitution, by {0} (sec. 410(d)).", ComplaintService.Format(KpDeadlines.ConveneDue(now)));
            var pangkat = members.OrderBy(m => m.Id == chairman ? 0 : m.Id == secretary ? 1 : 2)
                .Select(m => new KpPangkatMember(m.Id, m.UserId, m.FullName, m.Id == chairman ? KpPangkatRoles.Chairman : m.Id == secretary ? KpPangkatRoles.Secretary : KpPangkatRoles.Member))
                .ToList();
            kp.PangkatConstitutedAt = now;
            kp.Pangkat = JsonSerializer.Serialize(pangkat, Json);
            kp.PangkatMembers = JsonSerializer.Serialize(pangkat.Select(m => m.Name));
            kp.PangkatDueAt = KpDeadlines.ConveneDue(now);
            kp.Acts = JsonSerializer.Serialize(ActsOf(kp).Append(new KpAct("pangkat", now, caller.UserId, who.Name, KpOffices.LuponChairman, convenes)), Json);
            return null;
        }, ct);

    /// <summary>Sec. 410(e): the Pangkat, at its discretion, extends its 15 days once, by at most 15.</summary>
    public Task<ServiceResult<KpCaseDetail>> ExtendConciliationAsync(Guid id, Guid version, CancellationToken ct = default) =>
        StepAsync(id, version, StageAction, (_, caller, who, kp, _, now) =>
        {
            if (Refuse(who, PangkatChair, "extend the Pangkat's period (sec. 410(e))") is { } r) return Task.FromResult<string?>(r);
            if (kp.Stage != KpStages.Conciliation || kp.ConciliationDueAt is null) return Task.FromResult<string?>(Texts.Say("Only the Pangkat's conciliation period, once it has convened, can be extended."));
            if (kp.ConciliationExtended) return Task.FromResult<string?>(Texts.Say("The conciliation period was already extended once; it cannot be extended again."));
            kp.ConciliationExtended = true;
            kp.ConciliationDueAt = kp.ConciliationDueAt.Value.AddDays(KpDeadlines.ExtensionDays);
            AddAct(kp, "extension", now, caller.UserId, who.Name, KpOffices.PangkatChairman);
            return Task.FromResult<string?>(null);
        }, ct);

    /// <summary>
    /// Sec. 413(a): at any stage the parties agree in writing to abide by the award of the Lupon chairman (in mediation)
    /// or the Pangkat (in conciliation). The agreement may be repudiated within 5 days; the award is made after that and
    /// within 10 days thereafter.
    /// </summary>
    public Task<ServiceResult<KpCaseDetail>> AgreeToArbitrationAsync(Guid id, Guid version, CancellationToken ct = default) =>
        StepAsync(id, version, StageAction, (_, caller, who, kp, _, now) =>
        {
            var arbitrator = ByPangkat(kp) ? PangkatChair : Chairman;
            if (Refuse(who, arbitrator, "record the agreement to arbitrate (sec. 413(a))") is { } r) return Task.FromResult<string?>(r);
            if (kp.Stage is not (KpStages.Mediation or KpStages.Conciliation)) return Task.FromResult<string?>(Texts.Say("The parties agree to arbitration while the case is open; this one is {0}.", kp.Stage));
            if (kp.Stage == KpStages.Mediation && kp.SummonsIssuedAt is null) return Task.FromResult<string?>(Texts.Say("Issue the summons first: the parties agree to arbitration before the Lupon chairman."));
            if (kp.Stage == KpStages.Conciliation && kp.PangkatConstitutedAt is null) return Task.FromResult<string?>(Texts.Say("Constitute the Pangkat first: the parties agree to its arbitration."));
            kp.Stage = KpStages.Arbitration;
            kp.ArbitrationAgreedAt = now;
            kp.ArbitrationRepudiationDueAt = KpDeadlines.ArbitrationRepudiationDue(now);
            kp.AwardDueAt = KpDeadlines.AwardDue(now);
            AddAct(kp, "arbitration_agreement", now, caller.UserId, who.Name, Office(who, arbitrator));
            return Task.FromResult<string?>(null);
        }, ct);

    /// <summary>
    /// Records how the case ended: an amicable settlement (sec. 411: attested by the Lupon chairman or the Pangkat
    /// chairman; repudiable within 10 days, sec. 418), an arbitration award (sec. 413: only after the 5 days to repudiate
    /// the agreement; not repudiable, sec. 416), or the Pangkat's failure to conciliate.
    /// </summary>
    public Task<ServiceResult<KpCaseDetail>> RecordOutcomeAsync(Guid id, string outcome, string? terms, Guid version, CancellationToken ct = default) =>
        StepAsync(id, version, OutcomeAction, async (db, caller, who, kp, complaint, now) =>
        {
            var clean = ComplaintService.Clean(terms);
            if (!KpStages.Open.Contains(kp.Stage)) return Texts.Say("This case is already {0}.", kp.Stage);
            var chair = ByPangkat(kp) ? PangkatChair : Chairman;
            switch (outcome)
            {
                case KpOutcomes.Settlement:
                    if (Refuse(who, chair, "attest the amicable settlement (sec. 411)") is { } rs) return rs;
                    if (kp.Stage == KpStages.Arbitration) return Texts.Say("The parties agreed to arbitration: record the award.");
                    if (!await db.Set<KpHearing>().AnyAsync(h => h.KpCaseId == kp.Id && h.Stage == kp.Stage, ct))
                        return kp.Stage == KpStages.Mediation
                            ? Texts.Say("A case cannot be settled with no hearing: record the mediation hearing first.")
                            : Texts.Say("A case cannot be settled with no hearing: record the Pangkat hearing first.");
                    if (clean is null) return Texts.Say("Write the terms of the amicable settlement.");
                    if (clean.Length > MaxTerms) return Texts.Say("The terms are longer than {0:N0} characters.", MaxTerms);
                    kp.Stage = KpStages.Settled;
                    kp.RepudiationDueAt = KpDeadlines.RepudiationDue(now);
                    break;
                case KpOutcomes.Award:
                    if (Refuse(who, chair, "make the arbitration award (sec. 413)") is { } ra) return ra;
                    if (kp.Stage != KpStages.Arbitration) return Texts.Say("An award is made only after the parties agree in writing to arbitration (sec. 413(a)).");
                    if (kp.ArbitrationRepudiationDueAt is { } lapse && now <= lapse)
                        return Texts.Say("The award is made after the 5 days to repudiate the agreement to arbitrate, which end on {0} (sec. 413(a)).", ComplaintService.Format(lapse));
                    if (clean is null) return Texts.Say("Write the arbitration award.");
                    if (clean.Length > MaxTerms) return Texts.Say("The award is longer than {0:N0} characters.", MaxTerms);
                    kp.Stage = KpStages.Arbitrated;
                    kp.RepudiationDueAt = null;
                    break;
                case KpOutcomes.Failure:
                    if (kp.Stage != KpStages.Conciliation || kp.PangkatConstitutedAt is null)
                        return Texts.Say("Conciliation fails before the Pangkat: when mediation fails, send the case to the Pangkat first.");
                    if (Refuse(who, PangkatRecords, "record that conciliation failed") is { } rf) return rf;
                    if (!await db.Set<KpHearing>().AnyAsync(h => h.KpCaseId == kp.Id && h.Stage == kp.Stage, ct)) return Texts.Say("Record the Pangkat's hearing before declaring that conciliation failed.");
                    if (clean is { Length: > MaxTerms }) return Texts.Say("The note is longer than {0:N0} characters.", MaxTerms);
                    kp.Stage = KpStages.Failed;
                    break;
                default:
                    return Texts.Say("Choose the outcome: settlement, award or failure.");
            }
            kp.Outcome = outcome;
            kp.OutcomeTerms = clean;
            kp.OutcomeAt = now;
            AddAct(kp, outcome, now, caller.UserId, who.Name, outcome == KpOutcomes.Failure ? Office(who, PangkatRecords) : Office(who, chair));
            if (kp.Stage is KpStages.Settled or KpStages.Arbitrated)
            {
                kp.TransmittalDueAt = KpDeadlines.TransmittalDue(outcome, now);
                kp.ExecutionDueAt = KpDeadlines.ExecutionDue(now);
                await ResolveComplaintAsync(db, complaint, caller, $"{(kp.Stage == KpStages.Settled ? "Amicable settlement" : "Arbitration award")} in KP case {kp.CaseNo}.", now, ct);
            }
            return null;
        }, ct);

    /// <summary>
    /// A party repudiates, by a statement sworn before the Lupon chairman (sec. 418): a settlement within 10 days of it,
    /// or the agreement to arbitrate within 5 days (sec. 413(a)). An award cannot be repudiated (sec. 416): only a
    /// petition to the court to nullify it.
    /// </summary>
    public Task<ServiceResult<KpCaseDetail>> RepudiateAsync(Guid id, string reason, Guid version, CancellationToken ct = default) =>
        StepAsync(id, version, OutcomeAction, (_, caller, who, kp, _, now) =>
        {
            var clean = ComplaintService.Clean(reason);
            if (kp.Stage == KpStages.Arbitrated)
                return Task.FromResult<string?>(Texts.Say("An arbitration award cannot be repudiated (sec. 416): a party may only petition the city or municipal court to nullify it within 10 days of its date."));
            if (Refuse(who, Chairman, "receive a repudiation, which is sworn before him (sec. 418)") is { } r) return Task.FromResult<string?>(r);
            DateTime? due = kp.Stage switch
            {
                KpStages.Settled => kp.RepudiationDueAt,
                KpStages.Arbitration => kp.ArbitrationRepudiationDueAt,
                _ => null,
            };
            if (due is null) return Task.FromResult<string?>(Texts.Say("Only an amicable settlement or an agreement to arbitrate can be repudiated."));
            if (now > due.Value)
                return Task.FromResult<string?>(kp.Stage == KpStages.Settled
                    ? Texts.Say("The 10 days to repudiate ended on {0}; the settlement is final (sec. 416).", ComplaintService.Format(due.Value))
                    : Texts.Say("The 5 days to repudiate the agreement to arbitrate ended on {0} (sec. 413(a)).", ComplaintService.Format(due.Value)));
            if (clean is null) return Task.FromResult<string?>(Texts.Say("Give the ground for the repudiation (fraud, violence or intimidation), as sworn by the party."));
            if (clean.Length > MaxTerms) return Task.FromResult<string?>(Texts.Say("The reason is longer than {0:N0} characters.", MaxTerms));
            if (kp.Stage == KpStages.Arbitration) kp.Outcome = null;
            kp.Stage = KpStages.Repudiated;
            kp.RepudiatedAt = now;
            kp.RepudiationReason = clean;
            kp.TransmittalDueAt = null;
            kp.ExecutionDueAt = null;
            AddAct(kp, "repudiation", now, caller.UserId, who.Name, KpOffices.LuponChairman);
            return Task.FromResult<string?>(null);
        }, ct);

    /// <summary>
    /// Sec. 412(a): the Certificate to File Action of a case whose conciliation failed or whose settlement was
    /// repudiated, certified by the Lupon secretary (or, for the Pangkat's failure, its secretary) and attested by the
    /// chairman. The parties may then go to court, so the complaint behind it is resolved (and its complainant told).
    /// </summary>
    public Task<ServiceResult<KpCaseDetail>> IssueCertificateAsync(Guid id, Guid version, CancellationToken ct = default) =>
        StepAsync(id, version, CertificateAction, async (db, caller, who, kp, complaint, now) =>
        {
            var certifiers = kp.Stage == KpStages.Failed ? [KpOffices.LuponSecretary, KpOffices.PangkatSecretary] : Secretary;
            if (Refuse(who, certifiers, "certify that the parties may file action (sec. 412(a))") is { } r) return r;
            if (kp.Stage is not (KpStages.Failed or KpStages.Repudiated))
                return Texts.Say("A Certificate to File Action is issued only when conciliation failed or the settlement was repudiated.");
            if (kp.CertificateIssuedAt is not null) return Texts.Say("The Certificate to File Action was already issued on {0}.", ComplaintService.Format(kp.CertificateIssuedAt.Value));
            kp.CertificateIssuedAt = now;
            AddAct(kp, "certificate", now, caller.UserId, who.Name, Office(who, certifiers));
            await ResolveComplaintAsync(db, complaint, caller, $"Certificate to File Action issued in KP case {kp.CaseNo}: the parties may go to court.", now, ct);
            return null;
        }, ct);

    /// <summary>
    /// A party moves for execution (KP Form 23) of a settlement or award that has become final (10 days, sec. 416),
    /// within the 6 months the Lupon may execute it (sec. 417); the motion is filed with the Lupon chairman and entered by
    /// him or the Lupon secretary.
    /// </summary>
    public Task<ServiceResult<KpCaseDetail>> MoveForExecutionAsync(Guid id, Guid version, CancellationToken ct = default) =>
        StepAsync(id, version, ExecutionAction, (_, caller, who, kp, _, now) =>
        {
            if (Refuse(who, LuponRecords, "enter a motion for execution") is { } r) return Task.FromResult<string?>(r);
            if (kp.Stage is not (KpStages.Settled or KpStages.Arbitrated) || kp.OutcomeAt is null) return Task.FromResult<string?>(Texts.Say("Only a settlement or an award can be executed."));
            if (kp.ExecutionMovedAt is not null) return Task.FromResult<string?>(Texts.Say("A motion for execution was already entered."));
            var final = kp.OutcomeAt.Value.AddDays(KpDeadlines.FinalityDays);
            if (now < final) return Task.FromResult<string?>(kp.Outcome == KpOutcomes.Award
                ? Texts.Say("The award becomes final on {0} (sec. 416); execution is moved after that.", ComplaintService.Format(final))
                : Texts.Say("The settlement becomes final on {0} (sec. 416); execution is moved after that.", ComplaintService.Format(final)));
            if (now > kp.ExecutionDueAt) return Task.FromResult<string?>(Texts.Say("The 6 months for execution by the Lupon ended on {0}: it is now enforced by action in court (sec. 417).", ComplaintService.Format(kp.ExecutionDueAt!.Value)));
            kp.ExecutionMovedAt = now;
            AddAct(kp, "execution_motion", now, caller.UserId, who.Name, Office(who, LuponRecords));
            return Task.FromResult<string?>(null);
        }, ct);

    /// <summary>Sec. 417: the Lupon chairman executes the settlement or award (notice of execution, KP Form 25) within 6 months.</summary>
    public Task<ServiceResult<KpCaseDetail>> ExecuteAsync(Guid id, string notes, Guid version, CancellationToken ct = default) =>
        StepAsync(id, version, ExecutionAction, (_, caller, who, kp, _, now) =>
        {
            var clean = ComplaintService.Clean(notes);
            if (Refuse(who, Chairman, "execute a settlement or award (sec. 417)") is { } r) return Task.FromResult<string?>(r);
            if (kp.ExecutionMovedAt is null) return Task.FromResult<string?>(Texts.Say("Enter the party's motion for execution first."));
            if (kp.ExecutedAt is not null) return Task.FromResult<string?>(Texts.Say("It was already executed."));
            if (now > kp.ExecutionDueAt) return Task.FromResult<string?>(Texts.Say("The 6 months for execution by the Lupon ended on {0}: it is now enforced by action in court (sec. 417).", ComplaintService.Format(kp.ExecutionDueAt!.Value)));
            if (clean is null) return Task.FromResult<string?>(Texts.Say("Say what was done to execute it (what was paid, delivered or done)."));
            if (clean.Length > MaxTerms) return Task.FromResult<string?>(Texts.Say("The note is longer than {0:N0} characters.", MaxTerms));
            kp.ExecutedAt = now;
            kp.ExecutionNotes = clean;
            AddAct(kp, "execution", now, caller.UserId, who.Name, KpOffices.LuponChairman);
            return Task.FromResult<string?>(null);
        }, ct);

    /// <summary>
    /// Sec. 419: the Lupon secretary transmits the settlement or award to the city or municipal court within 5 days from
    /// the award, or from the lapse of the 10 days to repudiate the settlement.
    /// </summary>
    public Task<ServiceResult<KpCaseDetail>> TransmitAsync(Guid id, string court, Guid version, CancellationToken ct = default) =>
        StepAsync(id, version, TransmittalAction, (_, caller, who, kp, _, now) =>
        {
            var clean = ComplaintService.Clean(court);
            if (Refuse(who, Secretary, "transmit the settlement or award to the court (sec. 419)") is { } r) return Task.FromResult<string?>(r);
            if (kp.Stage is not (KpStages.Settled or KpStages.Arbitrated)) return Task.FromResult<string?>(Texts.Say("Only a settlement or an award is transmitted to the court."));
            if (kp.TransmittedAt is not null) return Task.FromResult<string?>(Texts.Say("It was already transmitted on {0}.", ComplaintService.Format(kp.TransmittedAt.Value)));
            if (kp.Stage == KpStages.Settled && kp.RepudiationDueAt is { } lapse && now <= lapse)
                return Task.FromResult<string?>(Texts.Say("A settlement is transmitted after the 10 days to repudiate it, which end on {0} (sec. 419).", ComplaintService.Format(lapse)));
            if (clean is null) return Task.FromResult<string?>(Texts.Say("Name the court it is transmitted to."));
            if (clean.Length > MaxName) return Task.FromResult<string?>(Texts.Say("The court's name is longer than {0} characters.", MaxName));
            kp.TransmittedAt = now;
            kp.TransmittedTo = clean;
            AddAct(kp, "transmittal", now, caller.UserId, who.Name, KpOffices.LuponSecretary);
            return Task.FromResult<string?>(null);
        }, ct);
}
