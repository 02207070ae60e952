using Barangay.Data.Localization;
using System.Text.Json;
using Barangay.Data.Common;

namespace Barangay.Data.Complaints.Kp;

/// <summary>
/// The nature of the dispute (for the Lupon's monthly report) and a party's failure to appear.
/// </summary>
/// <remarks>
/// Failure to appear follows the Katarungang Pambarangay Rules (1992), Rule VI sec. 8, under LGC sec. 415 (the parties
/// must appear in person) and sec. 412(a) (no action in court without confrontation before the Lupon or Pangkat):
/// <list type="bullet">
/// <item>The complainant who, after due notice, wilfully fails to appear without justifiable reason: the complaint may be
/// dismissed by the Punong Barangay or the Pangkat chairman <b>after giving the complainant an opportunity to explain</b>
/// (KP Form 18); the dismissal, certified by the Lupon or Pangkat secretary (KP Form 21, Certification to Bar Action),
/// bars the complainant from going to court on the same cause of action.</item>
/// <item>The respondent's similar failure, after the same opportunity to explain (KP Form 19): any counterclaim arising
/// from the complaint is dismissed, certified likewise (KP Form 22, Certification to Bar Counterclaim), and barred in
/// court. Before the Punong Barangay the Pangkat must then be constituted (Rule III sec. 1(c)); before the Pangkat the
/// failure is sufficient basis for the Certification to File Action (KP Form 20-B).</item>
/// </list>
/// Sources: docs/katarungang-pambarangay.md ("Failure to appear").
/// </remarks>
public sealed partial class KpService
{
    public const string NatureAction = "KpNature";
    public const string AbsenceAction = "KpAbsence";

    /// <summary>Corrects the nature of the dispute (criminal, civil, others) while the case is open; the Lupon chairman or secretary, who took it up.</summary>
    public Task<ServiceResult<KpCaseDetail>> SetNatureAsync(Guid id, string nature, Guid version, CancellationToken ct = default) =>
        StepAsync(id, version, NatureAction, (_, _, who, kp, _, _) =>
        {
            if (Refuse(who, LuponRecords, "record the nature of the dispute") is { } r) return Task.FromResult<string?>(r);
            if (!KpNatures.All.Contains(nature)) return Task.FromResult<string?>(Texts.Say("Choose the nature of the dispute: criminal, civil or others."));
            if (!KpStages.Open.Contains(kp.Stage)) return Task.FromResult<string?>(Texts.Say("The nature is corrected while the case is open; this one is {0}.", kp.Stage));
            kp.Nature = nature;
            return Task.FromResult<string?>(null);
        }, ct);

    /// <summary>
    /// Records that a party failed to appear at the hearing of <paramref name="missedAt"/> (UTC) and the day and hour set
    /// for them to explain (<paramref name="explainOn"/>, UTC): the notice is KP Form 18 (complainant) or 19 (respondent).
    /// Recorded by whoever keeps the hearings of the stage: the Lupon chairman or secretary in mediation, the Pangkat's
    /// chairman or secretary in conciliation.
    /// </summary>
    public Task<ServiceResult<KpCaseDetail>> RecordAbsenceAsync(Guid id, string party, DateTime missedAt, DateTime explainOn, Guid version, CancellationToken ct = default) =>
        StepAsync(id, version, AbsenceAction, (_, caller, who, kp, _, now) =>
        {
            var missed = DateTime.SpecifyKind(missedAt, DateTimeKind.Utc);
            var explain = DateTime.SpecifyKind(explainOn, DateTimeKind.Utc);
            var pangkat = ByPangkat(kp);
            string? refusal = kp.Stage switch
            {
                KpStages.Mediation when kp.SummonsIssuedAt is null => Texts.Say("A party fails to appear at a hearing they were summoned to: issue the summons first."),
                KpStages.Conciliation when !pangkat => Texts.Say("Constitute the Pangkat first: the failure to appear is at its hearing."),
                KpStages.Mediation or KpStages.Conciliation => null,
                _ => Texts.Say("A failure to appear is recorded while the case is in mediation or conciliation; this one is {0}.", kp.Stage),
            };
            refusal ??= pangkat ? Refuse(who, PangkatRecords, "record a failure to appear before the Pangkat") : Refuse(who, LuponRecords, "record a failure to appear before the Punong Barangay");
            if (refusal is null && party is not (KpParties.Complainant or KpParties.Respondent)) refusal = Texts.Say("Say who failed to appear: the complainant or the respondent.");
            if (refusal is null && AbsencesOf(kp).Any(a => a.Finding is null)) refusal = Texts.Say("A failure to appear already waits for its finding: record that first.");
            if (refusal is null && missed > now.AddMinutes(5)) refusal = Texts.Say("The missed hearing cannot be in the future.");
            if (refusal is null && missed < (pangkat ? kp.PangkatConstitutedAt!.Value : kp.SummonsIssuedAt!.Value).AddMinutes(-5))
                refusal = pangkat ? Texts.Say("The missed hearing is before the Pangkat was constituted.") : Texts.Say("The missed hearing is before the summons was issued.");
            if (refusal is null && explain <= missed) refusal = Texts.Say("The day to explain comes after the missed hearing.");
            if (refusal is null && explain < now.AddMinutes(-5)) refusal = Texts.Say("Set a day to explain that has not passed: the party must be notified of it (KP Form 18 or 19).");
            if (refusal is not null) return Task.FromResult<string?>(refusal);
            var absences = AbsencesOf(kp);
            absences.Add(new KpAbsence(party, kp.Stage, missed, explain, now));
            kp.Absences = JsonSerializer.Serialize(absences, Json);
            AddAct(kp, party + "_absent_notice", now, caller.UserId, who.Name, pangkat ? Office(who, PangkatRecords) : Office(who, LuponRecords));
            return Task.FromResult<string?>(null);
        }, ct);

