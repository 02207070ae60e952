namespace Barangay.Data.Complaints.Kp;

/// <summary>What the forms of a case say about it: the names and offices that sign, and its dates printed.</summary>
internal sealed record KpFormFacts(
    KpCase Case, bool Filipino, string Complainant, IReadOnlyList<string> Respondents, string Description, string Captain, string LuponSecretary,
    string? PangkatChair, string? PangkatSecretary, IReadOnlyList<KpPangkatMember> Pangkat, Func<string, KpAct?> Act, Func<DateTime, string> Date);

public sealed partial class KpService
{
    /// <summary>
    /// When each form exists: the complaint from filing; the notices and the summons once the summons is issued; the
    /// Pangkat's notices once mediation failed; each later form once its step is recorded (the case's record of acts).
    /// </summary>
    public static IReadOnlyList<KpForm> FormsOf(KpCase kp)
    {
        var forms = new List<KpForm> { KpForm.Complaint };
        if (kp.SummonsIssuedAt is not null) forms.AddRange([KpForm.NoticeOfHearing, KpForm.Summons, KpForm.Subpoena]);
        if (kp.MediationFailedAt is not null) forms.Add(KpForm.PangkatNotice);
        if (kp.PangkatConstitutedAt is not null) forms.AddRange([KpForm.PangkatMemberNotice, KpForm.ConciliationNotice]);
        if (kp.ArbitrationAgreedAt is not null) forms.Add(KpForm.ArbitrationAgreement);
        if (kp.Outcome is KpOutcomes.Settlement or KpOutcomes.Award) forms.Add(KpForm.Settlement);
        if (kp.RepudiatedAt is not null) forms.Add(KpForm.Repudiation);
        if (kp.CertificateIssuedAt is not null && kp.Stage is KpStages.Failed or KpStages.Repudiated) forms.Add(KpForm.CertificateToFileAction);
        if (kp.ExecutionMovedAt is not null) forms.AddRange([KpForm.ExecutionMotion, KpForm.ExecutionHearing]);
        if (kp.ExecutedAt is not null) forms.Add(KpForm.ExecutionNotice);
        if (kp.TransmittedAt is not null) forms.Add(KpForm.Transmittal);
        forms.AddRange(AbsenceForms(kp));
        return forms;
    }

    /// <summary>The date a form bears: the day of the step it records.</summary>
    private static DateTime IssuedOn(KpCase kp, KpForm form) => form switch
    {
        KpForm.Complaint => kp.FiledAt,
        KpForm.NoticeOfHearing or KpForm.Summons or KpForm.Subpoena => kp.SummonsIssuedAt!.Value,
        KpForm.PangkatMemberNotice => kp.PangkatConstitutedAt!.Value,
        KpForm.PangkatNotice => kp.MediationFailedAt!.Value,
        KpForm.ConciliationNotice => kp.PangkatConstitutedAt!.Value,
        KpForm.ArbitrationAgreement => kp.ArbitrationAgreedAt!.Value,
        KpForm.Settlement => kp.OutcomeAt!.Value,
        KpForm.Repudiation => kp.RepudiatedAt!.Value,
        KpForm.ExecutionMotion or KpForm.ExecutionHearing => kp.ExecutionMovedAt!.Value,
        KpForm.ExecutionNotice => kp.ExecutedAt!.Value,
        KpForm.Transmittal => kp.TransmittedAt!.Value,
        KpForm.ComplainantAbsenceNotice or KpForm.RespondentAbsenceNotice or KpForm.BarAction or KpForm.BarCounterclaim => AbsenceFormDate(kp, form),
        KpForm.ContemptCertification => ContemptFormDate(kp),
        _ => kp.CertificateIssuedAt!.Value,
    };

