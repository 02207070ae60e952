using System.Text.Json;
using Barangay.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Complaints.Kp;

public sealed partial class KpService
{
    public const string SummonsAction = "KpSummons";
    public const string HearingAction = "KpHearing";
    public const string StageAction = "KpStage";
    public const string OutcomeAction = "KpOutcome";
    public const string CertificateAction = "KpCertificate";

    /// <summary>The Punong Barangay issues the summons to the respondents (due by the next working day after filing).</summary>
    public Task<ServiceResult<KpCaseDetail>> IssueSummonsAsync(Guid id, Guid version, CancellationToken ct = default) =>
        StepAsync(id, version, SummonsAction, (_, _, kp, _, now) =>
        {
            if (kp.Stage != KpStages.Mediation) return Task.FromResult<string?>("The summons is issued at the start of mediation; this case is past it.");
            if (kp.SummonsIssuedAt is not null) return Task.FromResult<string?>($"The summons was already issued on {ComplaintService.Format(kp.SummonsIssuedAt.Value)}.");
            kp.SummonsIssuedAt = now;
            return Task.FromResult<string?>(null);
        }, ct);

    /// <summary>
    /// Records a hearing (date, attendees, minutes) before the Punong Barangay or the Pangkat. The first mediation
    /// hearing starts the 15 days of mediation.
    /// </summary>
    public Task<ServiceResult<KpCaseDetail>> RecordHearingAsync(Guid id, KpHearingInput input, Guid version, CancellationToken ct = default) =>
        StepAsync(id, version, HearingAction, (db, caller, kp, _, now) =>
        {
            var attendees = input.Attendees.Select(a => (a ?? "").Trim()).Where(a => a.Length > 0).Distinct().ToList();
            var minutes = (input.Minutes ?? "").Trim();
            string? refusal = kp.Stage switch
            {
                KpStages.Mediation when kp.SummonsIssuedAt is null => "Issue the summons before the first hearing.",
                KpStages.Conciliation when kp.PangkatConstitutedAt is null => "Constitute the Pangkat before its first hearing.",
                KpStages.Mediation or KpStages.Conciliation => null,
                _ => $"This case is {kp.Stage}: no more hearings can be recorded.",
            };
            if (refusal is null && input.HeldAt > now.AddMinutes(5)) refusal = "A hearing is recorded after it is held: the date cannot be in the future.";
            if (refusal is null && input.HeldAt < kp.FiledAt.AddMinutes(-5)) refusal = "The hearing date is before the case was filed.";
            if (refusal is null && attendees.Count == 0) refusal = "List who attended the hearing.";
            if (refusal is null && attendees.Any(a => a.Length > MaxName)) refusal = $"An attendee's name is longer than {MaxName} characters.";
            if (refusal is null && minutes.Length == 0) refusal = "Write the minutes of the hearing.";
            if (refusal is null && minutes.Length > MaxMinutes) refusal = $"The minutes are longer than {MaxMinutes:N0} characters.";
            if (refusal is not null) return Task.FromResult<string?>(refusal);
            db.Set<KpHearing>().Add(new KpHearing
            {
                Id = Guid.NewGuid(), KpCaseId = kp.Id, Stage = kp.Stage, HeldAt = DateTime.SpecifyKind(input.HeldAt, DateTimeKind.Utc),
                Attendees = JsonSerializer.Serialize(attendees), Minutes = minutes, RecordedBy = caller.UserId,
            });
            if (kp.Stage == KpStages.Mediation && kp.MediationStartedAt is null)
            {
                var held = DateTime.SpecifyKind(input.HeldAt, DateTimeKind.Utc);
                kp.MediationStartedAt = held;
                kp.MediationDueAt = held.AddDays(KpDeadlines.MediationDays);
            }
            // The hearing is a child row: touch the case so its version rolls (two recorders of the same state conflict).
            kp.UpdatedAt = now;
            db.Entry(kp).State = EntityState.Modified;
            return Task.FromResult<string?>(null);
        }, ct);

