using Barangay.Data.Complaints.Kp;

namespace Barangay.Tests.Data.Complaints;

/// <summary>
/// Contempt for refusing to appear (KP Rules, Rule VI): the court punishes on the application of the Lupon chairman, the
/// Pangkat chairman or a party; the case book records the application only after the finding, on Manila days across the
/// weekend and the Tuesday 8 December holiday, and certifies the record for it.
/// </summary>
public partial class KpServiceTests
{
    private static DateOnly Day(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
    private const string Court = "Municipal Trial Court of San Isidro";

    [Fact]
    public async Task Contempt_RespondentBeforeThePunongBarangay_RecordedOnlyAfterTheFinding_CertifiedForTheCourt()
    {
        // Friday 4 December: the respondent misses the 3 PM mediation hearing and is told to explain on Monday 9:00 (KP Form 19).
        await AtManilaAsync("2026-12-04 09:00");
        var kp = await HeardAsync();
        _clock.Advance(TimeSpan.FromHours(7)); // Friday 16:00
        await _host.AsKapitanAsync();
        kp = (await Kp.RecordAbsenceAsync(kp.Id, KpParties.Respondent, Manila("2026-12-04 15:00"), Manila("2026-12-07 09:00"), kp.Version)).Value!;
        await _host.AsSecretaryAsync();
        (await Kp.RecordContemptAsync(kp.Id, 0, KpContemptApplicants.LuponChairman, Court, Day("2026-12-04"), kp.Version))
            .Message.Should().StartWith("Only a failure to appear found unjustified, after the party was given the chance to explain");

        _clock.Advance(TimeSpan.FromHours(65)); // Monday 7 December, 9:00: no explanation came.
        await _host.AsKapitanAsync();
        kp = (await Kp.FindAbsenceAsync(kp.Id, false, null, kp.Version)).Value!;
        kp.Stage.Should().Be(KpStages.Conciliation);
        kp.ContemptOpen.Should().Equal(0);

        _clock.Advance(TimeSpan.FromHours(49)); // Wednesday 9 December, 10:00 (Tuesday 8 December was a holiday)
        await _host.AsKagawadAsync();
        (await Kp.RecordContemptAsync(kp.Id, 0, KpContemptApplicants.LuponChairman, Court, Day("2026-12-09"), kp.Version))
            .Message.Should().StartWith("Only the Punong Barangay (Lupon chairman) or the Lupon secretary may record an application for contempt");
        await _host.AsSecretaryAsync();
        (await Kp.RecordContemptAsync(kp.Id, 0, KpContemptApplicants.LuponChairman, Court, Day("2026-12-06"), kp.Version))
            .Message.Should().Be("The application comes after the finding of Dec 7, 2026: the party is first given the chance to explain.");
        (await Kp.RecordContemptAsync(kp.Id, 0, KpContemptApplicants.LuponChairman, Court, Day("2026-12-10"), kp.Version))
            .Message.Should().Be("The day the application was filed cannot be in the future.");
        (await Kp.RecordContemptAsync(kp.Id, 0, KpContemptApplicants.Respondent, Court, Day("2026-12-09"), kp.Version))
            .Message.Should().StartWith("The respondent who failed to appear does not apply against themselves");
        (await Kp.RecordContemptAsync(kp.Id, 0, KpContemptApplicants.PangkatChairman, Court, Day("2026-12-09"), kp.Version))
            .Message.Should().Be("The Pangkat chairman applies for a failure to appear before the Pangkat; this one was before the Punong Barangay.");
        (await Kp.RecordContemptAsync(kp.Id, 0, KpContemptApplicants.LuponChairman, "  ", Day("2026-12-09"), kp.Version))
            .Message.Should().Be("Name the city or municipal court the application was filed with.");
        (await Kp.RecordContemptAsync(kp.Id, 1, KpContemptApplicants.LuponChairman, Court, Day("2026-12-09"), kp.Version))
            .Message.Should().Be("Choose the failure to appear the application is about.");
        kp.Forms.Should().NotContain(KpForm.ContemptCertification);

        // Filed on the first working day after the holiday, by the Punong Barangay; recorded by the Lupon secretary.
        kp = (await Kp.RecordContemptAsync(kp.Id, 0, KpContemptApplicants.LuponChairman, " " + Court + " ", Day("2026-12-09"), kp.Version)).Value!;

        kp.Absences.Single().Contempt.Should().Be(new KpContempt(Court, Day("2026-12-09"), KpContemptApplicants.LuponChairman, Manila("2026-12-09 10:00")));
        kp.Stage.Should().Be(KpStages.Conciliation, "the court punishes; the application does not change the case");
        kp.ContemptOpen.Should().BeEmpty();
        kp.Acts.Last().Should().Match<KpAct>(a => a.Step == "respondent_contempt" && a.Title == KpOffices.LuponSecretary);
        kp.Forms.Should().Contain(KpForm.ContemptCertification);
        var certification = await PrintedTextAsync(kp.Id, KpForm.ContemptCertification);
        certification.Should().Contain("CERTIFICATIONOFREFUSALTOAPPEAR").And.Contain("KatarungangPambarangayRules(RuleVI)")
            .And.Contain("failedtoappearatthemediationhearingbeforethePunongBarangaysetonDecember4,2026at3:00PM")
            .And.Contain("requiredbyNoticeofHearing(KPFormNo.19)toappearonDecember7,2026at9:00AMtoexplain")
            .And.Contain("foundonDecember7,2026tohavewillfullyfailedorrefusedtoappearwithoutjustifiablereason")
            .And.Contain("filedonDecember9,2026bythePunongBarangay(Luponchairman)withtheMunicipalTrialCourtofSanIsidro")
            .And.Contain("LuponSecretary").And.Contain("Attested:PunongBarangay/LuponChairman");
        KpService.Label(KpForm.ContemptCertification).Should().Be("Certification of Refusal to Appear (for the contempt application)");
        (await Kp.RecordContemptAsync(kp.Id, 0, KpContemptApplicants.Complainant, Court, Day("2026-12-09"), kp.Version))
            .Message.Should().Be($"An application for contempt was already recorded for that failure to appear: filed Dec 9, 2026 with {Court}.");
    }

    [Fact]
    public async Task Contempt_BeforeThePangkat_PangkatChairmanRecordsItsChairmansApplication_AJustifiedFailureIsNot()
    {
        // Mediation fails on Friday 4 December; the Pangkat convenes Monday 7 December, when the respondent misses 9:30.
        await AtManilaAsync("2026-12-04 09:00");
        var kp = await HeardAsync();
        await _host.AsKapitanAsync();
        kp = (await Kp.FailMediationAsync(kp.Id, kp.Version)).Value!;
        _clock.Advance(TimeSpan.FromHours(72)); // Monday 7 December, 9:00
        kp = await ConstituteAsync(kp);
        await AsPangkatChairAsync();
        kp = (await Kp.RecordHearingAsync(kp.Id, Hearing("Pangkat convenes; respondent absent."), kp.Version)).Value!;
        _clock.Advance(TimeSpan.FromHours(1));
        // First failure: explained across the holiday (Tuesday 8 December) on Wednesday, found justified.
        kp = (await Kp.RecordAbsenceAsync(kp.Id, KpParties.Respondent, Manila("2026-12-07 09:30"), Manila("2026-12-09 09:00"), kp.Version)).Value!;
        _clock.Advance(TimeSpan.FromDays(2)); // Wednesday 9 December, 10:00
        kp = (await Kp.FindAbsenceAsync(kp.Id, true, "Hospitalised; certificate shown.", kp.Version)).Value!;
        (await Kp.RecordContemptAsync(kp.Id, 0, KpContemptApplicants.PangkatChairman, Court, Day("2026-12-09"), kp.Version))
            .Message.Should().StartWith("Only a failure to appear found unjustified");
        // Second failure: found unjustified on Friday 11 December; the case fails (KP Form 20-B).
        kp = (await Kp.RecordAbsenceAsync(kp.Id, KpParties.Respondent, Manila("2026-12-09 09:30"), Manila("2026-12-11 09:00"), kp.Version)).Value!;
        _clock.Advance(TimeSpan.FromDays(2));
        kp = (await Kp.FindAbsenceAsync(kp.Id, false, null, kp.Version)).Value!;
        kp.Stage.Should().Be(KpStages.Failed);
        kp.ContemptOpen.Should().Equal(1);

        // Monday 14 December: after the weekend, the Pangkat chairman records his own application, filed that day.
        _clock.Advance(TimeSpan.FromDays(3));
        kp = (await Kp.RecordContemptAsync(kp.Id, 1, KpContemptApplicants.PangkatChairman, Court, Day("2026-12-14"), kp.Version)).Value!;

        kp.Stage.Should().Be(KpStages.Failed);
        kp.Absences[1].Contempt!.FiledBy.Should().Be(KpContemptApplicants.PangkatChairman);
        kp.Acts.Last().Should().Match<KpAct>(a => a.Step == "respondent_contempt" && a.Title == KpOffices.PangkatChairman);
        (await PrintedTextAsync(kp.Id, KpForm.ContemptCertification)).Should()
            .NotContain("December7,2026at9:30AM", "only the failure brought to court is certified")
            .And.Contain("conciliationhearingbeforethePangkatngTagapagkasundosetonDecember9,2026at9:30AM")
            .And.Contain("foundonDecember11,2026").And.Contain("filedonDecember14,2026bythePangkatchairmanwiththeMunicipalTrialCourtofSanIsidro");
    }

    [Fact]
    public async Task Contempt_CaseInFilipino_CertificationInFilipino_RespondentMayApplyAgainstTheComplainant()
    {
        // Friday 4 December, a case in Filipino (sec. 411); the complainant misses the 3 PM hearing, explains by Monday 9:00, and does not.
        await AtManilaAsync("2026-12-04 09:00");
        var kp = await _host.SummonedCaseAsync(await _host.OtherResidentAsync(), language: KpLanguages.Filipino, nature: KpNatures.Civil);
        _clock.Advance(TimeSpan.FromHours(7));
        kp = (await Kp.RecordAbsenceAsync(kp.Id, KpParties.Complainant, Manila("2026-12-04 15:00"), Manila("2026-12-07 09:00"), kp.Version)).Value!;
        _clock.Advance(TimeSpan.FromHours(65)); // Monday 7 December, 9:00
        kp = (await Kp.FindAbsenceAsync(kp.Id, false, null, kp.Version)).Value!;
        kp.Stage.Should().Be(KpStages.Dismissed);

        _clock.Advance(TimeSpan.FromHours(1));
        await _host.AsSecretaryAsync();
        kp = (await Kp.RecordContemptAsync(kp.Id, 0, KpContemptApplicants.Respondent, Court, Day("2026-12-07"), kp.Version)).Value!;

        kp.Stage.Should().Be(KpStages.Dismissed);
        (await PrintedTextAsync(kp.Id, KpForm.ContemptCertification)).Should().Contain("KATIBAYANNGPAGTANGGINGHUMARAP")
            .And.Contain("(maysumbong),mataposangnararapatnapaunawa,ayhindihumarapsapagdinigngpamamagitansaharapngPunongBarangaynaitinakdanoong")
            .And.Contain("PaunawangPagdinig(PormularyongKPBlg.18)")
            .And.Contain("bilangdi-tuwirangpaglapastangansahukumanayisinampanoong").And.Contain("ngipinagsusumbongsaMunicipalTrialCourtofSanIsidro")
            .And.Contain("KalihimngLupon").And.Contain("Pinatunayan:PunongBarangay/PangulongLupon");
    }
}
