using Barangay.Data.Complaints;
using Barangay.Data.Complaints.Kp;
using Barangay.Data.Reports;
using Barangay.Data.Common;

namespace Barangay.Tests.Data.Complaints;

/// <summary>
/// Failure to appear (KP Rules, Rule VI sec. 8) with dates across a weekend, and the nature of the dispute: the
/// consequence follows only after the day set for the party to explain.
/// </summary>
public partial class KpServiceTests
{
    private static DateTime Manila(string local) => TimeZones.ManilaToUtc(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task Absence_ComplainantUnjustified_AfterTheDayToExplain_DismissedAndActionBarred()
    {
        // Filed and summoned on Friday 4 December; the complainant misses the hearing of Monday 7 December, 10:00.
        await AtManilaAsync("2026-12-04 09:00");
        var kp = await OpenCaseAsync();
        await _host.AsKapitanAsync();
        kp = (await Kp.IssueSummonsAsync(kp.Id, kp.Version, _clock.GetUtcNow().UtcDateTime.AddDays(1))).Value!;
        _clock.Advance(TimeSpan.FromHours(3 * 24 + 2)); // Monday 7 December, 11:00

        await _host.AsSecretaryAsync();
        (await Kp.RecordAbsenceAsync(kp.Id, KpParties.Complainant, Manila("2026-12-08 10:00"), Manila("2026-12-10 09:00"), kp.Version))
            .Message.Should().Be("The missed hearing cannot be in the future.");
        (await Kp.RecordAbsenceAsync(kp.Id, KpParties.Complainant, Manila("2026-12-07 10:00"), Manila("2026-12-07 09:00"), kp.Version))
            .Message.Should().Be("The day to explain comes after the missed hearing.");
        (await Kp.RecordAbsenceAsync(kp.Id, KpParties.Complainant, Manila("2026-12-03 10:00"), Manila("2026-12-10 09:00"), kp.Version))
            .Message.Should().Be("The missed hearing is before the summons was issued.");
        // Explain on Thursday 10 December, 9:00 (KP Form 18).
        kp = (await Kp.RecordAbsenceAsync(kp.Id, KpParties.Complainant, Manila("2026-12-07 10:00"), Manila("2026-12-10 09:00"), kp.Version)).Value!;
        kp.PendingAbsence.Should().NotBeNull();
        kp.Forms.Should().Contain(KpForm.ComplainantAbsenceNotice).And.NotContain(KpForm.BarAction);
        kp.Steps.Single(s => s.Current).Should().Match<KpStep>(s => s.Key == "absence" && s.DueAt == Manila("2026-12-10 09:00"));
        var notice = await PrintedTextAsync(kp.Id, KpForm.ComplainantAbsenceNotice);
        notice.Should().Contain("KPFormNo.18").And.Contain("onDecember10,2026at9:00AM").And.Contain("scheduledonDecember7,2026at10:00AM")
            .And.Contain("whyyourcomplaintshouldnotbedismissed").And.Contain("Punong Barangay/Lupon Chairman".Replace(" ", ""));

        // Only the Punong Barangay decides, and not before the day to explain (Wednesday 9 December is too early).
        (await Kp.FindAbsenceAsync(kp.Id, false, null, kp.Version)).Message.Should().StartWith("Only the Punong Barangay (Lupon chairman) may decide");
        await _host.AsKapitanAsync();
        _clock.Advance(TimeSpan.FromDays(2)); // Wednesday 9 December, 11:00
        (await Kp.FindAbsenceAsync(kp.Id, false, null, kp.Version)).Message.Should().Contain("Dec 10, 2026 9:00 AM").And.Contain("to explain");
        _clock.Advance(TimeSpan.FromHours(23)); // Thursday 10 December, 10:00: the complainant did not explain.
        kp = (await Kp.FindAbsenceAsync(kp.Id, false, "Did not come to explain.", kp.Version)).Value!;

        kp.Stage.Should().Be(KpStages.Dismissed);
        kp.DismissedAt.Should().Be(Manila("2026-12-10 10:00"));
        kp.Steps.Should().NotContain(s => s.Current, "a dismissed case has no running step");
        kp.Forms.Should().Contain(KpForm.BarAction).And.NotContain(KpForm.BarCounterclaim).And.NotContain(KpForm.CertificateToFileAction);
        var bar = await PrintedTextAsync(kp.Id, KpForm.BarAction);
        bar.Should().Contain("KPFormNo.21").And.Contain("CERTIFICATIONTOBARACTION").And.Contain("OrderdatedDecember10,2026")
            .And.Contain("barredfromfilinganactionincourt").And.Contain("LuponSecretary").And.Contain("Attested:PunongBarangay/LuponChairman");
        (await _host.Complaints.GetAsync(kp.ComplaintId))!.Status.Should().Be(ComplaintStatuses.Resolved);
        (await Kp.RecordAbsenceAsync(kp.Id, KpParties.Respondent, Manila("2026-12-10 09:00"), Manila("2026-12-11 09:00"), kp.Version))
            .Message.Should().Contain("in mediation or conciliation");
    }

    [Fact]
    public async Task Absence_Respondent_BeforeThePunongBarangayToThePangkat_BeforeThePangkatCertificate20B()
    {
        // Friday 4 December: heard in mediation; the respondent misses Friday's 3 PM hearing and is told to explain on Monday.
        await AtManilaAsync("2026-12-04 09:00");
        var kp = await HeardAsync();
        _clock.Advance(TimeSpan.FromHours(7)); // Friday 16:00
        await _host.AsKapitanAsync();
        kp = (await Kp.RecordAbsenceAsync(kp.Id, KpParties.Respondent, Manila("2026-12-04 15:00"), Manila("2026-12-07 09:00"), kp.Version)).Value!;
        (await PrintedTextAsync(kp.Id, KpForm.RespondentAbsenceNotice)).Should().Contain("KPFormNo.19").And.Contain("onDecember7,2026at9:00AM")
            .And.Contain("whyyourcounterclaim(ifany)");
        (await Kp.RecordAbsenceAsync(kp.Id, KpParties.Complainant, Manila("2026-12-04 15:00"), Manila("2026-12-07 09:00"), kp.Version))
            .Message.Should().Contain("already waits for its finding");
        _clock.Advance(TimeSpan.FromDays(2)); // Sunday 6 December: the weekend does not count as the day to explain
        (await Kp.FindAbsenceAsync(kp.Id, false, null, kp.Version)).Message.Should().Contain("Dec 7, 2026 9:00 AM");
        _clock.Advance(TimeSpan.FromHours(17)); // Monday 7 December, 9:00
        kp = (await Kp.FindAbsenceAsync(kp.Id, false, null, kp.Version)).Value!;

        // Rule III sec. 1(c): before the Punong Barangay the case goes to the Pangkat; the counterclaim is barred (KP Form 22).
        kp.Stage.Should().Be(KpStages.Conciliation);
        kp.Forms.Should().Contain([KpForm.BarCounterclaim, KpForm.PangkatNotice]);
        (await PrintedTextAsync(kp.Id, KpForm.BarCounterclaim)).Should().Contain("KPFormNo.22").And.Contain("foundonDecember7,2026")
            .And.Contain("barredfromfilinghis/theircounterclaim").And.Contain("LuponSecretary");

        kp = await ConstituteAsync(kp);
        await AsPangkatChairAsync();
        kp = (await Kp.RecordHearingAsync(kp.Id, Hearing("Pangkat convenes; respondent absent."), kp.Version)).Value!;
        _clock.Advance(TimeSpan.FromHours(1));
        kp = (await Kp.RecordAbsenceAsync(kp.Id, KpParties.Respondent, Manila("2026-12-07 09:30"), Manila("2026-12-09 09:00"), kp.Version)).Value!;
        // A justified reason lets the proceedings go on; a second, unjustified failure ends them.
        _clock.Advance(TimeSpan.FromDays(2)); // Wednesday 9 December, 10:00
        kp = (await Kp.FindAbsenceAsync(kp.Id, true, "Hospitalised; certificate shown.", kp.Version)).Value!;
        kp.Stage.Should().Be(KpStages.Conciliation);
        kp = (await Kp.RecordAbsenceAsync(kp.Id, KpParties.Respondent, Manila("2026-12-09 09:30"), Manila("2026-12-11 09:00"), kp.Version)).Value!;
        _clock.Advance(TimeSpan.FromDays(2)); // Friday 11 December, 10:00
        kp = (await Kp.FindAbsenceAsync(kp.Id, false, null, kp.Version)).Value!;

        kp.Stage.Should().Be(KpStages.Failed);
        kp.Absences.Select(a => a.Finding).Should().Equal(KpAbsenceFindings.Unjustified, KpAbsenceFindings.Justified, KpAbsenceFindings.Unjustified);
        await _host.AsSecretaryAsync();
        kp = (await Kp.IssueCertificateAsync(kp.Id, kp.Version)).Value!;
        (await PrintedTextAsync(kp.Id, KpForm.CertificateToFileAction)).Should().Contain("KPFormNo.20-B")
            .And.Contain("willfullyfailedorrefusedtoappearwithoutjustifiablereasonattheconciliationproceedingsbeforethePangkat");
        KpService.Label(KpForm.CertificateToFileAction, kp.Outcome, KpCertificates.Number(kp.Stage, kp.Acts))
            .Should().Be("KP Form 20-B · Certification to File Action (respondent failed to appear)");
    }

    [Fact]
    public async Task Nature_ChosenAtIntake_EditableUntilTheCaseEnds_CaseBookFiltersByIt()
    {
        await _host.AsJuanAsync();
        var ack = (await _host.Complaints.FileAsync(ComplaintsTestHost.Noise())).Value!;
        await _host.AsSecretaryAsync();
        (await Kp.OpenAsync(ack.Id, [new KpRespondent("Pedro Cruz")], new KpIntake(), KpLanguages.English, "serious")).Message.Should().Contain("criminal, civil or others");
        var kp = (await Kp.OpenAsync(ack.Id, [new KpRespondent("Pedro Cruz")], new KpIntake(), KpLanguages.English, KpNatures.Criminal)).Value!;
        kp.Nature.Should().Be(KpNatures.Criminal);
        (await Kp.PageAsync(new KpCaseFilter(Nature: KpNatures.Criminal), 0, 100)).Items.Should().Contain(r => r.Id == kp.Id);

        kp = (await Kp.SetNatureAsync(kp.Id, KpNatures.Civil, kp.Version)).Value!;
        kp.Nature.Should().Be(KpNatures.Civil);
        (await Kp.PageAsync(new KpCaseFilter(Nature: KpNatures.Criminal), 0, 100)).Items.Should().NotContain(r => r.Id == kp.Id);
        (await Kp.PageAsync(new KpCaseFilter(Nature: KpNatures.Civil, Outcome: KpReportLines.PendingMediation), 0, 100)).Items.Should().Contain(r => r.Id == kp.Id);
        await _host.AsKagawadAsync();
        (await Kp.SetNatureAsync(kp.Id, KpNatures.Others, kp.Version)).Message.Should().StartWith("Only the Punong Barangay (Lupon chairman) or the Lupon secretary may");
    }
}
