using System.Globalization;
using Barangay.Data.Common;

namespace Barangay.Data.Complaints.Kp;

public sealed partial class KpService
{
    /// <summary>
    /// The failure-to-appear forms of the 1992 KP set (KP Rules, Rule VI sec. 8; docs/katarungang-pambarangay.md): the
    /// notices to explain (KP Form 18 to the complainant, 19 to the respondent) signed by whoever presides at the stage,
    /// and the certifications to bar action (21) and counterclaim (22), certified by the Lupon or Pangkat secretary and
    /// attested by the chairman. Null for the other forms.
    /// </summary>
    private static (string, string, List<string>, List<(string, string)>)? AbsenceForm(KpForm form, KpFormFacts f)
    {
        var kp = f.Case;
        var fil = f.Filipino;
        var lang = fil ? KpLanguages.Filipino : KpLanguages.English;
        var absences = AbsencesOf(kp);
        string Time(DateTime utc) => TimeZones.ToManila(utc).ToString("h:mm tt", CultureInfo.InvariantCulture);
        string When(DateTime utc) => fil ? $"{f.Date(utc)}, sa ganap na ika-{Time(utc)}" : $"{f.Date(utc)} at {Time(utc)}";
        // Before the Pangkat its chairman presides and its secretary certifies; before the Punong Barangay, he and the Lupon secretary.
        (string Chair, string ChairTitle, string Secretary, string SecretaryTitle) Officers(string stage) => stage == KpStages.Conciliation && f.Pangkat.Count > 0
            ? (f.PangkatChair ?? "", KpOffices.Title(KpOffices.PangkatChairman, lang), f.PangkatSecretary ?? "", KpOffices.Title(KpOffices.PangkatSecretary, lang))
            : (f.Captain, KpOffices.Title(KpOffices.LuponChairman, lang), f.LuponSecretary, KpOffices.Title(KpOffices.LuponSecretary, lang));
        string Before(string stage) => stage == KpStages.Conciliation ? "Pangkat ng Tagapagkasundo" : "Punong Barangay";
        var attested = fil ? "Pinatunayan: " : "Attested: ";
        switch (form)
        {
            case KpForm.ComplainantAbsenceNotice:
            {
                var a = absences.Last(x => x.Party == KpParties.Complainant);
                var o = Officers(a.Stage);
                return ("18", fil ? "Paunawa ng Pagdinig (Ukol sa Hindi Pagharap)" : "Notice of Hearing (Re: Failure to Appear)",
                    fil
                        ? [
                            "Kay: " + f.Complainant,
                            $"Ikaw ay inaatasang humarap sa {(a.Stage == KpStages.Conciliation ? "Pangkat" : "akin")} sa {When(a.ExplainOn)}, upang ipaliwanag kung bakit hindi ka humarap sa {(a.Stage == KpStages.Conciliation ? "pagkakasundo" : "pamamagitan")} na itinakda noong {When(a.MissedAt)}, at kung bakit hindi dapat ipawalang-saysay ang iyong sumbong, hindi dapat magpalabas ng katibayan na humahadlang sa pagsasampa mo ng demanda sa hukuman o tanggapan ng pamahalaan, at hindi dapat magsampa ng kaso ng paglapastangan sa hukuman dahil sa sadyang hindi pagharap o pagtangging humarap sa {Before(a.Stage)}.",
                            "Pinaalalahanan ngayong ____ araw ng ____________, 20___. ____________________ Maysumbong",
                        ]
                        : [
                            "TO: " + f.Complainant,
                            $"You are hereby required to appear before {(a.Stage == KpStages.Conciliation ? "the Pangkat" : "me")} on {When(a.ExplainOn)}, to explain why you failed to appear for {(a.Stage == KpStages.Conciliation ? "conciliation" : "mediation")} scheduled on {When(a.MissedAt)} and why your complaint should not be dismissed, a certificate to bar the filing of your action in court/government office should not be issued, and contempt proceedings should not be initiated in court for willful failure or refusal to appear before the {Before(a.Stage)}.",
                            "Notified this ____ day of ____________, 20___. ____________________ Complainant",
                        ],
                    [(o.Chair, o.ChairTitle)]);
            }
            case KpForm.RespondentAbsenceNotice:
            {
                var a = absences.Last(x => x.Party == KpParties.Respondent);
                var o = Officers(a.Stage);
                return ("19", fil ? "Paunawa ng Pagdinig (Ukol sa Hindi Pagharap)" : "Notice of Hearing (Re: Failure to Appear)",
                    fil
                        ? [
                            "Kay: " + string.Join("; ", f.Respondents),
                            $"Kayo ay inaatasang humarap sa {(a.Stage == KpStages.Conciliation ? "Pangkat" : "akin")} sa {When(a.ExplainOn)}, upang ipaliwanag kung bakit hindi kayo humarap sa {(a.Stage == KpStages.Conciliation ? "pagkakasundo" : "pamamagitan")} na itinakda noong {When(a.MissedAt)}, at kung bakit hindi dapat ipawalang-saysay ang inyong ganting-sumbong (kung mayroon) na nagmula sa sumbong, hindi dapat magpalabas ng katibayan na humahadlang sa pagsasampa nito sa hukuman o tanggapan ng pamahalaan, at hindi dapat magsampa ng kaso ng paglapastangan sa hukuman dahil sa sadyang hindi pagharap o pagtangging humarap sa {Before(a.Stage)}.",
                            "Pinaalalahanan ngayong ____ araw ng ____________, 20___. ____________________ Ipinagsusumbong",
                        ]
                        : [
                            "TO: " + string.Join("; ", f.Respondents),
                            $"You are hereby required to appear before {(a.Stage == KpStages.Conciliation ? "the Pangkat" : "me")} on {When(a.ExplainOn)}, to explain why you failed to appear for {(a.Stage == KpStages.Conciliation ? "conciliation" : "mediation")} scheduled on {When(a.MissedAt)} and why your counterclaim (if any) arising from the complaint should not be dismissed, a certificate to bar the filing of said counterclaim in court/government office should not be issued, and contempt proceedings should not be initiated in court for willful failure or refusal to appear before the {Before(a.Stage)}.",
                            "Notified this ____ day of ____________, 20___. ____________________ Respondent",
                        ],
                    [(o.Chair, o.ChairTitle)]);
            }
            case KpForm.BarAction:
            {
                var a = absences.Last(x => x.Party == KpParties.Complainant && x.Finding == KpAbsenceFindings.Unjustified);
                var o = Officers(a.Stage);
                return ("21", fil ? "Katibayan na Humahadlang sa Pagsasampa ng Demanda" : "Certification to Bar Action",
                    fil
                        ? [$"Ito ay nagpapatunay na ang usaping nakasaad sa itaas ay ipinawalang-saysay alinsunod sa Kautusan na may petsang {f.Date(a.FoundAt!.Value)} dahil sa sadyang hindi pagharap o pagtangging humarap ng (mga) maysumbong sa pagdinig sa harap ng {Before(a.Stage)}, kaya't ang (mga) maysumbong ay hinahadlangan sa pagsasampa ng demanda sa hukuman o tanggapan ng pamahalaan."]
                        : [$"This is to certify that the above-captioned case was dismissed pursuant to the Order dated {f.Date(a.FoundAt!.Value)} for complainant/s' willful failure or refusal to appear for hearing before the {Before(a.Stage)} and therefore complainant/s is/are barred from filing an action in court/government office."],
                    [(o.Secretary, o.SecretaryTitle), (o.Chair, attested + o.ChairTitle)]);
            }
            case KpForm.BarCounterclaim:
            {
                var a = absences.Last(x => x.Party == KpParties.Respondent && x.Finding == KpAbsenceFindings.Unjustified);
                var o = Officers(a.Stage);
                return ("22", fil ? "Katibayan na Humahadlang sa Ganting-Sumbong" : "Certification to Bar Counterclaim",
                    fil
                        ? [$"Ito ay nagpapatunay na matapos ang paunawa at pagdinig, napatunayan noong {f.Date(a.FoundAt!.Value)} na ang (mga) ipinagsusumbong ay sadyang hindi humarap o tumangging humarap nang walang makatwirang dahilan sa harap ng {Before(a.Stage)}, kaya't ang (mga) ipinagsusumbong ay hinahadlangan sa pagsasampa ng kanilang ganting-sumbong (kung mayroon) na nagmula sa sumbong sa hukuman o tanggapan ng pamahalaan."]
                        : [$"This is to certify that after prior notice and hearing, the respondent/s have been found on {f.Date(a.FoundAt!.Value)} to have willfully failed or refused to appear without justifiable reason before the {Before(a.Stage)} and therefore respondent/s is/are barred from filing his/their counterclaim (if any) arising from the complaint in court/government office."],
                    [(o.Secretary, o.SecretaryTitle), (o.Chair, attested + o.ChairTitle)]);
            }
            default:
                return null;
        }
    }

