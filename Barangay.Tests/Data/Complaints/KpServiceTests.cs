using Barangay.Data.Common;
using Barangay.Data.Complaints;
using Barangay.Data.Complaints.Kp;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Barangay.Tests.Data.Complaints;

/// <summary>The Katarungang Pambarangay case: deadlines, the order of steps, the outcome rules, the printed forms.</summary>
public partial class KpServiceTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private ComplaintsTestHost _host = null!;
    private FakeTimeProvider _clock = TestClock.Frozen();
    private KpService Kp => _host.Kp;

    public Task InitializeAsync()
    {
        _host = new ComplaintsTestHost(database.AppConnectionString, _clock);
        return Task.CompletedTask;
    }

    /// <summary>Starts this test over with the services' clock stopped at a Manila moment the test chose.</summary>
    private async Task AtManilaAsync(string local)
    {
        await _host.DisposeAsync();
        _clock = TestClock.AtManila(local);
        _host = new ComplaintsTestHost(database.AppConnectionString, _clock);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<KpCaseDetail> OpenCaseAsync()
    {
        await _host.AsJuanAsync();
        var input = ComplaintsTestHost.Noise();
        input.Category = "boundary";
        input.Subject = "Fence built on my lot";
        var ack = (await _host.Complaints.FileAsync(input)).Value!;
        await _host.AsSecretaryAsync();
        var respondent = await _host.OtherResidentAsync();
        var opened = await Kp.OpenAsync(ack.Id, [new KpRespondent("", respondent)], new KpIntake());
        opened.Ok.Should().BeTrue(opened.Message);
        return opened.Value!;
    }

    /// <summary>The demo's serving Lupon members (it seeds three: a Pangkat of three, sec. 404).</summary>
    private async Task<IReadOnlyList<Guid>> LuponMembersAsync()
    {
        await using var db = await _host.Services.DbAsync();
        return await db.Officials.AsNoTracking().Where(o => o.Position == OfficialPositions.LuponMember).OrderBy(o => o.FullName).Select(o => o.Id).ToListAsync();
    }

    /// <summary>Constitutes the Pangkat as the Punong Barangay: Aguilar chairman, the first other member secretary.</summary>
    private async Task<KpCaseDetail> ConstituteAsync(KpCaseDetail kp)
    {
        var members = await LuponMembersAsync();
        await using (var db = await _host.Services.DbAsync())
        {
            var chair = await db.Officials.AsNoTracking().Where(o => o.FullName == "Nestor G. Aguilar").Select(o => o.Id).SingleAsync();
            var secretary = members.First(m => m != chair);
            await _host.AsKapitanAsync();
            var done = await Kp.ConstitutePangkatAsync(kp.Id, members.Take(3).ToList(), chair, secretary, kp.Version, _clock.GetUtcNow().UtcDateTime.AddDays(1));
            done.Ok.Should().BeTrue(done.Message);
            return done.Value!;
        }
    }

    private Task<Guid> AsPangkatChairAsync() => _host.SignInAsync("lupon.aguilar", OfficialPositions.LuponMember);

    /// <summary>PostgreSQL keeps microseconds; the clock has ticks.</summary>
    private static readonly TimeSpan Micro = TimeSpan.FromMilliseconds(1);

    private KpHearingInput Hearing(string minutes = "Parties appeared; no agreement.") => new(_clock.GetUtcNow().UtcDateTime, ["Juan Dela Cruz", "Respondent"], minutes);

    /// <summary>Summons issued by the Punong Barangay and a first mediation hearing minuted by the Lupon secretary.</summary>
    private async Task<KpCaseDetail> HeardAsync()
    {
        var kp = await OpenCaseAsync();
        await _host.AsKapitanAsync();
        kp = (await Kp.IssueSummonsAsync(kp.Id, kp.Version, _clock.GetUtcNow().UtcDateTime.AddDays(1))).Value!;
        await _host.AsSecretaryAsync();
        var heard = await Kp.RecordHearingAsync(kp.Id, Hearing(), kp.Version);
        heard.Ok.Should().BeTrue(heard.Message);
        return heard.Value!;
    }

    [Fact]
    public async Task Open_SetsCaseNumberSummonsByNextWorkingDayAndComplaintInProgress()
    {
        var kp = await OpenCaseAsync();

        kp.CaseNo.Should().MatchRegex(@"^KP-\d{4}-\d{6}$");
        kp.Stage.Should().Be(KpStages.Mediation);
        kp.Respondents.Should().ContainSingle().Which.Name.Should().NotBeNullOrWhiteSpace();
        var clock = await _host.Services.Get<HolidayCalendar>().ClockAsync();
        var summons = kp.Steps.First(s => s.Key == "summons");
        summons.DueAt.Should().BeCloseTo(KpDeadlines.SummonsDue(clock, kp.FiledAt), Micro);
        summons.Current.Should().BeTrue();
        (await _host.Complaints.GetAsync(kp.ComplaintId))!.Status.Should().Be(ComplaintStatuses.InProgress);
        (await Kp.OpenAsync(kp.ComplaintId, [new KpRespondent("Someone")], new KpIntake())).Message.Should().Contain("already a KP case");
    }

    [Fact]
    public async Task Open_ExcludedBySection408_RefusedWithTheReason()
    {
        await _host.AsJuanAsync();
        var ack = (await _host.Complaints.FileAsync(ComplaintsTestHost.Noise())).Value!;
        await _host.AsSecretaryAsync();

        var grave = await Kp.OpenAsync(ack.Id, [new KpRespondent("Pedro Cruz")], new KpIntake(OffenceAboveOneYearOrFiveThousand: true));
        var elsewhere = await Kp.OpenAsync(ack.Id, [new KpRespondent("Pedro Cruz")], new KpIntake(PartiesInDifferentLocalities: true));
        var company = await Kp.OpenAsync(ack.Id, [new KpRespondent("ABC Corp.")], new KpIntake(PartyNotNaturalPerson: true));

        grave.Kind.Should().Be(ResultKind.Invalid);
        grave.Message.Should().Contain("more than one year or a fine of more than ₱5,000 (sec. 408(c))");
        elsewhere.Message.Should().Contain("sec. 408(f)");
        company.Message.Should().Contain("Only natural persons");
        // Adjoining barangays of different municipalities whose parties agree may go to this Lupon (sec. 408(f)).
        var adjoining = await Kp.OpenAsync(ack.Id, [new KpRespondent("Pedro Cruz")], new KpIntake(PartiesInDifferentLocalities: true, AdjoiningBarangaysAndAgreed: true), KpLanguages.Filipino);
        adjoining.Ok.Should().BeTrue(adjoining.Message);
        adjoining.Value!.Language.Should().Be(KpLanguages.Filipino);
    }

    [Fact]
    public async Task Open_VenueCheckedFromEachPartysAddress_Sections408fAnd409()
    {
        await _host.AsSecretaryAsync();
        var input = ComplaintsTestHost.Noise();
        input.Category = "boundary";
        input.ComplainantName = "Pedro Penduko";
        var walkIn = (await _host.Complaints.FileAsync(input)).Value!;
        var respondent = await _host.OtherResidentAsync();

        // A complainant not on this register is no longer refused outright: where they reside is asked and checked.
        var unknown = await Kp.OpenAsync(walkIn.Id, [new KpRespondent("", respondent)], new KpIntake());
        unknown.Message.Should().Contain("record the barangay and city or municipality where they actually reside");
        var otherTown = await Kp.OpenAsync(walkIn.Id, [new KpRespondent("Ramon Santos", null, "Purok 1", "Bigte", "Norzagaray")],
            new KpIntake(ComplainantBarangay: "Poblacion"));
        otherTown.Message.Should().Contain("sec. 408(f)").And.Contain("Norzagaray");
        var neitherHere = await Kp.OpenAsync(walkIn.Id, [new KpRespondent("Ramon Santos", null, "Purok 1", "Bagbaguin", "Santa Maria")],
            new KpIntake(ComplainantBarangay: "Poblacion"));
        neitherHere.Message.Should().Contain("sec. 409(b)");
        var propertyElsewhere = await Kp.OpenAsync(walkIn.Id, [new KpRespondent("", respondent)],
            new KpIntake(ComplainantBarangay: "Poblacion", VenueKind: KpVenueKinds.RealProperty, SiteBarangay: "Bagbaguin"));
        propertyElsewhere.Message.Should().Contain("sec. 409(c)");

        // From Poblacion against a resident of this barangay: brought where the respondent resides (sec. 409(b)).
        var opened = await Kp.OpenAsync(walkIn.Id, [new KpRespondent("", respondent)], new KpIntake(ComplainantBarangay: "Poblacion"));
        opened.Ok.Should().BeTrue(opened.Message);
        opened.Value!.Complainant.Should().Be("Pedro Penduko");
        opened.Value.Respondents.Single().Barangay.Should().Be("Barangay San Isidro");
    }

    [Fact]
    public async Task Open_ByATanodOrAKagawad_RefusedNamingWhoMay()
    {
        await _host.AsJuanAsync();
        var ack = (await _host.Complaints.FileAsync(ComplaintsTestHost.Noise())).Value!;
        await _host.SignInAsync("tanod.galang", OfficialPositions.Tanod);

        var byTanod = await Kp.OpenAsync(ack.Id, [new KpRespondent("Pedro Cruz")], new KpIntake());
        await _host.AsKagawadAsync();
        var byKagawad = await Kp.OpenAsync(ack.Id, [new KpRespondent("Pedro Cruz")], new KpIntake());

        byTanod.Message.Should().Be("Only the Punong Barangay (Lupon chairman) or the Lupon secretary may take up a complaint as a KP case (sec. 410(a)).");
        byKagawad.Kind.Should().Be(ResultKind.Invalid);
    }

    [Fact]
    public async Task Steps_DoneOnlyByTheOfficerTheLawNames()
    {
        var kp = await OpenCaseAsync();
        // The Lupon secretary keeps the records but does not summon: the Lupon chairman does (sec. 410(b)).
        (await Kp.IssueSummonsAsync(kp.Id, kp.Version, _clock.GetUtcNow().UtcDateTime.AddDays(1))).Message.Should().Be("Only the Punong Barangay (Lupon chairman) may issue the summons (sec. 410(b)).");
        await _host.AsKagawadAsync();
        (await Kp.IssueSummonsAsync(kp.Id, kp.Version, _clock.GetUtcNow().UtcDateTime.AddDays(1))).Kind.Should().Be(ResultKind.Invalid);
        await _host.SignInAsync("lupon.aguilar", OfficialPositions.LuponMember);
        (await Kp.IssueSummonsAsync(kp.Id, kp.Version, _clock.GetUtcNow().UtcDateTime.AddDays(1))).Kind.Should().Be(ResultKind.Invalid);
        var kapitan = await _host.AsKapitanAsync();
        // The summons calls the parties to a coming hearing (sec. 410(b)): a day and hour already past is refused.
        (await Kp.IssueSummonsAsync(kp.Id, kp.Version, _clock.GetUtcNow().UtcDateTime.AddMinutes(-1))).Message.Should().StartWith("Set the day and hour of the hearing");
        var hearing = _clock.GetUtcNow().UtcDateTime.AddDays(1);

        kp = (await Kp.IssueSummonsAsync(kp.Id, kp.Version, hearing)).Value!;

        kp.Acts.Should().ContainSingle(a => a.Step == "summons").Which.Should().Match<KpAct>(a =>
            a.ByUserId == kapitan && a.SignedBy == "Ricardo M. Dela Cruz" && a.Title == KpOffices.LuponChairman && a.HearingAt!.Value.Ticks / 10 == hearing.Ticks / 10);
        kp.CallerOffices.Should().Equal(KpOffices.LuponChairman);
        await _host.AsSecretaryAsync();
        kp = (await Kp.RecordHearingAsync(kp.Id, Hearing(), kp.Version)).Value!;
        (await Kp.RecordOutcomeAsync(kp.Id, KpOutcomes.Settlement, "Fence moved.", kp.Version)).Message
            .Should().Be("Only the Punong Barangay (Lupon chairman) may attest the amicable settlement (sec. 411).");
        (await Kp.FailMediationAsync(kp.Id, kp.Version)).Kind.Should().Be(ResultKind.Invalid);
    }

    [Fact]
    public async Task Settle_WithNoHearing_RefusedWithClearMessage()
    {
        var kp = await OpenCaseAsync();
        await _host.AsKapitanAsync();
        kp = (await Kp.IssueSummonsAsync(kp.Id, kp.Version, _clock.GetUtcNow().UtcDateTime.AddDays(1))).Value!;

        var result = await Kp.RecordOutcomeAsync(kp.Id, KpOutcomes.Settlement, "Respondent moves the fence.", kp.Version);

        result.Kind.Should().Be(ResultKind.Invalid);
        result.Message.Should().Be("A case cannot be settled with no hearing: record the mediation hearing first.");
    }

    [Fact]
    public async Task Hearing_BeforeSummons_Refused_AndFirstHearingStartsFifteenCalendarDays()
    {
        var kp = await OpenCaseAsync();
        (await Kp.RecordHearingAsync(kp.Id, Hearing(), kp.Version)).Message.Should().Be("Issue the summons before the first hearing.");
        await _host.AsKapitanAsync();
        kp = (await Kp.IssueSummonsAsync(kp.Id, kp.Version, _clock.GetUtcNow().UtcDateTime.AddDays(1))).Value!;
        (await Kp.RecordHearingAsync(kp.Id, new KpHearingInput(_clock.GetUtcNow().UtcDateTime, [], "x"), kp.Version)).Message.Should().Be("List who attended the hearing.");

        var held = _clock.GetUtcNow().UtcDateTime;
        kp = (await Kp.RecordHearingAsync(kp.Id, new KpHearingInput(held, ["Juan"], "First meeting."), kp.Version)).Value!;

        kp.Hearings.Should().ContainSingle();
        kp.Steps.Single(s => s.Key == "mediation").DueAt.Should().BeCloseTo(held.AddDays(15), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Pangkat_ConvenesWithinThreeDays_FifteenDaysFromConvening_ThenFailureAndCertificate()
    {
        var kp = await HeardAsync();
        await _host.AsKapitanAsync();
        (await Kp.RecordOutcomeAsync(kp.Id, KpOutcomes.Failure, null, kp.Version)).Message.Should().Contain("send the case to the Pangkat first");
        kp = (await Kp.FailMediationAsync(kp.Id, kp.Version)).Value!;
        kp.Stage.Should().Be(KpStages.Conciliation);
        (await Kp.ConstitutePangkatAsync(kp.Id, [Guid.NewGuid(), Guid.NewGuid()], Guid.Empty, Guid.Empty, kp.Version, _clock.GetUtcNow().UtcDateTime.AddDays(1))).Message.Should().Contain("three members");
        kp = await ConstituteAsync(kp);
        var constituted = _clock.GetUtcNow().UtcDateTime;
        kp.Pangkat.Select(m => m.Role).Should().Equal(KpPangkatRoles.Chairman, KpPangkatRoles.Secretary, KpPangkatRoles.Member);
        kp.Steps.Single(s => s.Key == "convene").DueAt.Should().BeCloseTo(constituted.AddDays(3), Micro);
        kp.Steps.Should().NotContain(s => s.Key == "conciliation", "its 15 days have not started: the Pangkat has not convened");

        // The Pangkat convenes two days later; the Lupon secretary cannot minute its hearings, its own officers do.
        _clock.Advance(TimeSpan.FromDays(2));
        await _host.AsSecretaryAsync();
        (await Kp.RecordHearingAsync(kp.Id, Hearing(), kp.Version)).Message.Should().StartWith("Only the Pangkat chairman or the Pangkat secretary may");
        await AsPangkatChairAsync();
        var convened = _clock.GetUtcNow().UtcDateTime;
        kp = (await Kp.RecordHearingAsync(kp.Id, Hearing("Pangkat hearing; respondent refuses."), kp.Version)).Value!;
        kp.Steps.Single(s => s.Key == "conciliation").DueAt.Should().BeCloseTo(convened.AddDays(15), Micro, "sec. 410(e): from the day it convenes");
        kp = (await Kp.ExtendConciliationAsync(kp.Id, kp.Version)).Value!;
        kp.Steps.Single(s => s.Key == "conciliation").DueAt.Should().BeCloseTo(convened.AddDays(30), Micro);
        (await Kp.ExtendConciliationAsync(kp.Id, kp.Version)).Message.Should().Contain("already extended once");
        kp = (await Kp.RecordOutcomeAsync(kp.Id, KpOutcomes.Failure, "Respondent refused every proposal.", kp.Version)).Value!;

        kp.Stage.Should().Be(KpStages.Failed);
        (await Kp.IssueCertificateAsync(kp.Id, kp.Version)).Message.Should().StartWith("Only the Lupon secretary or the Pangkat secretary may certify");
        await _host.AsSecretaryAsync();
        kp = (await Kp.IssueCertificateAsync(kp.Id, kp.Version)).Value!;
        kp.Acts.Last().Should().Match<KpAct>(a => a.Step == "certificate" && a.Title == KpOffices.LuponSecretary);
        (await _host.Complaints.GetAsync(kp.ComplaintId))!.Status.Should().Be(ComplaintStatuses.Resolved);
        var members = await PrintedTextAsync(kp.Id, KpForm.PangkatMemberNotice);
        members.Should().Contain("KPFormNo.11").And.Contain("NOTICETOCHOSENPANGKATMEMBER").And.Contain("NestorG.Aguilar").And.Contain("PunongBarangay/LuponChairman");
        kp.Pangkat.Should().OnlyContain(m => members.Contains(m.Name.Replace(" ", "")), "each chosen member is notified");
        (await PrintedTextAsync(kp.Id, KpForm.Subpoena)).Should().Contain("KPFormNo.13").And.Contain("SUBPOENA").And.Contain("totestify")
            .And.Contain("NESTORG.AGUILAR").And.Contain("PangkatChairman", "once constituted the Pangkat's chairman presides");
        var certificate = await PrintedTextAsync(kp.Id, KpForm.CertificateToFileAction);
        certificate.Should().Contain("KPFormNo.20-A", "failed conciliation is KP Form 20-A").And.Contain("likewisedidnotresultintoasettlement").And.NotContain("repudiated");
        KpService.Label(KpForm.CertificateToFileAction, kp.Outcome, KpCertificates.Number(kp.Stage, kp.Acts))
            .Should().Be("KP Form 20-A · Certification to File Action (conciliation failed)", "the case page names the form the PDF is");
    }

    /// <summary>The printed form's text with white space removed (PdfPig joins the drawn words).</summary>
    private async Task<string> PrintedTextAsync(Guid id, KpForm form)
    {
        var printed = await Kp.PrintAsync(id, form);
        printed.Should().NotBeNull($"the {form} form exists at this step");
        await File.WriteAllBytesAsync(Path.Combine(Screenshots.Directory, $"kp-service-{form}-{printed!.Value.FileName}"), printed.Value.Pdf);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(printed.Value.Pdf);
        return System.Text.RegularExpressions.Regex.Replace(string.Concat(pdf.GetPages().Select(p => p.Text)), @"\s", "");
    }

    [Fact]
    public async Task Settlement_RepudiableWithinTenDays_SwornBeforeTheLuponChairman()
    {
        var kp = await HeardAsync();
        await _host.AsKapitanAsync();
        kp = (await Kp.RecordOutcomeAsync(kp.Id, KpOutcomes.Settlement, "Respondent moves the fence 50 cm back by Dec 15.", kp.Version)).Value!;
        var settled = _clock.GetUtcNow().UtcDateTime;
        kp.Stage.Should().Be(KpStages.Settled);
        kp.RepudiationDueAt.Should().BeCloseTo(settled.AddDays(10), Micro);
        kp.Steps.Single(s => s.Key == "transmittal").DueAt.Should().BeCloseTo(settled.AddDays(15), Micro, "sec. 419: 5 days from the lapse of the 10 days to repudiate");
        (await Kp.PrintAsync(kp.Id, KpForm.Settlement)).Should().NotBeNull();
        (await Kp.RepudiateAsync(kp.Id, " ", kp.Version)).Message.Should().Contain("ground for the repudiation");
        await _host.AsSecretaryAsync();
        (await Kp.RepudiateAsync(kp.Id, "Intimidation.", kp.Version)).Message.Should().StartWith("Only the Punong Barangay (Lupon chairman) may receive a repudiation");
        (await Kp.TransmitAsync(kp.Id, "MTC San Isidro", kp.Version)).Message.Should().StartWith("A settlement is transmitted after the 10 days to repudiate it");
        await _host.AsKapitanAsync();

        kp = (await Kp.RepudiateAsync(kp.Id, "Signed under intimidation.", kp.Version)).Value!;

        kp.Stage.Should().Be(KpStages.Repudiated);
        kp.CanIssueCertificate.Should().BeTrue();
        kp.Steps.Should().NotContain(s => s.Key == "transmittal", "a repudiated settlement is not transmitted");
        await _host.AsSecretaryAsync();
        kp = (await Kp.IssueCertificateAsync(kp.Id, kp.Version)).Value!;
        (await PrintedTextAsync(kp.Id, KpForm.CertificateToFileAction)).Should().Contain("KPFormNo.20Republic", "a repudiated settlement is KP Form 20")
            .And.Contain("Asettlementwasreached").And.NotContain("mediationfailed");
        KpService.Label(KpForm.CertificateToFileAction, kp.Outcome, KpCertificates.Number(kp.Stage, kp.Acts))
            .Should().Be("KP Form 20 · Certification to File Action (settlement repudiated)");
    }

    [Fact]
    public async Task Settlement_AfterTenDays_CannotBeRepudiated_TransmittedByTheLuponSecretary()
    {
        var kp = await HeardAsync();
        await _host.AsKapitanAsync();
        kp = (await Kp.RecordOutcomeAsync(kp.Id, KpOutcomes.Settlement, "Respondent pays ₱2,000 by Dec 20.", kp.Version)).Value!;
        _clock.Advance(TimeSpan.FromDays(10) + TimeSpan.FromMinutes(1));

        (await Kp.RepudiateAsync(kp.Id, "Fraud.", kp.Version)).Message.Should().Contain("the settlement is final (sec. 416)");
        (await Kp.TransmitAsync(kp.Id, "MTC San Isidro", kp.Version)).Message.Should().Be("Only the Lupon secretary may transmit the settlement or award to the court (sec. 419).");
        await _host.AsSecretaryAsync();
        kp = (await Kp.TransmitAsync(kp.Id, "Municipal Trial Court of San Isidro", kp.Version)).Value!;

        kp.TransmittedTo.Should().Be("Municipal Trial Court of San Isidro");
        kp.Steps.Single(s => s.Key == "transmittal").DoneAt.Should().NotBeNull();
    }

    [Fact]
    public async Task Arbitration_AwardOnlyAfterFiveDays_NotRepudiable_ExecutedWithinSixMonths()
    {
        var kp = await HeardAsync();
        await _host.AsKapitanAsync();
        (await Kp.RecordOutcomeAsync(kp.Id, KpOutcomes.Award, "Pay ₱3,000.", kp.Version)).Message.Should().Contain("agree in writing to arbitration");
        kp = (await Kp.AgreeToArbitrationAsync(kp.Id, kp.Version)).Value!;
        var agreed = _clock.GetUtcNow().UtcDateTime;
        kp.Stage.Should().Be(KpStages.Arbitration);
        kp.Steps.Single(s => s.Key == "award").DueAt.Should().BeCloseTo(agreed.AddDays(15), Micro);
        _clock.Advance(TimeSpan.FromDays(4));
        (await Kp.RecordOutcomeAsync(kp.Id, KpOutcomes.Award, "Pay ₱3,000.", kp.Version)).Message.Should().Contain("after the 5 days to repudiate the agreement");
        _clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        kp = (await Kp.RecordOutcomeAsync(kp.Id, KpOutcomes.Award, "Respondent pays the complainant ₱3,000 for the broken gate.", kp.Version)).Value!;
        var awarded = _clock.GetUtcNow().UtcDateTime;

        kp.Stage.Should().Be(KpStages.Arbitrated);
        kp.RepudiationDueAt.Should().BeNull();
        (await Kp.RepudiateAsync(kp.Id, "I do not like it.", kp.Version)).Message.Should().StartWith("An arbitration award cannot be repudiated (sec. 416)");
        kp.Steps.Single(s => s.Key == "transmittal").DueAt.Should().BeCloseTo(awarded.AddDays(5), Micro);
        (await Kp.MoveForExecutionAsync(kp.Id, kp.Version)).Message.Should().Contain("becomes final on");
        _clock.Advance(TimeSpan.FromDays(11));
        kp = (await Kp.MoveForExecutionAsync(kp.Id, kp.Version)).Value!;
        kp.Steps.Single(s => s.Key == "execution").DueAt.Should().BeCloseTo(awarded.AddMonths(6), Micro);
        await _host.AsSecretaryAsync();
        (await Kp.ExecuteAsync(kp.Id, "Paid in full.", kp.Version)).Message.Should().Be("Only the Punong Barangay (Lupon chairman) may execute a settlement or award (sec. 417).");
        await _host.AsKapitanAsync();
        kp = (await Kp.ExecuteAsync(kp.Id, "Respondent paid ₱3,000 before the Punong Barangay.", kp.Version)).Value!;
        kp.ExecutedAt.Should().NotBeNull();
        kp.Acts.Select(a => a.Step).Should().ContainInOrder("summons", "arbitration_agreement", KpOutcomes.Award, "execution_motion", "execution");
        // Each step's KP form exists once the step is recorded, and prints; a form of a step not taken does not.
        kp.Forms.Should().Equal(KpForm.Complaint, KpForm.NoticeOfHearing, KpForm.Summons, KpForm.Subpoena, KpForm.ArbitrationAgreement, KpForm.Settlement,
            KpForm.ExecutionMotion, KpForm.ExecutionHearing, KpForm.ExecutionNotice);
        foreach (var form in kp.Forms) (await Kp.PrintAsync(kp.Id, form)).Should().NotBeNull(form.ToString());
        (await Kp.PrintAsync(kp.Id, KpForm.Repudiation)).Should().BeNull();
    }

    [Fact]
    public async Task Execution_AfterSixMonths_RefusedToCourt()
    {
        var kp = await HeardAsync();
        await _host.AsKapitanAsync();
        kp = (await Kp.RecordOutcomeAsync(kp.Id, KpOutcomes.Settlement, "Respondent repairs the gate.", kp.Version)).Value!;
        _clock.Advance(TimeSpan.FromDays(190));

        (await Kp.MoveForExecutionAsync(kp.Id, kp.Version)).Message.Should().Contain("enforced by action in court (sec. 417)");
    }

    [Fact]
    public async Task Vawc_NeverTakenUp_AutoConfidential_BpoAndReferralAuditedAndSeenOnlyByThoseAllowed()
    {
        await _host.AsJuanAsync();
        var input = ComplaintsTestHost.Noise();
        input.Category = KpIntakeRules.VawcCategory;
        input.Subject = "My partner hits me";
        var ack = (await _host.Complaints.FileAsync(input)).Value!;
        var vawc = _host.Services.Get<Barangay.Data.Complaints.Vawc.VawcService>();
        await _host.AsKapitanAsync();
        (await _host.Complaints.GetAsync(ack.Id))!.Confidential.Should().BeTrue("RA 9262 sec. 44, although the form did not tick it");

        var offered = await Kp.OpenAsync(ack.Id, [new KpRespondent("Pedro Cruz")], new KpIntake());
        offered.Message.Should().Be(KpIntakeRules.VawcRefusal);

        (await vawc.RecordAsync(ack.Id, new("bpo_issued", null, null))).Message.Should().Contain("application for the Barangay Protection Order first");
        (await vawc.RecordAsync(ack.Id, new(Barangay.Data.Complaints.Vawc.VawcActionKinds.BpoApplication, null, "Applied in person."))).Ok.Should().BeTrue();
        var issued = await vawc.RecordAsync(ack.Id, new(Barangay.Data.Complaints.Vawc.VawcActionKinds.BpoIssued, null, "Respondent to stay away."));
        issued.Value!.SignedBy.Should().Be("Ricardo M. Dela Cruz, Punong Barangay");
        (await vawc.RecordAsync(ack.Id, new(Barangay.Data.Complaints.Vawc.VawcActionKinds.Referral, "social_worker", "Referred to the MSWDO."))).Ok.Should().BeTrue();
        (await vawc.ListAsync(ack.Id))!.Select(a => a.Kind).Should().Equal("bpo_application", "bpo_issued", "referral");

        await _host.AsSecretaryAsync();
        (await vawc.ListAsync(ack.Id)).Should().BeNull("the secretary is neither the Punong Barangay nor assigned to it");
        (await vawc.RecordAsync(ack.Id, new("referral", "police", null))).Kind.Should().Be(ResultKind.NotFound);
        (await _host.Complaints.GetAsync(ack.Id)).Should().BeNull("the secretary may not see the complaint either");
        await _host.AsAdminAsync();
        (await vawc.ListAsync(ack.Id)).Should().BeNull("sec. 44: not every admin of the system");
        // Nor the complaint itself, although an admin sees other confidential complaints: not by its id, not in the queue.
        (await _host.Complaints.GetAsync(ack.Id)).Should().BeNull("sec. 44: the VAWC record is the Punong Barangay's and the assigned official's");
        (await _host.Complaints.QueueAsync(new ComplaintQueueFilter(Search: ack.ComplaintId), 0, 25)).Total.Should().Be(0);
        await _host.AsKapitanAsync();
        (await _host.Complaints.QueueAsync(new ComplaintQueueFilter(Search: ack.ComplaintId), 0, 25)).Total.Should().Be(1, "the Punong Barangay sees it");
        await using var db = await _host.Services.DbAsync();
        var audits = await db.AuditLogs.AsNoTracking().Where(a => a.TargetType == Barangay.Data.Complaints.Vawc.VawcService.TargetType).Select(a => a.Details).ToListAsync();
        audits.Should().HaveCountGreaterThanOrEqualTo(3).And.NotContain(d => d != null && d.Contains("stay away"));
    }

    [Fact]
    public async Task Resident_NeverSeesNorActsOnAKpCase()
    {
        var kp = await OpenCaseAsync();
        await _host.AsJuanAsync();
        (await Kp.GetAsync(kp.Id)).Should().BeNull();
        (await Kp.PrintAsync(kp.Id, KpForm.Summons)).Should().BeNull();
        (await Kp.IssueSummonsAsync(kp.Id, kp.Version, _clock.GetUtcNow().UtcDateTime.AddDays(1))).Kind.Should().Be(ResultKind.NotFound);
        (await Kp.PageAsync(false, 0, 25)).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Page_OverdueFirstAcrossAllCases_PagedInTheDatabase()
    {
        var old = await OpenCaseAsync(); // its summons falls overdue below
        _clock.Advance(TimeSpan.FromDays(20));
        await using (var db = await _host.Services.DbAsync())
        {
            // 30 newer cases with later deadlines: before, the newest 500 were cut first and only then sorted.
            var complainant = await db.Complaints.AsNoTracking().Where(c => c.Id == old.ComplaintId).Select(c => c.ResidentId).SingleAsync();
            var now = _clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < 30; i++)
            {
                var complaint = new Complaint
                {
                    Id = Guid.NewGuid(), ComplaintId = $"CMP-PG-{i:000}", ResidentId = complainant, Category = "noise", Subject = "Page " + i,
                    Description = "Paging fixture.", Status = ComplaintStatuses.InProgress, ReportedAt = now, Version = Guid.NewGuid(),
                };
                db.Complaints.Add(complaint);
                db.Add(new KpCase
                {
                    Id = Guid.NewGuid(), ComplaintId = complaint.Id, CaseNo = $"KP-PG-{i:000}", FiledAt = now.AddMinutes(i),
                    SummonsDueAt = now.AddDays(1 + i), NextDueAt = now.AddDays(1 + i), Version = Guid.NewGuid(),
                });
            }
            await db.SaveChangesAsync();
        }

        var all = await Kp.PageAsync(true, 0, 100);
        var first = await Kp.PageAsync(true, 0, 10);
        var second = await Kp.PageAsync(true, 1, 10);

        all.Total.Should().BeGreaterThanOrEqualTo(31);
        var ids = all.Items.Select(r => r.Id).ToList();
        ids.Should().Contain(old.Id);
        all.Items.Single(r => r.Id == old.Id).Overdue.Should().BeTrue();
        ids.IndexOf(old.Id).Should().BeLessThan(all.Items.Select((r, i) => (r, i)).Where(x => x.r.CaseNo.StartsWith("KP-PG-")).Min(x => x.i),
            "the old overdue case comes before the thirty newer ones");
        all.Items.Select(r => r.Overdue).Should().BeInDescendingOrder("every overdue case comes before any that is not");
        first.Items.Should().HaveCount(10);
        first.Items.Concat(second.Items).Select(r => r.Id).Should().Equal(ids.Take(20), "pages follow each other in the database's order");
    }

    // A Wednesday morning; a Friday after closing (the summons falls due on Tuesday); a Saturday; the working day
    // before the Christmas Eve and Christmas holidays; New Year's Eve.
    [Theory]
    [InlineData("2026-12-02 10:00")]
    [InlineData("2026-12-04 18:00")]
    [InlineData("2026-12-05 11:00")]
    [InlineData("2026-12-23 16:30")]
    [InlineData("2026-12-31 09:00")]
    public async Task CountNearDeadline_CountsCasesWhoseCurrentStepIsDueSoon(string manilaNow)
    {
        await AtManilaAsync(manilaNow);
        var kp = await OpenCaseAsync();

        var soon = await Kp.CountKpStepsNearDeadlineAsync(TimeSpan.FromDays(7));
        var none = await Kp.CountKpStepsNearDeadlineAsync(TimeSpan.FromDays(-30));

        soon.Should().BeGreaterThanOrEqualTo(1);
        none.Should().Be(0);
        (await Kp.PageAsync(true, 0, 100)).Items.Should().Contain(r => r.Id == kp.Id && r.NextStep!.StartsWith("Summons"));
        // The official home's card counts the same cases (the summons is due by the close of a working day within two).
        var home = await _host.Services.Get<Barangay.Data.Dashboard.DashboardService>().GetOfficialHomeAsync();
        home!.Cards.KpNearDeadline.Should().Be(await Kp.CountKpStepsDueWithinWorkingDaysAsync(KpDeadlineCounter.WorkingDays)).And.BeGreaterThanOrEqualTo(1);
        // And the case book the card opens (?due=soon) lists exactly those cases: counts equal lists.
        var listed = await Kp.PageAsync(new KpCaseFilter(OpenOnly: true, DueSoon: true), 0, 100);
        listed.Total.Should().Be(home.Cards.KpNearDeadline);
        listed.Items.Should().Contain(r => r.Id == kp.Id);
    }

    [Fact]
    public async Task Blotter_ListsComplaintsAndCasesInOrder_AndPrints()
    {
        var kp = await OpenCaseAsync();
        var today = TimeZones.ManilaToday(_clock);

        var book = await _host.Complaints.BlotterAsync(today.AddDays(-1), today);

        book!.Entries.Should().Contain(e => e.Number == kp.ComplaintCode).And.Contain(e => e.Number == kp.CaseNo);
        book.Entries.Select(e => e.At).Should().BeInAscendingOrder();
        System.Text.Encoding.ASCII.GetString(BlotterPdf.Render(book, DateTime.UnixEpoch), 0, 5).Should().Be("%PDF-");
        await _host.AsJuanAsync();
        (await _host.Complaints.BlotterAsync(today, today)).Should().BeNull();
    }
}
