using System.Text.Json;
using Barangay.Data.Common;
using Barangay.Data.Localization;

namespace Barangay.Data.Complaints.Kp;

/// <summary>
/// Witnesses and the court's ruling on a contempt application. The KP Rules, Rule VI (after sec. 8), reach the "refusal or
/// willful failure of any party <b>or witness</b> to appear before the lupon or pangkat in compliance with a summons": a
/// witness is summoned by subpoena (KP Form 13, issued by whoever presides), the keeper of the records notes the refusal
/// (the Lupon secretary's records, the Pangkat secretary's minutes), and the city or municipal court punishes it as
/// indirect contempt on the application of the Lupon chairman, the Pangkat chairman or a party. The court decides
/// (Rules of Court, Rule 71); the case book records its ruling and never changes the case's stage. Sources:
/// docs/katarungang-pambarangay.md ("Contempt").
/// </summary>
public sealed partial class KpService
{
    public const string WitnessAction = "KpWitness";
    public const string ContemptRulingAction = "KpContemptRuling";
    public const int MaxWitnesses = 20;
    public const int MaxNote = 1_000;

    /// <summary>
    /// Names a witness summoned (KP Form 13) to the hearing of <paramref name="hearingAt"/> (UTC): recorded by the keepers
    /// of the records, the Lupon chairman or secretary, and before the Pangkat also its chairman or secretary.
    /// </summary>
    public Task<ServiceResult<KpCaseDetail>> SummonWitnessAsync(Guid id, string name, string? address, DateTime hearingAt, Guid version, CancellationToken ct = default) =>
        StepAsync(id, version, WitnessAction, (_, caller, who, kp, _, now) =>
        {
            var pangkat = ByPangkat(kp);
            string[] keepers = pangkat ? [.. LuponRecords, .. PangkatRecords] : LuponRecords;
            var hearing = DateTime.SpecifyKind(hearingAt, DateTimeKind.Utc);
            var clean = ComplaintService.Clean(name);
            var where = ComplaintService.Clean(address);
            var witnesses = WitnessesOf(kp);
            string? refusal = kp.Stage switch
            {
                KpStages.Mediation when kp.SummonsIssuedAt is null => Texts.Say("A witness is summoned to a hearing: issue the summons first."),
                KpStages.Conciliation when !pangkat => Texts.Say("Constitute the Pangkat first: the witness is summoned to its hearing."),
                KpStages.Mediation or KpStages.Conciliation => null,
                _ => Texts.Say("Witnesses are summoned while the case is in mediation or conciliation."),
            };
            refusal ??= Refuse(who, keepers, "record a witness summoned to a hearing");
            if (refusal is null && clean is null) refusal = Texts.Say("Write the witness's name.");
            if (refusal is null && clean!.Length > MaxName) refusal = Texts.Say("The witness's name is longer than {0} characters.", MaxName);
            if (refusal is null && where is { Length: > 200 }) refusal = Texts.Say("The witness's address is longer than 200 characters.");
            if (refusal is null && witnesses.Count >= MaxWitnesses) refusal = Texts.Say("A case can have at most {0} witnesses.", MaxWitnesses);
            if (refusal is null && hearing < (pangkat ? kp.PangkatConstitutedAt!.Value : kp.SummonsIssuedAt!.Value).AddMinutes(-5))
                refusal = pangkat ? Texts.Say("The hearing is before the Pangkat was constituted.") : Texts.Say("The hearing is before the summons was issued.");
            if (refusal is not null) return Task.FromResult<string?>(refusal);
            witnesses.Add(new KpWitness(clean!, where, kp.Stage, hearing, now));
            kp.Witnesses = JsonSerializer.Serialize(witnesses, Json);
            AddAct(kp, "witness_summoned", now, caller.UserId, who.Name, Office(who, keepers));
            return Task.FromResult<string?>(null);
        }, ct);