    /// <summary>
    /// The forms of the 1992 KP set beyond the summons, settlement/award and certificates (KP Forms 7, 8, 10, 12, 14,
    /// 17, 23, 24, 25 and the sec. 419 transmittal), worded as the DOJ/DILG forms, in the parties' language (sec. 411),
    /// each signed by the office the Code names (docs/katarungang-pambarangay.md). Null for the other forms.
    /// </summary>
    private static (string, string, List<string>, List<(string, string)>)? MoreForm(KpForm form, KpFormFacts f)
    {
        var kp = f.Case;
        var fil = f.Filipino;
        var lang = fil ? KpLanguages.Filipino : KpLanguages.English;
        string T(string office) => KpOffices.Title(office, lang);
        string Who(string step, string fallback) => f.Act(step)?.SignedBy is { Length: > 0 } n ? n : fallback;
        var parties = f.Complainant + "; " + string.Join("; ", f.Respondents);
        var blankDate = fil ? "sa ika-____ araw ng ____________, 20___, sa ganap na ika-____ ng umaga/hapon" : "on the ____ day of ____________, 20___, at ____ o'clock in the morning/afternoon";
        var chairman = (Who("summons", f.Captain), T(KpOffices.LuponChairman));
        var byPangkat = kp.PangkatConstitutedAt is not null;
        var body = fil ? (byPangkat ? "Pangkat ng Tagapagkasundo" : "Punong Barangay") : (byPangkat ? "Pangkat ng Tagapagkasundo" : "Punong Barangay (Lupon Chairman)");
        var complainantSignature = (f.Complainant, fil ? "Maysumbong" : "Complainant");
        var respondentSignatures = f.Respondents.Select(r => (r, fil ? "Ipinagsusumbong" : "Respondent")).ToList();
        var outcomeWord = kp.Outcome == KpOutcomes.Award
            ? (fil ? "hatol sa paglutas" : "arbitration award")
            : (fil ? "kasunduang pag-aayos" : "amicable settlement");
        switch (form)
        {
            case KpForm.Complaint:
                return ("7", fil ? "Sumbong" : "Complaint",
                    fil
                        ? [
                            "AKO/KAMI ay nagrereklamo laban sa (mga) ipinagsusumbong na nakasaad sa itaas dahil sa paglabag sa aking/aming mga karapatan at interes sa sumusunod na paraan:",
                            f.Description,
                            "DAHIL DITO, AKO/KAMI ay nakikiusap na ipagkaloob sa akin/amin ang sumusunod na (mga) lunas nang naaayon sa batas at/o katarungan:",
                            "______________________________________________",
                            $"Tinanggap at inihain ngayong {f.Date(kp.FiledAt)}.",
                        ]
                        : [
                            "I/WE hereby complain against the above-named respondent/s for violating my/our rights and interests in the following manner:",
                            f.Description,
                            "THEREFORE, I/WE pray that the following relief/s be granted to me/us in accordance with law and/or equity:",
                            "______________________________________________",
                            $"Received and filed this {f.Date(kp.FiledAt)}.",
                        ],
                    [complainantSignature, (f.Captain, (fil ? "Tinanggap: " : "Received: ") + T(KpOffices.LuponChairman))]);
            case KpForm.NoticeOfHearing:
                return ("8", fil ? "Paunawa ng Pagdinig" : "Notice of Hearing",
                    fil
                        ? [
                            "Kay: " + f.Complainant,
                            $"Ikaw ay inaatasang humarap sa akin {SummonsHearing(kp, true)}, para sa pagdinig ng iyong sumbong.",
                            "Pinaalalahanan ngayong ____ araw ng ____________, 20___. ____________________ Maysumbong",
                        ]
                        : [
                            "TO: " + f.Complainant,
                            $"You are hereby required to appear before me {SummonsHearing(kp, false)}, for the hearing of your complaint.",
                            "Notified this ____ day of ____________, 20___. ____________________ Complainant",
                        ],
                    [chairman]);
            case KpForm.PangkatNotice:
                var members = string.Join(", ", f.Pangkat.Select(m => $"{m.Name} ({Role(m.Role, fil)})"));
                return ("10", fil ? "Paunawa sa Pagbuo ng Pangkat" : "Notice for Constitution of Pangkat",
                    fil
                        ? [
                            "Kina: " + parties,
                            $"Kayo ay inaatasang humarap sa akin {blankDate}, upang buuin ang Pangkat ng Tagapagkasundo na magsasagawa ng pagkakasundo sa inyong alitan. Kapag kayo ay hindi nagkasundo sa mga kasapi ng Pangkat o hindi humarap sa nasabing petsa, ako ang pipili ng mga kasapi nito sa pamamagitan ng palabunutan.",
                            kp.PangkatConstitutedAt is { } on ? $"Ang Pangkat ay binuo noong {f.Date(on)}: {members}." : "",
                        ]
                        : [
                            "TO: " + parties,
                            $"You are hereby required to appear before me {blankDate}, for the constitution of the Pangkat ng Tagapagkasundo which shall conciliate your dispute. Should you fail to agree on the Pangkat membership or to appear on the aforesaid date for the constitution of the Pangkat, I shall determine the membership thereof by drawing lots.",
                            kp.PangkatConstitutedAt is { } on2 ? $"The Pangkat was constituted on {f.Date(on2)}: {members}." : "",
                        ],
                    [(Who("mediation_failed", f.Captain), T(KpOffices.LuponChairman))]);
            case KpForm.ConciliationNotice:
                return ("12", fil ? "Paunawa ng Pagdinig (Pagkakasundo)" : "Notice of Hearing (Conciliation Proceedings)",
                    fil
                        ? ["Kina: " + parties, $"Kayo ay inaatasang humarap sa Pangkat ng Tagapagkasundo {ConvenesOn(kp, true) ?? blankDate}, para sa pagdinig ng usaping nakasaad sa itaas."]
                        : ["TO: " + parties, $"You are hereby required to appear before the Pangkat ng Tagapagkasundo {ConvenesOn(kp, false) ?? blankDate}, for a hearing of the above-entitled case."],
                    [(f.PangkatChair ?? "", T(KpOffices.PangkatChairman))]);
            case KpForm.ArbitrationAgreement:
                var arbitrator = f.Act("arbitration_agreement");
                var arbitratorTitle = arbitrator?.Title ?? (byPangkat ? KpOffices.PangkatChairman : KpOffices.LuponChairman);
                return ("14", fil ? "Kasunduan sa Paglutas" : "Agreement for Arbitration",
                    fil
                        ? [
                            $"Kami ay nagkakasundo na iharap ang aming alitan para sa paglutas sa {body} at nangangakong susunod sa hatol na ipagkakaloob dito. Ginawa namin ang kasunduang ito nang malaya at lubos na nauunawaan ang kahulugan at kahihinatnan nito.",
                            $"Ang kasunduang ito ay maaaring itakwil sa loob ng limang (5) araw mula ngayon dahil sa panlilinlang, karahasan o pananakot (Seksyon 413(a)).",
                            "PAGPAPATUNAY: Pinatutunayan ko na ang Kasunduan sa Paglutas ay pinasok ng mga panig nang malaya at kusang-loob, matapos kong ipaliwanag sa kanila ang kahulugan at kahihinatnan nito.",
                        ]
                        : [
                            $"We hereby agree to submit our dispute for arbitration to the {body} and bind ourselves to comply with the award that may be rendered thereon. We have made this agreement freely with a full understanding of its nature and consequences.",
                            "This agreement may be repudiated within five (5) days from today on the ground of fraud, violence or intimidation (sec. 413(a)).",
                            "ATTESTATION: I hereby certify that the foregoing Agreement for Arbitration was entered into by the parties freely and voluntarily, after I had explained to them the nature and the consequences of such agreement.",
                        ],
                    [complainantSignature, .. respondentSignatures, (arbitrator?.SignedBy ?? (byPangkat ? f.PangkatChair ?? "" : f.Captain), T(arbitratorTitle))]);
            case KpForm.Repudiation:
                var what = kp.ArbitrationAgreedAt is not null && kp.Outcome is null
                    ? (fil ? $"kasunduan sa paglutas noong {f.Date(kp.ArbitrationAgreedAt.Value)}" : $"agreement for arbitration of {f.Date(kp.ArbitrationAgreedAt.Value)}")
                    : (fil ? $"kasunduang pag-aayos noong {f.Date(kp.OutcomeAt!.Value)}" : $"amicable settlement of {f.Date(kp.OutcomeAt!.Value)}");
                var reason = kp.RepudiationReason?.TrimEnd('.', ';', ' ');
                return ("17", fil ? "Pagtatakwil" : "Repudiation",
                    fil
                        ? [
                            $"Ako, si ______________________, isa sa mga panig sa usaping nakasaad sa itaas, ay itinatakwil ang {what} dahil ang aking pagsang-ayon ay nabahiran ng panlilinlang, karahasan o pananakot: {reason}.",
                            $"NILAGDAAN AT SINUMPAAN sa harap ko ngayong {f.Date(kp.RepudiatedAt!.Value)}.",
                        ]
                        : [
                            $"I, ______________________, being one of the parties in the above-captioned case, hereby repudiate the {what} on the ground that my consent was vitiated by fraud, violence or intimidation: {reason}.",
                            $"SUBSCRIBED AND SWORN TO before me this {f.Date(kp.RepudiatedAt!.Value)}.",
                        ],
                    [("", fil ? "Maysumbong/Ipinagsusumbong" : "Complainant/Respondent"), (Who("repudiation", f.Captain), T(KpOffices.LuponChairman))]);
            case KpForm.ExecutionMotion:
                var by = kp.Outcome == KpOutcomes.Award ? (fil ? $"ang {body}" : $"the {body}") : "";
                return ("23", fil ? "Mosyon para sa Pagpapatupad" : "Motion for Execution",
                    fil
                        ? [
                            "Ang (mga) Maysumbong/Ipinagsusumbong ay nagsasaad ng sumusunod:",
                            kp.Outcome == KpOutcomes.Award
                                ? $"1. Noong {f.Date(kp.OutcomeAt!.Value)}, ang mga panig ay tumanggap ng hatol sa paglutas na iginawad ng {by};"
                                : $"1. Noong {f.Date(kp.OutcomeAt!.Value)}, ang mga panig sa usaping ito ay lumagda sa isang kasunduang pag-aayos;",
                            kp.Outcome == KpOutcomes.Award
                                ? "2. Lumipas na ang sampung (10) araw mula sa nasabing petsa nang walang petisyon sa hukuman na ipawalang-bisa ang hatol;"
                                : "2. Lumipas na ang sampung (10) araw mula sa nasabing petsa nang walang panig na naghain ng sinumpaang pagtatakwil sa kasunduan sa harap ng Pangulo ng Lupon;",
                            $"3. Ang {outcomeWord} ay pinal na at maaari nang ipatupad.",
                            "DAHIL DITO, hinihiling ng (mga) Maysumbong/Ipinagsusumbong na ipag-utos ng Pangulo ng Lupon ang pagpapatupad nito.",
                        ]
                        : [
                            "Complainant/s/Respondent/s state as follows:",
                            kp.Outcome == KpOutcomes.Award
                                ? $"1. On {f.Date(kp.OutcomeAt!.Value)}, the parties in this case received the arbitration award rendered by {by};"
                                : $"1. On {f.Date(kp.OutcomeAt!.Value)}, the parties in this case signed an amicable settlement;",
                            kp.Outcome == KpOutcomes.Award
                                ? "2. The period of ten (10) days from the above-stated date has expired without any party filing a petition for the nullification of the award in court;"
                                : "2. The period of ten (10) days from the above-stated date has expired without any of the parties filing a sworn statement of repudiation of the settlement before the Lupon Chairman;",
                            $"3. The {outcomeWord} is now final and executory.",
                            "WHEREFORE, Complainant/s/Respondent/s request that the corresponding writ of execution be issued by the Lupon Chairman in this case.",
                        ],
                    [("", fil ? "Nagmomosyon" : "Movant")]);
            case KpForm.ExecutionHearing:
                return ("24", fil ? "Paunawa ng Pagdinig (Mosyon para sa Pagpapatupad)" : "Notice of Hearing (Re: Motion for Execution)",
                    fil
                        ? ["Kina: " + parties, $"Kayo ay inaatasang humarap sa akin {blankDate}, para sa pagdinig ng mosyon para sa pagpapatupad na isinampa noong {f.Date(kp.ExecutionMovedAt!.Value)}, na ang sipi ay nakalakip dito."]
                        : ["TO: " + parties, $"You are hereby required to appear before me {blankDate}, for the hearing of the motion for execution filed on {f.Date(kp.ExecutionMovedAt!.Value)}, copy of which is attached hereto."],
                    [(f.Captain, T(KpOffices.LuponChairman))]);
            case KpForm.ExecutionNotice:
                var terms = kp.OutcomeTerms?.TrimEnd('.', ';', ' ');
                var notes = kp.ExecutionNotes?.TrimEnd('.', ';', ' ');
                return ("25", fil ? "Paunawa ng Pagpapatupad" : "Notice of Execution",
                    fil
                        ? [
                            kp.Outcome == KpOutcomes.Award
                                ? $"SAPAGKAT, noong {f.Date(kp.OutcomeAt!.Value)}, isang hatol sa paglutas ang iginawad ng {body} sa usaping nakasaad sa itaas;"
                                : $"SAPAGKAT, noong {f.Date(kp.OutcomeAt!.Value)}, isang kasunduang pag-aayos ang nilagdaan ng mga panig sa usaping nakasaad sa itaas;",
                            $"SAPAGKAT, ang mga tadhana ng {outcomeWord} ay ang sumusunod: {terms};",
                            "SAPAGKAT, ang panig na may pananagutan ay hindi kusang tumupad sa nasabing kasunduan o hatol;",
                            $"DAHIL DITO, sa ngalan ng Lupong Tagapamayapa at sa bisa ng kapangyarihang ipinagkaloob sa akin ng Batas at mga Tuntunin ng Katarungang Pambarangay (Seksyon 417), ipinatutupad ko ang {outcomeWord}: {notes}.",
                        ]
                        : [
                            kp.Outcome == KpOutcomes.Award
                                ? $"WHEREAS, on {f.Date(kp.OutcomeAt!.Value)}, an arbitration award was rendered by the {body} in the above-entitled case;"
                                : $"WHEREAS, on {f.Date(kp.OutcomeAt!.Value)}, an amicable settlement was signed by the parties in the above-entitled case;",
                            $"WHEREAS, the terms and conditions of the {outcomeWord} are as follows: {terms};",
                            "WHEREAS, the party obliged has not complied voluntarily with the aforestated settlement or award;",
                            $"NOW, THEREFORE, in behalf of the Lupong Tagapamayapa and by virtue of the powers vested in me and the Lupon by the Katarungang Pambarangay Law and Rules (sec. 417), I have caused the {outcomeWord} to be executed: {notes}.",
                        ],
                    [(Who("execution", f.Captain), T(KpOffices.LuponChairman))]);
            case KpForm.Transmittal:
                return ("", fil ? "Paglilipat sa Hukuman" : "Transmittal to the Court",
                    fil
                        ? [
                            $"Kay: {kp.TransmittedTo}",
                            $"Alinsunod sa Seksyon 419 ng Kodigo ng Pamahalaang Lokal, ipinadadala ko ang {outcomeWord} na may petsang {f.Date(kp.OutcomeAt!.Value)} sa Usaping Barangay Blg. {kp.CaseNo}, sa pagitan ng {f.Complainant} at {string.Join(", ", f.Respondents)}, sa loob ng limang (5) araw mula sa {(kp.Outcome == KpOutcomes.Award ? "petsa ng hatol" : "paglipas ng sampung (10) araw upang itakwil ang kasunduan")}.",
                            "Ang mga sipi nito ay ibinigay sa bawat panig at sa Pangulo ng Lupon.",
                        ]
                        : [
                            $"TO: {kp.TransmittedTo}",
                            $"Pursuant to section 419 of the Local Government Code, I transmit herewith the {outcomeWord} dated {f.Date(kp.OutcomeAt!.Value)} in Barangay Case No. {kp.CaseNo}, between {f.Complainant} and {string.Join(", ", f.Respondents)}, within five (5) days from {(kp.Outcome == KpOutcomes.Award ? "the date of the award" : "the lapse of the ten-day period to repudiate the settlement")}.",
                            "Copies hereof have been furnished to each of the parties and to the Lupon Chairman.",
                        ],
                    [(Who("transmittal", f.LuponSecretary), T(KpOffices.LuponSecretary))]);
            default:
                return null;
        }
    }

