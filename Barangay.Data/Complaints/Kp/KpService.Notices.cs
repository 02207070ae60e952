namespace Barangay.Data.Complaints.Kp;

public sealed partial class KpService
{
    /// <summary>
    /// KP Form 11 (Notice to Chosen Pangkat Member: the members constituted, signed by the Lupon chairman who constituted
    /// the Pangkat, sec. 404) and KP Form 13 (Subpoena to witnesses: signed by whoever presides — the Lupon chairman, or
    /// the Pangkat chairman once constituted). This is the blank subpoena (names, day and hour filled by hand), printed while no
    /// witness is recorded; <see cref="Subpoenas"/> fills it from the witnesses recorded. Null for the other forms.
    /// </summary>
    private static (string, string, List<string>, List<(string, string)>)? NoticeForm(KpForm form, KpFormFacts f)
    {
        var fil = f.Filipino;
        var lang = fil ? KpLanguages.Filipino : KpLanguages.English;
        switch (form)
        {
            case KpForm.PangkatMemberNotice:
                var members = string.Join("; ", f.Pangkat.Select(m => m.Name));
                var constitutedBy = f.Act("pangkat")?.SignedBy is { Length: > 0 } n ? n : f.Captain;
                return ("11", fil ? "Paunawa sa Napiling Kasapi ng Pangkat" : "Notice to Chosen Pangkat Member",
                    fil
                        ? [
                            "Kina: " + members,
                            "Ipinababatid sa inyo na kayo ay napiling kasapi ng Pangkat ng Tagapagkasundo upang mapagkasundo nang mapayapa ang alitan ng mga panig sa usaping nakasaad sa itaas.",
                            "Tinanggap ngayong ____ araw ng ____________, 20___. ____________________ Kasapi ng Pangkat",
                        ]
                        : [
                            "TO: " + members,
                            "Notice is hereby given that you have been chosen member of the Pangkat ng Tagapagkasundo amicably to conciliate the dispute between the parties in the above-entitled case.",
                            "Received this ____ day of ____________, 20___. ____________________ Pangkat Member",
                        ],
                    [(constitutedBy, KpOffices.Title(KpOffices.LuponChairman, lang))]);
            case KpForm.Subpoena:
                var byPangkat = f.Pangkat.Count > 0;
                var presiding = byPangkat ? (f.PangkatChair ?? "", KpOffices.Title(KpOffices.PangkatChairman, lang)) : (f.Captain, KpOffices.Title(KpOffices.LuponChairman, lang));
                return ("13", fil ? "Subpoena" : "Subpoena",
                    fil
                        ? [
                            "Kina: 1. ______________________  2. ______________________  (Mga Saksi)",
                            $"Kayo ay inuutusang humarap sa {(byPangkat ? "Pangkat ng Tagapagkasundo" : "akin")} sa ika-____ araw ng ____________, 20___, sa ganap na ika-____ ng umaga/hapon, upang magpatotoo sa pagdinig ng usaping nakasaad sa itaas.",
                        ]
                        : [
                            "TO: 1. ______________________  2. ______________________  (Witnesses)",
                            $"You are hereby commanded to appear before {(byPangkat ? "the Pangkat ng Tagapagkasundo" : "me")} on the ____ day of ____________, 20___, at ____ o'clock in the morning/afternoon, then and there to testify in the hearing of the above-captioned case.",
                        ],
                    [presiding]);
            default:
                return null;
        }
    }

    /// <summary>
    /// KP Form 13 filled from the case book (<see cref="SummonWitnessAsync"/>): as the 1992 form, one subpoena addressed to the
    /// named witnesses of one hearing ("TO: 1. … 2. … (Witnesses)"), commanding them to appear before the Punong Barangay
    /// ("me") or the Pangkat on that hearing's day and hour, signed by whoever presides it — the Lupon chairman who issued
    /// the summons for a hearing in mediation, the Pangkat chairman for a Pangkat hearing — and dated the day the first of
    /// them was recorded. One subpoena per hearing, in the order of the hearings; empty when no witness is recorded.
    /// </summary>
    private static List<(List<string> Paragraphs, List<(string, string)> Signatures, DateTime IssuedAt)> Subpoenas(KpFormFacts f)
    {
        var fil = f.Filipino;
        var lang = fil ? KpLanguages.Filipino : KpLanguages.English;
        return WitnessesOf(f.Case)
            .GroupBy(w => (w.Stage, w.HearingAt))
            .OrderBy(g => g.Key.HearingAt).ThenBy(g => g.Key.Stage)
            .Select(g =>
            {
                var pangkat = g.Key.Stage == KpStages.Conciliation;
                var to = string.Join("  ", g.Select((w, i) => $"{i + 1}. {w.Name}{(w.Address is null ? "" : (fil ? ", ng " : ", of ") + w.Address)}"));
                var when = KpPdf.DayAndHour(g.Key.HearingAt, lang);
                var paragraphs = fil
                    ? new List<string>
                    {
                        $"Kina: {to}  (Mga Saksi)",
                        $"Kayo ay inuutusang humarap sa {(pangkat ? "Pangkat ng Tagapagkasundo" : "akin")} {when}, upang magpatotoo sa pagdinig ng usaping nakasaad sa itaas.",
                    }
                    : new List<string>
                    {
                        $"TO: {to}  (Witnesses)",
                        $"You are hereby commanded to appear before {(pangkat ? "the Pangkat ng Tagapagkasundo" : "me")} {when}, then and there to testify in the hearing of the above-captioned case.",
                    };
                var presiding = pangkat
                    ? (f.PangkatChair ?? "", KpOffices.Title(KpOffices.PangkatChairman, lang))
                    : (f.Act("summons")?.SignedBy is { Length: > 0 } n ? n : f.Captain, KpOffices.Title(KpOffices.LuponChairman, lang));
                return (paragraphs, new List<(string, string)> { presiding }, g.Min(w => w.RecordedAt));
            }).ToList();
    }
}