    /// <summary>
    /// Records that the witness at <paramref name="witness"/> refused to appear (any time after the subpoena) or wilfully
    /// failed to appear (once the hearing's hour has come), with what happened: the record a contempt application rests on.
    /// Recorded by the keepers of the records of the stage the witness was summoned in.
    /// </summary>
    public Task<ServiceResult<KpCaseDetail>> RecordWitnessFailureAsync(Guid id, int witness, string failure, string note, Guid version, CancellationToken ct = default) =>
        StepAsync(id, version, WitnessAction, (_, caller, who, kp, _, now) =>
        {
            var witnesses = WitnessesOf(kp);
            if (witness < 0 || witness >= witnesses.Count) return Task.FromResult<string?>(Texts.Say("Choose the witness who did not appear."));
            var w = witnesses[witness];
            string[] keepers = w.Stage == KpStages.Conciliation ? [.. LuponRecords, .. PangkatRecords] : LuponRecords;
            var clean = ComplaintService.Clean(note);
            string? refusal = Refuse(who, keepers, "record a witness's refusal to appear");
            if (refusal is null && w.Failure is not null) refusal = Texts.Say("That witness's refusal or failure to appear is already recorded.");
            if (refusal is null && !KpWitnessFailures.All.Contains(failure)) refusal = Texts.Say("Say whether the witness refused to appear or wilfully failed to appear.");
            if (refusal is null && failure == KpWitnessFailures.Failed && now < w.HearingAt)
                refusal = Texts.Say("The hearing the witness was summoned to has not come yet: a failure to appear is recorded after it.");
            if (refusal is null && clean is null) refusal = Texts.Say("Write what happened: how the witness refused or that they did not come, and any reason given.");
            if (refusal is null && clean!.Length > MaxNote) refusal = Texts.Say("The note is longer than {0} characters.", MaxNote);
            if (refusal is not null) return Task.FromResult<string?>(refusal);
            witnesses[witness] = w with { Failure = failure, FailedAt = now, FailureNote = clean };
            kp.Witnesses = JsonSerializer.Serialize(witnesses, Json);
            AddAct(kp, "witness_" + failure, now, caller.UserId, who.Name, Office(who, keepers));
            return Task.FromResult<string?>(null);
        }, ct);

    /// <summary>
    /// Records the application to punish a witness's recorded refusal as indirect contempt (KP Rules, Rule VI): filed by
    /// the Punong Barangay, the Pangkat chairman (for a Pangkat hearing) or either party, with a court, on a Manila day not
    /// before the refusal was recorded and not in the future.
    /// </summary>
    public Task<ServiceResult<KpCaseDetail>> RecordWitnessContemptAsync(Guid id, int witness, string filedBy, string court, DateOnly filedOn, Guid version, CancellationToken ct = default) =>
        StepAsync(id, version, ContemptAction, (_, caller, who, kp, _, now) =>
        {
            var witnesses = WitnessesOf(kp);
            if (witness < 0 || witness >= witnesses.Count) return Task.FromResult<string?>(Texts.Say("Choose the witness the application is about."));
            var w = witnesses[witness];
            var beforePangkat = w.Stage == KpStages.Conciliation;
            string[] keepers = beforePangkat ? [.. LuponRecords, .. PangkatRecords] : LuponRecords;
            if (Refuse(who, keepers, "record an application for contempt") is { } r) return Task.FromResult<string?>(r);
            if (w.Failure is null) return Task.FromResult<string?>(Texts.Say("Record the witness's refusal or failure to appear first: the application rests on that record."));
            if (w.Contempt is { } done)
                return Task.FromResult<string?>(Texts.Say("An application for contempt was already recorded for that witness: filed {0} with {1}.", Day(done.FiledOn), done.Court));
            var earliest = DateOnly.FromDateTime(TimeZones.ToManila(w.FailedAt!.Value));
            if (ApplicationRefusal(filedBy, beforePangkat, null, court, filedOn, earliest, now, out var clean) is { } bad) return Task.FromResult<string?>(bad);
            witnesses[witness] = w with { Contempt = new KpContempt(clean, filedOn, filedBy, now) };
            kp.Witnesses = JsonSerializer.Serialize(witnesses, Json);
            AddAct(kp, "witness_contempt", now, caller.UserId, who.Name, Office(who, keepers));
            return Task.FromResult<string?>(null);
        }, ct);