    /// <summary>Mediation failed: the case goes to the Pangkat, which must be constituted within 3 days.</summary>
    public Task<ServiceResult<KpCaseDetail>> FailMediationAsync(Guid id, Guid version, CancellationToken ct = default) =>
        StepAsync(id, version, StageAction, async (db, _, kp, _, now) =>
        {
            if (kp.Stage != KpStages.Mediation) return $"Only a case in mediation can move to the Pangkat; this one is {kp.Stage}.";
            if (!await db.Set<KpHearing>().AnyAsync(h => h.KpCaseId == kp.Id && h.Stage == KpStages.Mediation, ct))
                return "Record the mediation hearing before declaring that mediation failed.";
            kp.Stage = KpStages.Conciliation;
            kp.MediationFailedAt = now;
            kp.PangkatDueAt = now.AddDays(KpDeadlines.PangkatConstitutionDays);
            return null;
        }, ct);

    /// <summary>Constitutes the Pangkat ng Tagapagkasundo (three members of the Lupon); its 15 days start now.</summary>
    public Task<ServiceResult<KpCaseDetail>> ConstitutePangkatAsync(Guid id, IReadOnlyList<string> members, Guid version, CancellationToken ct = default) =>
        StepAsync(id, version, StageAction, (_, _, kp, _, now) =>
        {
            var names = members.Select(m => (m ?? "").Trim()).Where(m => m.Length > 0).Distinct().ToList();
            if (kp.Stage != KpStages.Conciliation) return Task.FromResult<string?>("The Pangkat is constituted after mediation fails.");
            if (kp.PangkatConstitutedAt is not null) return Task.FromResult<string?>("The Pangkat of this case is already constituted.");
            if (names.Count != 3) return Task.FromResult<string?>("The Pangkat has three members: name three Lupon members.");
            if (names.Any(n => n.Length > MaxName)) return Task.FromResult<string?>($"A member's name is longer than {MaxName} characters.");
            kp.PangkatConstitutedAt = now;
            kp.PangkatMembers = JsonSerializer.Serialize(names);
            kp.ConciliationDueAt = now.AddDays(KpDeadlines.ConciliationDays);
            return Task.FromResult<string?>(null);
        }, ct);

    /// <summary>Extends the Pangkat's 15 days once, by another 15.</summary>
    public Task<ServiceResult<KpCaseDetail>> ExtendConciliationAsync(Guid id, Guid version, CancellationToken ct = default) =>
        StepAsync(id, version, StageAction, (_, _, kp, _, _) =>
        {
            if (kp.Stage != KpStages.Conciliation || kp.ConciliationDueAt is null) return Task.FromResult<string?>("Only the Pangkat's conciliation period can be extended.");
            if (kp.ConciliationExtended) return Task.FromResult<string?>("The conciliation period was already extended once; it cannot be extended again.");
            kp.ConciliationExtended = true;
            kp.ConciliationDueAt = kp.ConciliationDueAt.Value.AddDays(KpDeadlines.ExtensionDays);
            return Task.FromResult<string?>(null);
        }, ct);

