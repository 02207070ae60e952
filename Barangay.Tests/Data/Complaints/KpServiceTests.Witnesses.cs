using Barangay.Data.Common;
using Barangay.Data.Complaints.Kp;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Complaints;

/// <summary>
/// A witness's refusal to appear and the court's ruling on a contempt application (KP Rules, Rule VI): the Lupon secretary
/// names the witness summoned (KP Form 13) and records the refusal; the application and the court's ruling are recorded on
/// Manila days across the weekend and the Tuesday 8 December holiday; the case's stage never changes.
/// </summary>
public partial class KpServiceTests
{
    [Fact]
    public async Task Witness_SummonedFailsToAppear_ApplicationFiled_CourtGrants_ShownInTheStepsAndCertified()
    {
        // Friday 4 December: mediation heard; the Lupon secretary names a witness summoned to Monday's 9:00 hearing.
        await AtManilaAsync("2026-12-04 09:00");
        var kp = await HeardAsync();
        await _host.AsKagawadAsync();
        (await Kp.SummonWitnessAsync(kp.Id, "Rosa Mendoza", "Purok 3", Manila("2026-12-07 09:00"), kp.Version))
            .Message.Should().StartWith("Only the Punong Barangay (Lupon chairman) or the Lupon secretary may record a witness summoned to a hearing");
        await _host.AsSecretaryAsync();
        (await Kp.SummonWitnessAsync(kp.Id, "  ", null, Manila("2026-12-07 09:00"), kp.Version)).Message.Should().Be("Write the witness's name.");
        kp = (await Kp.SummonWitnessAsync(kp.Id, " Rosa Mendoza ", "Purok 3", Manila("2026-12-07 09:00"), kp.Version)).Value!;
        kp.Witnesses.Should().ContainSingle().Which.Should().Match<KpWitness>(w => w.Name == "Rosa Mendoza" && w.Address == "Purok 3" && w.Stage == KpStages.Mediation && w.Failure == null);
        kp.Acts.Last().Should().Match<KpAct>(a => a.Step == "witness_summoned" && a.Title == KpOffices.LuponSecretary);
        kp.WitnessesAwaited.Should().Equal(0);

        // Still Friday: the hearing has not come, so no failure to appear yet, and no application without the record.
        (await Kp.RecordWitnessFailureAsync(kp.Id, 0, KpWitnessFailures.Failed, "Did not come.", kp.Version))
            .Message.Should().Be("The hearing the witness was summoned to has not come yet: a failure to appear is recorded after it.");
        (await Kp.RecordWitnessContemptAsync(kp.Id, 0, KpContemptApplicants.LuponChairman, Court, Day("2026-12-04"), kp.Version))
            .Message.Should().Be("Record the witness's refusal or failure to appear first: the application rests on that record.");

        _clock.Advance(TimeSpan.FromHours(73)); // Monday 7 December, 10:00: the witness did not come.
        (await Kp.RecordWitnessFailureAsync(kp.Id, 0, KpWitnessFailures.Failed, " ", kp.Version))
            .Message.Should().Be("Write what happened: how the witness refused or that they did not come, and any reason given.");
        kp = (await Kp.RecordWitnessFailureAsync(kp.Id, 0, KpWitnessFailures.Failed, "Did not come; told the serving officer she would not testify.", kp.Version)).Value!;
        kp.Witnesses[0].FailedAt.Should().BeCloseTo(Manila("2026-12-07 10:00"), Micro);
        kp.ContemptOpenAll.Should().Equal(new KpContemptOf(true, 0));

        (await Kp.RecordWitnessContemptAsync(kp.Id, 0, KpContemptApplicants.LuponChairman, Court, Day("2026-12-04"), kp.Version))
            .Message.Should().Be("The application comes after the refusal recorded on Dec 7, 2026.");
        (await Kp.RecordWitnessContemptAsync(kp.Id, 0, KpContemptApplicants.PangkatChairman, Court, Day("2026-12-07"), kp.Version))
            .Message.Should().Be("The Pangkat chairman applies for a refusal to appear before the Pangkat; this witness was summoned before the Punong Barangay.");
        // The complainant may apply: a witness is not a party, so either party can.
        kp = (await Kp.RecordWitnessContemptAsync(kp.Id, 0, KpContemptApplicants.Complainant, Court, Day("2026-12-07"), kp.Version)).Value!;
        kp.Witnesses[0].Contempt.Should().Be(new KpContempt(Court, Day("2026-12-07"), KpContemptApplicants.Complainant, Manila("2026-12-07 10:00")));
        kp.ContemptAwaitingRuling.Should().Equal(new KpContemptOf(true, 0));
        var step = kp.Steps.Single(s => s.Key == "contempt-1");
        step.Label.Should().Be($"Application for contempt against witness Rosa Mendoza, filed with the {Court}: the court's ruling (KP Rules, Rule VI)");
        step.Should().Match<KpStep>(s => s.DoneAt == null && !s.Current && !s.Overdue, "the court keeps its own time");
        (await PrintedTextAsync(kp.Id, KpForm.ContemptCertification)).Should()
            .Contain("RosaMendoza,ofPurok3(witness),summonedbySubpoena(KPFormNo.13)toappearatthehearingbeforethePunongBarangayonDecember7,2026at9:00AM,willfullyfailedtoappear")
            .And.Contain("filedonDecember7,2026bythecomplainantwiththeMunicipalTrialCourtofSanIsidro");

        // Wednesday 9 December (Tuesday was a holiday): the court granted it; the Lupon secretary records the ruling.
        _clock.Advance(TimeSpan.FromDays(2));
        var of = new KpContemptOf(true, 0);
        (await Kp.RecordContemptRulingAsync(kp.Id, of, KpContemptRulings.Granted, "", Day("2026-12-06"), kp.Version))
            .Message.Should().Be("The ruling comes after the application, filed Dec 7, 2026.");
        (await Kp.RecordContemptRulingAsync(kp.Id, of, KpContemptRulings.Granted, "", Day("2026-12-10"), kp.Version))
            .Message.Should().Be("The day of the ruling cannot be in the future.");
        (await Kp.RecordContemptRulingAsync(kp.Id, of, "maybe", "", Day("2026-12-09"), kp.Version))
            .Message.Should().Be("Say whether the court granted or denied the application.");
        (await Kp.RecordContemptRulingAsync(kp.Id, new KpContemptOf(false, 0), KpContemptRulings.Granted, "", Day("2026-12-09"), kp.Version))
            .Message.Should().Be("Choose the application the court ruled on.");
        kp = (await Kp.RecordContemptRulingAsync(kp.Id, of, KpContemptRulings.Granted, " ", Day("2026-12-09"), kp.Version)).Value!;

        kp.Witnesses[0].Contempt!.Ruling.Should().Be(new KpContemptRuling(KpContemptRulings.Granted, Court, Day("2026-12-09"), Manila("2026-12-09 10:00")),
            "a blank court is the court it was filed with");
        kp.Stage.Should().Be(KpStages.Mediation, "the court punishes; the ruling does not change the case");
        kp.ContemptAwaitingRuling.Should().BeEmpty();
        kp.Acts.Last().Should().Match<KpAct>(a => a.Step == "contempt_granted" && a.Title == KpOffices.LuponSecretary);
        step = kp.Steps.Single(s => s.Key == "contempt-1");
        step.Label.Should().Be($"Application for contempt against witness Rosa Mendoza, filed with the {Court}: granted by the court (KP Rules, Rule VI)");
        step.DoneAt.Should().Be(Manila("2026-12-09 12:00"));
        (await Kp.RecordContemptRulingAsync(kp.Id, of, KpContemptRulings.Denied, "", Day("2026-12-09"), kp.Version))
            .Message.Should().Be("The court's ruling is already recorded: granted on Dec 9, 2026.");

        // The trail says what was done and by which office, never the witness's name or what she said.
        await using var db = await _host.Services.DbAsync();
        var trail = await db.AuditLogs.AsNoTracking().Where(a => a.TargetId == kp.Id.ToString() && (a.ActionType == KpService.WitnessAction || a.ActionType == KpService.ContemptRulingAction))
            .Select(a => a.Details).ToListAsync();
        trail.Should().HaveCount(3).And.OnlyContain(d => d != null && !d.Contains("Rosa") && !d.Contains("serving officer"));
    }