    /// <summary>The date a failure-to-appear form bears: the notice when the absence was recorded, a certification when the finding was made.</summary>
    private static DateTime AbsenceFormDate(KpCase kp, KpForm form)
    {
        var absences = AbsencesOf(kp);
        return form switch
        {
            KpForm.ComplainantAbsenceNotice => absences.Last(a => a.Party == KpParties.Complainant).RecordedAt,
            KpForm.RespondentAbsenceNotice => absences.Last(a => a.Party == KpParties.Respondent).RecordedAt,
            KpForm.BarAction => kp.DismissedAt!.Value,
            _ => absences.Last(a => a.Party == KpParties.Respondent && a.Finding == KpAbsenceFindings.Unjustified).FoundAt!.Value,
        };
    }

    private static IEnumerable<KpForm> AbsenceForms(KpCase kp)
    {
        var absences = AbsencesOf(kp);
        if (absences.Any(a => a.Party == KpParties.Complainant)) yield return KpForm.ComplainantAbsenceNotice;
        if (absences.Any(a => a.Party == KpParties.Respondent)) yield return KpForm.RespondentAbsenceNotice;
        if (kp.DismissedAt is not null) yield return KpForm.BarAction;
        if (absences.Any(a => a.Party == KpParties.Respondent && a.Finding == KpAbsenceFindings.Unjustified)) yield return KpForm.BarCounterclaim;
        if (absences.Any(a => a.Contempt is not null) || WitnessesOf(kp).Any(w => w.Contempt is not null)) yield return KpForm.ContemptCertification;
    }
}
