using System.Text.Json;
using Barangay.Data.Audit;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Complaints.Kp;

public sealed partial class KpService
{
    public const string PrintAction = "Print";

    /// <summary>
    /// A printable form of the case as a PDF (with its file name), or null when the caller may not see the case or the
    /// form does not exist yet: the summons once issued, the settlement or award once recorded, the Certificate to File
    /// Action once issued (<see cref="IssueCertificateAsync"/>). Printing only reads the case and writes one audit row
    /// per print: it never changes the case or its complaint, so it is safe as a GET and no concurrent change of the
    /// case can cost a print its audit row.
    /// </summary>
    public async Task<(byte[] Pdf, string FileName)?> PrintAsync(Guid id, KpForm form, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var kp = await db.Set<KpCase>().AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, ct);
        if (kp is null) return null;
        var complaint = await db.Complaints.AsNoTracking().FirstAsync(c => c.Id == kp.ComplaintId, ct);
        if (!ComplaintService.HallMaySee(caller, complaint.Confidential, complaint.AssignedTo, complaint.Category)) return null;
        if (!FormsOf(kp).Contains(form)) return null;
        db.Record(PrintAction, TargetType, kp.Id.ToString(), new { case_no = kp.CaseNo, form = form.ToString(), stage = kp.Stage });
        await db.SaveChangesAsync(ct);
        var pages = await FormAsync(db, kp, complaint, form, ct);
        return (KpPdf.Render(pages), $"{kp.CaseNo}-{Slug(form)}.pdf");
    }

    /// <summary>The pages of a form: one, except the subpoena (KP Form 13), one per hearing witnesses were summoned to.</summary>
    private static async Task<IReadOnlyList<KpFormData>> FormAsync(BarangayDbContext db, KpCase kp, Complaints.Complaint complaint, KpForm form, CancellationToken ct)
    {
        var keys = new[] { SettingKeys.BarangayName, SettingKeys.Municipality, SettingKeys.Province, SettingKeys.Region, SettingKeys.PunongBarangay, SettingKeys.HallAddress };
        var settings = await db.AppSettings.AsNoTracking().Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => Text(s.Value), ct);
        string S(string k) => settings.GetValueOrDefault(k) ?? "";
        var barangay = S(SettingKeys.BarangayName) is { Length: > 0 } b ? b : "Barangay";
        var locality = string.Join(", ", new[] { S(SettingKeys.Municipality), S(SettingKeys.Province) }.Where(x => x.Length > 0));
        // The Punong Barangay now serving, by name as the roster has it (as the acts sign), for the forms no recorded act
        // signs (KP 7's receipt, KP 24); the settings' name (which may carry "Hon.") only when the roster has none.
        var serving = await HolderAsync(db, Security.OfficialPositions.PunongBarangay, ct);
        var captain = serving != Security.OfficialPositions.PunongBarangay ? serving
            : S(SettingKeys.PunongBarangay) is { Length: > 0 } pb ? pb : "Punong Barangay";
        var resident = complaint.ResidentId is { } rid ? await db.Residents.AsNoTracking().IgnoreQueryFilters().FirstOrDefaultAsync(r => r.Id == rid, ct) : null;
        var complainant = resident is null ? complaint.ComplainantName ?? "" : ComplaintService.Name(resident);
        var respondents = Respondents(kp);
        var names = respondents.Select(r => r.Name).ToList();
        var caseTitle = complaint.Subject ?? "Complaint " + complaint.ComplaintId;
        var hall = S(SettingKeys.HallAddress) is { Length: > 0 } h ? h : "the Barangay Hall";
        var fil = kp.Language == KpLanguages.Filipino;
        var acts = ActsOf(kp);
        var pangkat = PangkatOf(kp);
        KpAct? Act(string step) => acts.LastOrDefault(a => a.Step == step);
        string T(string office) => KpOffices.Title(office, kp.Language);
        string Who(KpAct? act, string fallback) => act?.SignedBy is { Length: > 0 } n ? n : fallback;
        var luponSecretary = await HolderAsync(db, Security.OfficialPositions.Secretary, ct);
        var pangkatChair = pangkat.FirstOrDefault(m => m.Role == KpPangkatRoles.Chairman)?.Name;
        var pangkatSecretary = pangkat.FirstOrDefault(m => m.Role == KpPangkatRoles.Secretary)?.Name;
        string D(DateTime utc) => KpPdf.Date(utc, kp.Language);
        var respondentsLine = string.Join("; ", respondents.Select(r => r.Address is null ? r.Name : $"{r.Name}, {r.Address}"));
        // Sec. 410(b): the day and hour the Punong Barangay set when he issued the summons (KP Forms 8 and 9); a case summoned
        // before the case book recorded it prints the form's blanks, to be filled by hand.
        var summonsHearing = SummonsHearing(kp, fil);
        // KP Form numbers of the 1992 set (docs/katarungang-pambarangay.md); the wording follows each form, in the parties' language (sec. 411).
        var facts = new KpFormFacts(kp, fil, complainant, names, complaint.Description, captain, luponSecretary, pangkatChair, pangkatSecretary, pangkat, Act, D);
        var (number, title, paragraphs, signatures) = MoreForm(form, facts) ?? AbsenceForm(form, facts) ?? ContemptForm(form, facts) ?? NoticeForm(form, facts) ?? form switch
        {
            KpForm.Summons => ("9", fil ? "Patawag" : "Summons",
                fil
                    ? new List<string>
                    {
                        "Kay: " + respondentsLine,
                        $"Kayo ay ipinatatawag upang personal na humarap sa akin, kasama ang inyong mga saksi, {summonsHearing}, sa {hall}, upang sagutin ang sumbong na isinampa laban sa inyo ni {complainant}, na ang sipi ay nakalakip dito, para sa pamamagitan o pagkakasundo ng inyong alitan.",
                        "Kayo ay binabalaan na kapag kayo ay tumanggi o sadyang hindi humarap bilang pagsunod sa patawag na ito, kayo ay hahadlangan sa paghahain ng anumang ganting-sumbong na magmumula sa nasabing sumbong.",
                        "HUWAG NINYONG SUWAYIN ito, upang hindi kayo maparusahan dahil sa paglapastangan sa hukuman.",
                        "ULAT NG OPISYAL: Ipinadala ko ang patawag na ito sa (mga) ipinagsusumbong noong ______________, 20___, sa pamamagitan ng: (1) personal na pag-abot; (2) pag-abot nang tumanggi siyang tanggapin; (3) pag-iwan sa kanyang tahanan kay ______________, na nasa hustong gulang at naninirahan doon.",
                        "____________________ Opisyal na naghatid",
                    }
                    : new List<string>
                    {
                        "TO: " + respondentsLine,
                        $"You are hereby summoned to appear before me in person, together with your witnesses, {summonsHearing}, at {hall}, then and there to answer to a complaint made before me by {complainant}, copy of which is attached hereto, for mediation/conciliation of your dispute with the complainant.",
                        "You are hereby warned that if you refuse or willfully fail to appear in obedience to this summons, you shall be barred from filing any counterclaim arising from said complaint.",
                        "FAIL NOT or else face punishment as for contempt of court.",
                        "OFFICER'S RETURN: I served this summons upon the respondent(s) on ______________, 20___, by: (1) handing it to them personally; (2) handing it to them when they refused to receive it; (3) leaving it at their dwelling with ______________, a person of suitable age and discretion residing therein.",
                        "____________________ Serving officer",
                    },
                new List<(string, string)> { (Who(Act("summons"), captain), T(KpOffices.LuponChairman)) }),
            KpForm.Settlement when kp.Outcome == KpOutcomes.Award => ("15", fil ? "Hatol sa Paglutas" : "Arbitration Award",
                new List<string>
                {
                    fil
                        ? $"Matapos dinggin ang mga panig at ang kanilang mga saksi, at ang mga panig ay sumang-ayon nang nakasulat noong {D(kp.ArbitrationAgreedAt!.Value)} na susunod sa hatol, ang sumusunod na hatol ay iginagawad:"
                        : $"After hearing the testimonies given and careful examination of the evidence presented in this case, the parties having agreed in writing on {D(kp.ArbitrationAgreedAt!.Value)} to abide by the arbitration award, the award is hereby made as follows:",
                    kp.OutcomeTerms ?? "",
                    fil
                        ? "Ang hatol na ito ay magkakaroon ng bisa ng isang pinal na hatol ng hukuman pagkalipas ng sampung (10) araw mula sa petsa nito, maliban kung may petisyong ipawalang-bisa ito na naisampa sa hukuman (Seksyon 416)."
                        : "This award shall have the force and effect of a final judgment of a court upon the expiration of ten (10) days from its date, unless a petition to nullify it has been filed before the proper city or municipal court (sec. 416).",
                },
                new List<(string, string)> { (Who(Act(KpOutcomes.Award), pangkatChair ?? captain), T(pangkat.Count > 0 ? KpOffices.PangkatChairman : KpOffices.LuponChairman)),
                    (pangkat.Count > 0 ? pangkatSecretary ?? "" : luponSecretary, (fil ? "Pinatunayan: " : "Attested: ") + T(pangkat.Count > 0 ? KpOffices.PangkatSecretary : KpOffices.LuponSecretary)) }),
            KpForm.Settlement => ("16", fil ? "Kasunduang Pag-aayos" : "Amicable Settlement",
                new List<string>
                {
                    fil ? "Kami, ang (mga) maysumbong at ang (mga) ipinagsusumbong sa usaping nakasaad sa itaas, ay nagkakasundo na ayusin ang aming alitan tulad ng sumusunod:"
                        : "We, complainant/s and respondent/s in the above-captioned case, do hereby agree to settle our dispute as follows:",
                    kp.OutcomeTerms ?? "",
                    fil ? "at nangangakong tutupad nang tapat at buong katapatan sa mga nasabing kasunduan. Ang kasunduang ito ay maaaring itakwil sa loob ng sampung (10) araw mula ngayon dahil sa panlilinlang, karahasan o pananakot (Seksyon 418)."
                        : "and bind ourselves to comply honestly and faithfully with the above terms of settlement. This settlement may be repudiated within ten (10) days from today on the ground of fraud, violence or intimidation (sec. 418).",
                },
                new List<(string, string)> { (complainant, fil ? "Maysumbong" : "Complainant") }.Concat(names.Select(n => (n, fil ? "Ipinagsusumbong" : "Respondent")))
                    .Append((Who(Act(KpOutcomes.Settlement), pangkatChair ?? captain), (fil ? "Pinatunayan: " : "Attested: ") + T(pangkat.Count > 0 ? KpOffices.PangkatChairman : KpOffices.LuponChairman))).ToList()),
            _ => CertificateToFileAction(kp, fil, Act("certificate"), captain, pangkatChair, luponSecretary, D),
        };
        var blank = new KpFormData(barangay, locality, S(SettingKeys.Region), kp.CaseNo, complainant, names, caseTitle, title, paragraphs.Where(p => p.Length > 0).ToList(),
            signatures, IssuedOn(kp, form), number, kp.Language);
        if (form != KpForm.Subpoena) return [blank];
        // KP Form 13 names the witnesses and the hearing: one subpoena per hearing the case book recorded witnesses for; the
        // blank form (names, day and hour filled by hand) while none is recorded.
        var subpoenas = Subpoenas(facts);
        return subpoenas.Count == 0 ? [blank] : subpoenas.Select(x => blank with { Paragraphs = x.Paragraphs, Signatures = x.Signatures, IssuedAt = x.IssuedAt }).ToList();
    }

    /// <summary>
    /// Sec. 412(a): certified by the Lupon or Pangkat secretary, attested by the chairman, in the wording of the KP form
    /// that fits how the case ended (<see cref="KpCertificates"/>): a repudiated settlement or agreement (KP Form 20, which
    /// does not say that mediation failed), failed conciliation (20-A), the respondent's unjustified failure to appear
    /// before the Pangkat (20-B, KP Rules Rule VI sec. 8).
    /// </summary>
    private static (string, string, List<string>, List<(string, string)>) CertificateToFileAction(KpCase kp, bool fil, KpAct? act, string captain, string? pangkatChair,
        string luponSecretary, Func<DateTime, string> d)
    {
        var byPangkat = act?.Title == KpOffices.PangkatSecretary;
        var certifier = act?.SignedBy is { Length: > 0 } n ? n : luponSecretary;
        var attester = byPangkat ? pangkatChair ?? "" : captain;
        var lang = fil ? KpLanguages.Filipino : KpLanguages.English;
        var signatures = new List<(string, string)>
        {
            (certifier, KpOffices.Title(byPangkat ? KpOffices.PangkatSecretary : KpOffices.LuponSecretary, lang)),
            (attester, (fil ? "Pinatunayan: " : "Attested: ") + KpOffices.Title(byPangkat ? KpOffices.PangkatChairman : KpOffices.LuponChairman, lang)),
        };
        var title = fil ? "Katibayan Upang Makapagsampa ng Demanda" : "Certification to File Action";
        if (kp.Stage == KpStages.Repudiated)
        {
            var what = kp.ArbitrationAgreedAt is not null && kp.Outcome is null
                ? (fil ? $"Ang mga panig ay sumang-ayon nang nakasulat sa paglutas noong {d(kp.ArbitrationAgreedAt.Value)};" : $"The parties agreed in writing to arbitration on {d(kp.ArbitrationAgreedAt.Value)};")
                : (fil ? $"Nagkaroon ng kasunduang pag-aayos noong {d(kp.OutcomeAt!.Value)};" : $"A settlement was reached on {d(kp.OutcomeAt!.Value)};");
            return (KpCertificates.Repudiated, title, fil
                ? [
                    "Ito ay nagpapatunay na:",
                    $"1. Nagkaroon ng personal na paghaharap ang mga panig sa harap ng {(kp.PangkatConstitutedAt is null ? "Punong Barangay" : "Pangkat ng Tagapagkasundo")};",
                    "2. " + what,
                    $"3. Ito ay itinakwil sa isang sinumpaang salaysay sa harap ng Punong Barangay noong {d(kp.RepudiatedAt!.Value)} dahil sa: {kp.RepudiationReason?.TrimEnd('.', ';', ' ')};",
                    "4. Kaya't ang kaukulang sumbong ukol sa alitan ay maaari nang isampa sa hukuman o sa tanggapan ng pamahalaan.",
                ]
                : [
                    "This is to certify that:",
                    $"1. There has been a personal confrontation between the parties before the {(kp.PangkatConstitutedAt is null ? "Punong Barangay" : "Pangkat ng Tagapagkasundo")};",
                    "2. " + what,
                    $"3. It was repudiated in a statement sworn to before the Punong Barangay on {d(kp.RepudiatedAt!.Value)} on the ground of: {kp.RepudiationReason?.TrimEnd('.', ';', ' ')};",
                    "4. Therefore, the corresponding complaint for the dispute may now be filed in court or before the government office concerned.",
                ], signatures);
        }
        if (KpCertificates.Number(kp.Stage, ActsOf(kp)) == KpCertificates.RespondentAbsent)
            return (KpCertificates.RespondentAbsent, title, fil
                ? [
                    "Ito ay nagpapatunay na:",
                    "1. Nagkaroon ng personal na paghaharap ang mga panig sa harap ng Punong Barangay ngunit nabigo ang pamamagitan;",
                    "2. Itinakda ng Punong Barangay ang pagpupulong ng mga panig para sa pagbuo ng Pangkat;",
                    "3. Ang ipinagsusumbong ay sadyang hindi humarap o tumangging humarap nang walang makatwirang dahilan sa pagdinig ng pagkakasundo sa harap ng Pangkat; at",
                    "4. Kaya't ang kaukulang sumbong ukol sa alitan ay maaari nang isampa sa hukuman o sa tanggapan ng pamahalaan.",
                ]
                : [
                    "This is to certify that:",
                    "1. There was a personal confrontation between the parties before the Punong Barangay but mediation failed;",
                    "2. The Punong Barangay set the meeting of the parties for the constitution of the Pangkat;",
                    "3. The respondent willfully failed or refused to appear without justifiable reason at the conciliation proceedings before the Pangkat; and",
                    "4. Therefore, the corresponding complaint for the dispute may now be filed in court/government office.",
                ], signatures);
        return (KpCertificates.ConciliationFailed, title, fil
            ? [
                "Ito ay nagpapatunay na:",
                "1. Nagkaroon ng personal na paghaharap ang mga panig sa harap ng Punong Barangay ngunit nabigo ang pamamagitan;",
                $"2. Binuo ang Pangkat ng Tagapagkasundo ngunit ang personal na paghaharap sa harap ng Pangkat ay hindi rin nagbunga ng pag-aayos{(kp.OutcomeTerms is null ? "" : ": " + kp.OutcomeTerms.TrimEnd('.', ';', ' '))};",
                "3. Kaya't ang kaukulang sumbong ukol sa alitan ay maaari nang isampa sa hukuman o sa tanggapan ng pamahalaan.",
            ]
            : [
                "This is to certify that:",
                "1. There has been a personal confrontation between the parties before the Punong Barangay but mediation failed;",
                $"2. The Pangkat ng Tagapagkasundo was constituted but the personal confrontation before the Pangkat likewise did not result into a settlement{(kp.OutcomeTerms is null ? "" : ": " + kp.OutcomeTerms.TrimEnd('.', ';', ' '))};",
                "3. Therefore, the corresponding complaint for the dispute may now be filed in court or before the government office concerned.",
            ], signatures);
    }

    private static string Text(string? json)
    {
        try
        {
            if (json is null) return "";
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.String ? doc.RootElement.GetString() ?? "" : doc.RootElement.ToString();
        }
        catch (JsonException)
        {
            return json ?? "";
        }
    }

    /// <summary>"on the 7th day of December 2026, at 9:00 in the morning": the hearing the summons calls the parties to, or the form's blanks.</summary>
    internal static string SummonsHearing(KpCase kp, bool filipino) =>
        ActsOf(kp).LastOrDefault(a => a.Step == "summons")?.HearingAt is { } at
            ? KpPdf.DayAndHour(at, filipino ? KpLanguages.Filipino : KpLanguages.English)
            : filipino ? "sa ika-____ araw ng ____________, 20___, sa ganap na ika-____ ng umaga/hapon" : "on the ____ day of ____________, 20___, at ____ o'clock in the morning/afternoon";

    /// <summary>The day and hour the Lupon chairman set for the Pangkat to convene (sec. 410(d)), in words; null when not recorded.</summary>
    internal static string? ConvenesOn(KpCase kp, bool filipino) =>
        ActsOf(kp).LastOrDefault(a => a.Step == "pangkat")?.HearingAt is { } at ? KpPdf.DayAndHour(at, filipino ? KpLanguages.Filipino : KpLanguages.English) : null;
}
