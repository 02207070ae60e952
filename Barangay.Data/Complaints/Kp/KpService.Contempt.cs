using Barangay.Data.Localization;
using System.Globalization;
using System.Text.Json;
using Barangay.Data.Common;

namespace Barangay.Data.Complaints.Kp;

/// <summary>
/// Contempt for refusing to appear. The Katarungang Pambarangay Rules (1992), Rule VI, after the sanctions of sec. 8:
/// "Refusal or willful failure of any party or witness to appear before the lupon or pangkat in compliance with a summons
/// issued pursuant to the provisions of the Katarungang Pambarangay law, may be punished by the city or municipal court
/// as for indirect contempt of court upon application filed therewith by the lupon chairman, the pangkat chairman, or by
/// [any of the contending parties]" (the bracketed words as commonly reproduced; see the docs for what the source showed). The Lupon does not punish: the court does (Rules of Court, Rule 71). So the case book records the
/// application and certifies the record it rests on; it never changes the case's stage (the bar to the action or the
/// counterclaim already followed from the finding, <see cref="FindAbsenceAsync"/>). Sources: docs/katarungang-pambarangay.md
/// ("Contempt").
/// </summary>
public sealed partial class KpService
{
    public const string ContemptAction = "KpContempt";

    /// <summary>
    /// Records that an application to punish the failure to appear at <paramref name="absence"/> (its position in the
    /// case's absences) as indirect contempt was filed with <paramref name="court"/> on <paramref name="filedOn"/> (a
    /// Manila day) by <paramref name="filedBy"/> (<see cref="KpContemptApplicants"/>). Only a failure found unjustified
    /// qualifies: KP Forms 18 and 19 first ask the party to explain why contempt proceedings should not be initiated.
    /// Recorded by the keepers of the records: the Lupon chairman or secretary, and for a failure before the Pangkat also
    /// its chairman or secretary. Open or closed cases alike: the finding usually ends the case.
    /// </summary>
    public Task<ServiceResult<KpCaseDetail>> RecordContemptAsync(Guid id, int absence, string filedBy, string court, DateOnly filedOn, Guid version, CancellationToken ct = default) =>
        StepAsync(id, version, ContemptAction, (_, caller, who, kp, _, now) =>
            Task.FromResult(ApplyContempt(kp, caller.UserId, who, absence, filedBy, court, filedOn, now)), ct);

    private static string? ApplyContempt(KpCase kp, Guid? userId, KpCallerOffices who, int index, string filedBy, string court, DateOnly filedOn, DateTime now)
    {
        var absences = AbsencesOf(kp);
        if (index < 0 || index >= absences.Count) return Texts.Say("Choose the failure to appear the application is about.");
        var a = absences[index];
        var beforePangkat = a.Stage == KpStages.Conciliation;
        string[] keepers = beforePangkat ? [.. LuponRecords, .. PangkatRecords] : LuponRecords;
        if (Refuse(who, keepers, "record an application for contempt") is { } r) return r;
        if (a.Finding != KpAbsenceFindings.Unjustified)
            return Texts.Say("Only a failure to appear found unjustified, after the party was given the chance to explain (KP Form 18 or 19), is brought to court for contempt.");
        if (a.Contempt is { } done)
            return Texts.Say("An application for contempt was already recorded for that failure to appear: filed {0} with {1}.", Day(done.FiledOn), done.Court);
        var found = DateOnly.FromDateTime(TimeZones.ToManila(a.FoundAt!.Value));
        if (ApplicationRefusal(filedBy, beforePangkat, a.Party, court, filedOn, found, now, out var clean) is { } bad) return bad;
        absences[index] = a with { Contempt = new KpContempt(clean, filedOn, filedBy, now) };
        kp.Absences = JsonSerializer.Serialize(absences, Json);
        AddAct(kp, a.Party + "_contempt", now, userId, who.Name, Office(who, keepers));
        return null;
    }

    private static string Day(DateOnly d) => d.ToString("MMM d, yyyy", CultureInfo.InvariantCulture);

    /// <summary>The Manila day as the forms print dates (noon, so no time zone moves it).</summary>
    private static DateTime Noon(DateOnly d) => TimeZones.ManilaToUtc(d.ToDateTime(new TimeOnly(12, 0)));