    [Fact]
    public async Task ContemptRuling_PartysApplicationDenied_ConfidentialCaseHiddenFromOfficialsWhoMayNotSeeIt()
    {
        // A confidential complaint taken up by the Punong Barangay on Friday 4 December; the respondent misses the 3 PM hearing.
        await AtManilaAsync("2026-12-04 09:00");
        await _host.AsJuanAsync();
        var ack = (await _host.Complaints.FileAsync(ComplaintsTestHost.Noise(confidential: true))).Value!;
        await _host.AsKapitanAsync();
        var kp = (await Kp.OpenAsync(ack.Id, [new KpRespondent("", await _host.OtherResidentAsync())], new KpIntake())).Value!;
        kp = (await Kp.IssueSummonsAsync(kp.Id, kp.Version, _clock.GetUtcNow().UtcDateTime.AddDays(1))).Value!;
        _clock.Advance(TimeSpan.FromHours(7));
        kp = (await Kp.RecordAbsenceAsync(kp.Id, KpParties.Respondent, Manila("2026-12-04 15:00"), Manila("2026-12-07 09:00"), kp.Version)).Value!;
        _clock.Advance(TimeSpan.FromHours(65)); // Monday 7 December, 9:00
        kp = (await Kp.FindAbsenceAsync(kp.Id, false, null, kp.Version)).Value!;
        kp = (await Kp.RecordContemptAsync(kp.Id, 0, KpContemptApplicants.LuponChairman, Court, Day("2026-12-07"), kp.Version)).Value!;

        // The Lupon secretary, not assigned to a confidential complaint, neither sees the case nor records on it (RA 9262 aside, the complaint is confidential).
        await _host.AsSecretaryAsync();
        (await Kp.GetAsync(kp.Id)).Should().BeNull();
        (await Kp.SummonWitnessAsync(kp.Id, "Rosa Mendoza", null, Manila("2026-12-09 09:00"), kp.Version)).Kind.Should().Be(ResultKind.NotFound);
        (await Kp.RecordContemptRulingAsync(kp.Id, new KpContemptOf(false, 0), KpContemptRulings.Denied, "", Day("2026-12-07"), kp.Version)).Kind.Should().Be(ResultKind.NotFound);

        // Friday 11 December: the Punong Barangay records that the court denied it.
        _clock.Advance(TimeSpan.FromDays(4));
        await _host.AsKapitanAsync();
        kp = (await Kp.RecordContemptRulingAsync(kp.Id, new KpContemptOf(false, 0), KpContemptRulings.Denied, "Municipal Circuit Trial Court", Day("2026-12-11"), kp.Version)).Value!;
        kp.Absences[0].Contempt!.Ruling.Should().Be(new KpContemptRuling(KpContemptRulings.Denied, "Municipal Circuit Trial Court", Day("2026-12-11"), Manila("2026-12-11 09:00")));
        kp.Acts.Last().Should().Match<KpAct>(a => a.Step == "contempt_denied" && a.Title == KpOffices.LuponChairman);
        kp.Steps.Single(s => s.Key == "contempt-1").Label.Should().Be($"Application for contempt against the respondent, filed with the {Court}: denied by the court (KP Rules, Rule VI)");
        kp.Stage.Should().Be(KpStages.Conciliation);
    }
}