    /// <summary>
    /// The finding on the pending failure to appear, made by the Punong Barangay (mediation) or the Pangkat chairman
    /// (conciliation) not before the day set for the party to explain. Justified: the proceedings go on. Unjustified:
    /// the complainant's complaint is dismissed and the action barred (KP Form 21); the respondent's counterclaim is
    /// barred (KP Form 22) and, before the Punong Barangay, the case goes to the Pangkat, before the Pangkat, the
    /// complainant may go to court (KP Form 20-B).
    /// </summary>
    public Task<ServiceResult<KpCaseDetail>> FindAbsenceAsync(Guid id, bool justified, string? reason, Guid version, CancellationToken ct = default) =>
        StepAsync(id, version, AbsenceAction, async (db, caller, who, kp, complaint, now) =>
        {
            var chair = ByPangkat(kp) ? PangkatChair : Chairman;
            if (Refuse(who, chair, "decide on a failure to appear (KP Rules, Rule VI sec. 8)") is { } r) return r;
            var absences = AbsencesOf(kp);
            var pending = absences.LastOrDefault(a => a.Finding is null);
            if (pending is null || !KpStages.Open.Contains(kp.Stage)) return Texts.Say("No failure to appear waits for a finding.");
            if (now < pending.ExplainOn)
                return pending.Party == KpParties.Complainant
                    ? Texts.Say("The complainant has until the hearing of {0} to explain the failure to appear (KP Rules, Rule VI sec. 8): decide after it.", ComplaintService.Format(pending.ExplainOn))
                    : Texts.Say("The respondent has until the hearing of {0} to explain the failure to appear (KP Rules, Rule VI sec. 8): decide after it.", ComplaintService.Format(pending.ExplainOn));
            var clean = ComplaintService.Clean(reason);
            if (clean is { Length: > MaxTerms }) return Texts.Say("The note is longer than {0:N0} characters.", MaxTerms);
            absences[absences.IndexOf(pending)] = pending with { Finding = justified ? KpAbsenceFindings.Justified : KpAbsenceFindings.Unjustified, FoundAt = now, Reason = clean };
            kp.Absences = JsonSerializer.Serialize(absences, Json);
            var office = Office(who, chair);
            if (justified)
            {
                AddAct(kp, pending.Party + "_absence_justified", now, caller.UserId, who.Name, office);
                return null;
            }
            if (pending.Party == KpParties.Complainant)
            {
                kp.Stage = KpStages.Dismissed;
                kp.DismissedAt = now;
                AddAct(kp, "complainant_absent", now, caller.UserId, who.Name, office);
                await ResolveComplaintAsync(db, complaint, caller,
                    $"KP case {kp.CaseNo} dismissed: the complainant failed to appear without justifiable reason, which bars the action in court (Certification to Bar Action, KP Form 21).", now, ct);
                return null;
            }
            AddAct(kp, "respondent_absent", now, caller.UserId, who.Name, office);
            if (kp.Stage == KpStages.Mediation)
            {
                // Rule III sec. 1(c): the respondent did not appear before the Punong Barangay, so the Pangkat must be constituted.
                kp.Stage = KpStages.Conciliation;
                kp.MediationFailedAt = now;
                AddAct(kp, "mediation_failed", now, caller.UserId, who.Name, KpOffices.LuponChairman);
                return null;
            }
            kp.Stage = KpStages.Failed;
            kp.Outcome = KpOutcomes.Failure;
            kp.OutcomeAt = now;
            kp.OutcomeTerms = kp.Language == KpLanguages.Filipino
                ? "Ang ipinagsusumbong ay sadyang hindi humarap sa Pangkat nang walang makatwirang dahilan"
                : "The respondent wilfully failed to appear before the Pangkat without justifiable reason";
            AddAct(kp, KpCertificates.RespondentAbsentStep, now, caller.UserId, who.Name, office);
            return null;
        }, ct);

    internal static List<KpAbsence> AbsencesOf(KpCase kp) => JsonSerializer.Deserialize<List<KpAbsence>>(kp.Absences, Json) ?? [];
}