    /// <summary>
    /// The certification of the record of each refusal brought to court, for the contempt application: no KP number (the
    /// 1992 set has no form for it), in the parties' language, certified by the Lupon secretary, who keeps the Lupon's
    /// records (sec. 399(f)), and attested by the Lupon chairman. One certification lists every application of the case.
    /// </summary>
    private static (string, string, List<string>, List<(string, string)>)? ContemptForm(KpForm form, KpFormFacts f)
    {
        if (form != KpForm.ContemptCertification) return null;
        var fil = f.Filipino;
        var lang = fil ? KpLanguages.Filipino : KpLanguages.English;
        string Time(DateTime utc) => TimeZones.ToManila(utc).ToString("h:mm tt", CultureInfo.InvariantCulture);
        string When(DateTime utc) => fil ? $"{f.Date(utc)}, sa ganap na ika-{Time(utc)}" : $"{f.Date(utc)} at {Time(utc)}";
        var paragraphs = new List<string>
        {
            fil
                ? "Ito ay nagpapatunay na ang mga talaan ng Lupon sa usaping nakasaad sa itaas ay nagpapakita ng sumusunod na pagtanggi o sadyang hindi pagharap, na itinala rito ayon sa hinihingi ng mga Tuntunin ng Katarungang Pambarangay (Tuntunin VI):"
                : "This is to certify that the records of the Lupon in the above-captioned case show the following refusal or willful failure to appear, reflected therein as the Katarungang Pambarangay Rules (Rule VI) require:",
        };
        var n = 0;
        foreach (var a in AbsencesOf(f.Case).Where(x => x.Contempt is not null))
        {
            var c = a.Contempt!;
            var complainant = a.Party == KpParties.Complainant;
            var who = complainant ? f.Complainant : string.Join("; ", f.Respondents);
            var pangkat = a.Stage == KpStages.Conciliation;
            paragraphs.Add(fil
                ? $"{++n}. Si {who} ({(complainant ? "maysumbong" : "ipinagsusumbong")}), matapos ang nararapat na paunawa, ay hindi humarap sa pagdinig ng {(pangkat ? "pagkakasundo sa harap ng Pangkat ng Tagapagkasundo" : "pamamagitan sa harap ng Punong Barangay")} na itinakda noong {When(a.MissedAt)}; inatasan sa Paunawa ng Pagdinig (Pormularyo ng KP Blg. {(complainant ? "18" : "19")}) na humarap sa {When(a.ExplainOn)} upang magpaliwanag; at napatunayan noong {f.Date(a.FoundAt!.Value)} na sadyang hindi humarap o tumangging humarap nang walang makatwirang dahilan. Ang aplikasyon upang parusahan ito bilang di-tuwirang paglapastangan sa hukuman ay isinampa noong {f.Date(Noon(c.FiledOn))} ng {KpContemptApplicants.Label(c.FiledBy, true)} sa {c.Court}."
                : $"{++n}. {who} ({(complainant ? "complainant" : "respondent")}), after due notice, failed to appear at the {(pangkat ? "conciliation hearing before the Pangkat ng Tagapagkasundo" : "mediation hearing before the Punong Barangay")} set on {When(a.MissedAt)}; was required by Notice of Hearing (KP Form No. {(complainant ? "18" : "19")}) to appear on {When(a.ExplainOn)} to explain; and was found on {f.Date(a.FoundAt!.Value)} to have willfully failed or refused to appear without justifiable reason. An application to punish this as indirect contempt of court was filed on {f.Date(Noon(c.FiledOn))} by {KpContemptApplicants.Label(c.FiledBy)} with the {c.Court}.");
        }
        foreach (var w in WitnessesOf(f.Case).Where(x => x.Contempt is not null))
        {
            var c = w.Contempt!;
            var pangkat = w.Stage == KpStages.Conciliation;
            var refused = w.Failure == KpWitnessFailures.Refused;
            paragraphs.Add(fil
                ? $"{++n}. Si {w.Name}{(w.Address is null ? "" : ", ng " + w.Address)} (saksi), na pinadalhan ng Subpoena (Pormularyo ng KP Blg. 13) upang humarap sa pagdinig {(pangkat ? "sa harap ng Pangkat ng Tagapagkasundo" : "sa harap ng Punong Barangay")} noong {When(w.HearingAt)}, ay {(refused ? "tumangging humarap" : "sadyang hindi humarap")}, ayon sa itinala noong {f.Date(w.FailedAt!.Value)}: {w.FailureNote}. Ang aplikasyon upang parusahan ito bilang di-tuwirang paglapastangan sa hukuman ay isinampa noong {f.Date(Noon(c.FiledOn))} ng {KpContemptApplicants.Label(c.FiledBy, true)} sa {c.Court}."
                : $"{++n}. {w.Name}{(w.Address is null ? "" : ", of " + w.Address)} (witness), summoned by Subpoena (KP Form No. 13) to appear at the {(pangkat ? "hearing before the Pangkat ng Tagapagkasundo" : "hearing before the Punong Barangay")} on {When(w.HearingAt)}, {(refused ? "refused to appear" : "willfully failed to appear")}, as recorded on {f.Date(w.FailedAt!.Value)}: {w.FailureNote}. An application to punish this as indirect contempt of court was filed on {f.Date(Noon(c.FiledOn))} by {KpContemptApplicants.Label(c.FiledBy)} with the {c.Court}.");
        }
        paragraphs.Add(fil ? "Ang katibayang ito ay ibinibigay para sa nasabing aplikasyon." : "This certification is issued for the said application.");
        return ("", fil ? "Katibayan ng Pagtangging Humarap" : "Certification of Refusal to Appear", paragraphs,
            [(f.LuponSecretary, KpOffices.Title(KpOffices.LuponSecretary, lang)), (f.Captain, (fil ? "Pinatunayan: " : "Attested: ") + KpOffices.Title(KpOffices.LuponChairman, lang))]);
    }

    /// <summary>The certification bears the day the latest application was recorded.</summary>
    private static DateTime ContemptFormDate(KpCase kp) =>
        AbsencesOf(kp).Select(a => a.Contempt).Concat(WitnessesOf(kp).Select(w => w.Contempt)).Where(c => c is not null).Max(c => c!.RecordedAt);
}