    private static string Role(string role, bool fil) => (role, fil) switch
    {
        (KpPangkatRoles.Chairman, true) => "Pangulo",
        (KpPangkatRoles.Chairman, false) => "chairman",
        (KpPangkatRoles.Secretary, true) => "Kalihim",
        (KpPangkatRoles.Secretary, false) => "secretary",
        (_, true) => "kasapi",
        _ => "member",
    };

    /// <summary>The address of a form: <c>/complaints/kp/{id}/{slug}.pdf</c>.</summary>
    public static string Slug(KpForm form) => form switch
    {
        KpForm.CertificateToFileAction => "certificate",
        KpForm.NoticeOfHearing => "hearing-notice",
        KpForm.PangkatNotice => "pangkat-notice",
        KpForm.ConciliationNotice => "conciliation-notice",
        KpForm.ArbitrationAgreement => "arbitration-agreement",
        KpForm.ExecutionMotion => "execution-motion",
        KpForm.ExecutionHearing => "execution-hearing",
        KpForm.ExecutionNotice => "execution-notice",
        KpForm.PangkatMemberNotice => "pangkat-member-notice",
        KpForm.ComplainantAbsenceNotice => "complainant-absence-notice",
        KpForm.RespondentAbsenceNotice => "respondent-absence-notice",
        KpForm.BarAction => "bar-action",
        KpForm.BarCounterclaim => "bar-counterclaim",
        KpForm.ContemptCertification => "contempt-certification",
        _ => form.ToString().ToLowerInvariant(),
    };