    /// <summary>
    /// Records how the case ended: an amicable settlement (its terms), an arbitration award (its terms) — both after at
    /// least one hearing, and open to repudiation for 10 days — or a failure of conciliation before the Pangkat.
    /// </summary>
    public Task<ServiceResult<KpCaseDetail>> RecordOutcomeAsync(Guid id, string outcome, string? terms, Guid version, CancellationToken ct = default) =>
        StepAsync(id, version, OutcomeAction, async (db, caller, kp, complaint, now) =>
        {
            var clean = ComplaintService.Clean(terms);
            if (!KpStages.Open.Contains(kp.Stage)) return $"This case is already {kp.Stage}.";
            var heard = await db.Set<KpHearing>().AnyAsync(h => h.KpCaseId == kp.Id && h.Stage == kp.Stage, ct);
            switch (outcome)
            {
                case KpOutcomes.Settlement or KpOutcomes.Award:
                    var what = outcome == KpOutcomes.Settlement ? "settled" : "decided by arbitration";
                    if (!heard) return $"A case cannot be {what} with no hearing: record the {(kp.Stage == KpStages.Mediation ? "mediation" : "Pangkat")} hearing first.";
                    if (clean is null) return outcome == KpOutcomes.Settlement ? "Write the terms of the amicable settlement." : "Write the arbitration award.";
                    if (clean.Length > MaxTerms) return $"The terms are longer than {MaxTerms:N0} characters.";
                    kp.Stage = outcome == KpOutcomes.Settlement ? KpStages.Settled : KpStages.Arbitrated;
                    kp.RepudiationDueAt = now.AddDays(KpDeadlines.RepudiationDays);
                    break;
                case KpOutcomes.Failure:
                    if (kp.Stage != KpStages.Conciliation || kp.PangkatConstitutedAt is null)
                        return "Conciliation fails before the Pangkat: when mediation fails, send the case to the Pangkat first.";
                    if (!heard) return "Record the Pangkat's hearing before declaring that conciliation failed.";
                    if (clean is { Length: > MaxTerms }) return $"The note is longer than {MaxTerms:N0} characters.";
                    kp.Stage = KpStages.Failed;
                    break;
                default:
                    return "Choose the outcome: settlement, award or failure.";
            }
            kp.Outcome = outcome;
            kp.OutcomeTerms = clean;
            kp.OutcomeAt = now;
            if (kp.Stage is KpStages.Settled or KpStages.Arbitrated)
                await ResolveComplaintAsync(db, complaint, caller, $"{(kp.Stage == KpStages.Settled ? "Amicable settlement" : "Arbitration award")} in KP case {kp.CaseNo}.", now, ct);
            return null;
        }, ct);

    /// <summary>A party repudiates the settlement or award (within 10 days of it), which opens the way to a Certificate to File Action.</summary>
    public Task<ServiceResult<KpCaseDetail>> RepudiateAsync(Guid id, string reason, Guid version, CancellationToken ct = default) =>
        StepAsync(id, version, OutcomeAction, (_, _, kp, _, now) =>
        {
            var clean = ComplaintService.Clean(reason);
            if (kp.Stage is not (KpStages.Settled or KpStages.Arbitrated)) return Task.FromResult<string?>("Only a settlement or an arbitration award can be repudiated.");
            if (kp.RepudiationDueAt is { } due && now > due)
                return Task.FromResult<string?>($"The 10 days to repudiate ended on {ComplaintService.Format(due)}; the settlement is final.");
            if (clean is null) return Task.FromResult<string?>("Give the ground for the repudiation (fraud, violence or intimidation), as sworn by the party.");
            if (clean.Length > MaxTerms) return Task.FromResult<string?>($"The reason is longer than {MaxTerms:N0} characters.");
            kp.Stage = KpStages.Repudiated;
            kp.RepudiatedAt = now;
            kp.RepudiationReason = clean;
            return Task.FromResult<string?>(null);
        }, ct);

    /// <summary>
    /// Issues the Certificate to File Action of a case whose conciliation failed or whose settlement was repudiated:
    /// the parties may then go to court, so the complaint behind it is resolved (and its complainant told). An explicit
    /// action on the case (version-checked and audited like every step), never a side effect of printing the form.
    /// </summary>
    public Task<ServiceResult<KpCaseDetail>> IssueCertificateAsync(Guid id, Guid version, CancellationToken ct = default) =>
        StepAsync(id, version, CertificateAction, async (db, caller, kp, complaint, now) =>
        {
            if (kp.Stage is not (KpStages.Failed or KpStages.Repudiated))
                return "A Certificate to File Action is issued only when conciliation failed or the settlement was repudiated.";
            if (kp.CertificateIssuedAt is not null) return $"The Certificate to File Action was already issued on {ComplaintService.Format(kp.CertificateIssuedAt.Value)}.";
            kp.CertificateIssuedAt = now;
            await ResolveComplaintAsync(db, complaint, caller, $"Certificate to File Action issued in KP case {kp.CaseNo}: the parties may go to court.", now, ct);
            return null;
        }, ct);
}