    /// <summary>
    /// Records the court's ruling on a contempt application (<paramref name="of"/>): granted or denied, by which court (the
    /// one it was filed with unless the secretary names another) and on which Manila day, not before it was filed and not in
    /// the future. Recorded by the keepers of the records, as the application was; the case's stage does not change.
    /// </summary>
    public Task<ServiceResult<KpCaseDetail>> RecordContemptRulingAsync(Guid id, KpContemptOf of, string outcome, string court, DateOnly ruledOn, Guid version, CancellationToken ct = default) =>
        StepAsync(id, version, ContemptRulingAction, (_, caller, who, kp, _, now) =>
        {
            var absences = AbsencesOf(kp);
            var witnesses = WitnessesOf(kp);
            var count = of.Witness ? witnesses.Count : absences.Count;
            if (of.Index < 0 || of.Index >= count) return Task.FromResult<string?>(Texts.Say("Choose the application the court ruled on."));
            var (contempt, stage) = of.Witness ? (witnesses[of.Index].Contempt, witnesses[of.Index].Stage) : (absences[of.Index].Contempt, absences[of.Index].Stage);
            string[] keepers = stage == KpStages.Conciliation ? [.. LuponRecords, .. PangkatRecords] : LuponRecords;
            if (Refuse(who, keepers, "record the court's ruling on a contempt application") is { } r) return Task.FromResult<string?>(r);
            string? refusal = null;
            if (contempt is null) refusal = Texts.Say("No application for contempt was recorded for that refusal: record the application first.");
            else if (contempt.Ruling is { } ruled) refusal = Texts.Say("The court's ruling is already recorded: {0} on {1}.", Texts.Say(ruled.Outcome), Day(ruled.RuledOn));
            else if (!KpContemptRulings.All.Contains(outcome)) refusal = Texts.Say("Say whether the court granted or denied the application.");
            var clean = ComplaintService.Clean(court) ?? contempt?.Court;
            if (refusal is null && clean!.Length > 200) refusal = Texts.Say("The court's name is longer than 200 characters.");
            if (refusal is null && ruledOn < contempt!.FiledOn) refusal = Texts.Say("The ruling comes after the application, filed {0}.", Day(contempt.FiledOn));
            if (refusal is null && ruledOn > DateOnly.FromDateTime(TimeZones.ToManila(now))) refusal = Texts.Say("The day of the ruling cannot be in the future.");
            if (refusal is not null) return Task.FromResult<string?>(refusal);
            var ruling = new KpContemptRuling(outcome, clean!, ruledOn, now);
            if (of.Witness) witnesses[of.Index] = witnesses[of.Index] with { Contempt = contempt! with { Ruling = ruling } };
            else absences[of.Index] = absences[of.Index] with { Contempt = contempt! with { Ruling = ruling } };
            kp.Witnesses = JsonSerializer.Serialize(witnesses, Json);
            kp.Absences = JsonSerializer.Serialize(absences, Json);
            AddAct(kp, "contempt_" + outcome, now, caller.UserId, who.Name, Office(who, keepers));
            return Task.FromResult<string?>(null);
        }, ct);

    /// <summary>
    /// The checks every contempt application shares (KP Rules, Rule VI): who may file it (the Pangkat chairman only for a
    /// refusal before the Pangkat; an absent party not against themselves), the court named, and the day filed on or after
    /// <paramref name="earliest"/> and not in the future. Null when the application may be recorded.
    /// </summary>
    private static string? ApplicationRefusal(string filedBy, bool beforePangkat, string? absentParty, string court, DateOnly filedOn, DateOnly earliest, DateTime now, out string clean)
    {
        clean = ComplaintService.Clean(court) ?? "";
        if (!KpContemptApplicants.All.Contains(filedBy))
            return Texts.Say("Say who filed the application: the Punong Barangay, the Pangkat chairman, or one of the parties (KP Rules, Rule VI).");
        if (filedBy == KpContemptApplicants.PangkatChairman && !beforePangkat)
            return absentParty is null
                ? Texts.Say("The Pangkat chairman applies for a refusal to appear before the Pangkat; this witness was summoned before the Punong Barangay.")
                : Texts.Say("The Pangkat chairman applies for a failure to appear before the Pangkat; this one was before the Punong Barangay.");
        if (absentParty is not null && filedBy == absentParty)
            return absentParty == KpParties.Complainant
                ? Texts.Say("The complainant who failed to appear does not apply against themselves: the other party, the Punong Barangay or the Pangkat chairman does.")
                : Texts.Say("The respondent who failed to appear does not apply against themselves: the other party, the Punong Barangay or the Pangkat chairman does.");
        if (clean.Length == 0) return Texts.Say("Name the city or municipal court the application was filed with.");
        if (clean.Length > 200) return Texts.Say("The court's name is longer than 200 characters.");
        if (filedOn < earliest)
            return absentParty is null
                ? Texts.Say("The application comes after the refusal recorded on {0}.", Day(earliest))
                : Texts.Say("The application comes after the finding of {0}: the party is first given the chance to explain.", Day(earliest));
        if (filedOn > DateOnly.FromDateTime(TimeZones.ToManila(now))) return Texts.Say("The day the application was filed cannot be in the future.");
        return null;
    }

    internal static List<KpWitness> WitnessesOf(KpCase kp) => JsonSerializer.Deserialize<List<KpWitness>>(kp.Witnesses, Json) ?? [];
}