    public static KpForm? FromSlug(string slug) => Enum.GetValues<KpForm>().Cast<KpForm?>().FirstOrDefault(f => Slug(f!.Value) == slug);

    /// <summary>
    /// "KP Form 7 · Complaint": how the case page lists a form. The Certification to File Action is listed under its own
    /// number and title (20, 20-A or 20-B: <see cref="KpCertificates"/>), as the printed form says.
    /// </summary>
    public static string Label(KpForm form, string? outcome = null, string? certificate = null) => form switch
    {
        KpForm.Complaint => "KP Form 7 · Complaint",
        KpForm.NoticeOfHearing => "KP Form 8 · Notice of Hearing",
        KpForm.Summons => "KP Form 9 · Summons",
        KpForm.PangkatNotice => "KP Form 10 · Notice for Constitution of Pangkat",
        KpForm.PangkatMemberNotice => "KP Form 11 · Notice to Chosen Pangkat Member",
        KpForm.ConciliationNotice => "KP Form 12 · Notice of Hearing (Conciliation)",
        KpForm.Subpoena => "KP Form 13 · Subpoena",
        KpForm.ArbitrationAgreement => "KP Form 14 · Agreement for Arbitration",
        KpForm.Settlement => outcome == KpOutcomes.Award ? "KP Form 15 · Arbitration Award" : "KP Form 16 · Amicable Settlement",
        KpForm.Repudiation => "KP Form 17 · Repudiation",
        KpForm.CertificateToFileAction => $"KP Form {certificate ?? KpCertificates.ConciliationFailed} · {KpCertificates.Title(certificate ?? KpCertificates.ConciliationFailed, false)}",
        KpForm.ExecutionMotion => "KP Form 23 · Motion for Execution",
        KpForm.ExecutionHearing => "KP Form 24 · Notice of Hearing (Motion for Execution)",
        KpForm.ExecutionNotice => "KP Form 25 · Notice of Execution",
        KpForm.ComplainantAbsenceNotice => "KP Form 18 · Notice of Hearing (Re: Failure to Appear), to the complainant",
        KpForm.RespondentAbsenceNotice => "KP Form 19 · Notice of Hearing (Re: Failure to Appear), to the respondent",
        KpForm.BarAction => "KP Form 21 · Certification to Bar Action",
        KpForm.BarCounterclaim => "KP Form 22 · Certification to Bar Counterclaim",
        KpForm.ContemptCertification => "Certification of Refusal to Appear (for the contempt application)",
        _ => "Transmittal to the Court (sec. 419)",
    };
}
