using Barangay.Data.Common;
using Barangay.Data.Complaints;
using Barangay.Data.Complaints.Kp;
using Barangay.Data.Settings;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Barangay.Tests.Data.Complaints;

/// <summary>The Katarungang Pambarangay case: deadlines, the order of steps, the outcome rules, the printed forms.</summary>
public class KpServiceTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
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
        var opened = await Kp.OpenAsync(ack.Id, [new KpRespondent("", respondent)]);
        opened.Ok.Should().BeTrue(opened.Message);
        return opened.Value!;
    }

    private KpHearingInput Hearing(string minutes = "Parties appeared; no agreement.") => new(_clock.GetUtcNow().UtcDateTime, ["Juan Dela Cruz", "Respondent"], minutes);

    [Fact]
    public async Task Open_SetsCaseNumberSummonsByNextWorkingDayAndComplaintInProgress()
    {
        var kp = await OpenCaseAsync();

        kp.CaseNo.Should().MatchRegex(@"^KP-\d{4}-\d{6}$");
        kp.Stage.Should().Be(KpStages.Mediation);
        kp.Respondents.Should().ContainSingle().Which.Name.Should().NotBeNullOrWhiteSpace();
        var clock = await _host.Services.Get<HolidayCalendar>().ClockAsync();
        var summons = kp.Steps.First(s => s.Key == "summons");
        summons.DueAt.Should().BeCloseTo(clock.AddWorkingDays(kp.FiledAt, 1), TimeSpan.FromSeconds(1));
        summons.Current.Should().BeTrue();
        (await _host.Complaints.GetAsync(kp.ComplaintId))!.Status.Should().Be(ComplaintStatuses.InProgress);
        (await Kp.OpenAsync(kp.ComplaintId, [new KpRespondent("Someone")])).Message.Should().Contain("already a KP case");
    }

    [Fact]
    public async Task Settle_WithNoHearing_RefusedWithClearMessage()
    {
        var kp = await OpenCaseAsync();
        kp = (await Kp.IssueSummonsAsync(kp.Id, kp.Version)).Value!;

        var result = await Kp.RecordOutcomeAsync(kp.Id, KpOutcomes.Settlement, "Respondent moves the fence.", kp.Version);

        result.Kind.Should().Be(ResultKind.Invalid);
        result.Message.Should().Be("A case cannot be settled with no hearing: record the mediation hearing first.");
    }

    [Fact]
    public async Task Hearing_BeforeSummons_Refused_AndFirstHearingStartsFifteenCalendarDays()
    {
        var kp = await OpenCaseAsync();
        (await Kp.RecordHearingAsync(kp.Id, Hearing(), kp.Version)).Message.Should().Be("Issue the summons before the first hearing.");
        kp = (await Kp.IssueSummonsAsync(kp.Id, kp.Version)).Value!;
        (await Kp.RecordHearingAsync(kp.Id, new KpHearingInput(_clock.GetUtcNow().UtcDateTime, [], "x"), kp.Version)).Message.Should().Be("List who attended the hearing.");

        var held = _clock.GetUtcNow().UtcDateTime;
        kp = (await Kp.RecordHearingAsync(kp.Id, new KpHearingInput(held, ["Juan"], "First meeting."), kp.Version)).Value!;

        kp.Hearings.Should().ContainSingle();
        kp.Steps.Single(s => s.Key == "mediation").DueAt.Should().BeCloseTo(held.AddDays(15), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task FullPath_FailedMediation_Pangkat_FailedConciliation_CertificateToFileAction()
    {
        var kp = await OpenCaseAsync();
        kp = (await Kp.IssueSummonsAsync(kp.Id, kp.Version)).Value!;
        kp = (await Kp.RecordHearingAsync(kp.Id, Hearing(), kp.Version)).Value!;
        (await Kp.RecordOutcomeAsync(kp.Id, KpOutcomes.Failure, null, kp.Version)).Message.Should().Contain("send the case to the Pangkat first");
        kp = (await Kp.FailMediationAsync(kp.Id, kp.Version)).Value!;
        kp.Stage.Should().Be(KpStages.Conciliation);
        kp.Steps.Single(s => s.Key == "pangkat").DueAt.Should().BeCloseTo(_clock.GetUtcNow().UtcDateTime.AddDays(3), TimeSpan.FromMinutes(1));
        (await Kp.ConstitutePangkatAsync(kp.Id, ["A", "B"], kp.Version)).Message.Should().Contain("three members");
        kp = (await Kp.ConstitutePangkatAsync(kp.Id, ["Nestor G. Aguilar", "Lupon Two", "Lupon Three"], kp.Version)).Value!;
        var due = kp.Steps.Single(s => s.Key == "conciliation").DueAt!.Value;
        kp = (await Kp.ExtendConciliationAsync(kp.Id, kp.Version)).Value!;
        kp.Steps.Single(s => s.Key == "conciliation").DueAt.Should().BeCloseTo(due.AddDays(15), TimeSpan.FromMilliseconds(1));
        (await Kp.ExtendConciliationAsync(kp.Id, kp.Version)).Message.Should().Contain("already extended once");
        (await Kp.PrintAsync(kp.Id, KpForm.CertificateToFileAction)).Should().BeNull("no certificate before the Pangkat fails");
        (await Kp.IssueCertificateAsync(kp.Id, kp.Version)).Message.Should().Contain("only when conciliation failed");
        kp = (await Kp.RecordHearingAsync(kp.Id, Hearing("Pangkat hearing; respondent refuses."), kp.Version)).Value!;
        kp = (await Kp.RecordOutcomeAsync(kp.Id, KpOutcomes.Failure, "Respondent refused every proposal.", kp.Version)).Value!;

        kp.Stage.Should().Be(KpStages.Failed);
        kp.AwaitsCertificate.Should().BeTrue();
        kp = (await Kp.IssueCertificateAsync(kp.Id, kp.Version)).Value!;
        kp.AwaitsCertificate.Should().BeFalse();
        var printed = await Kp.PrintAsync(kp.Id, KpForm.CertificateToFileAction);
        printed.Should().NotBeNull();
        System.Text.Encoding.ASCII.GetString(printed!.Value.Pdf, 0, 5).Should().Be("%PDF-");
        (await Kp.GetAsync(kp.Id))!.CertificateIssuedAt.Should().BeCloseTo(_clock.GetUtcNow().UtcDateTime, TimeSpan.FromMilliseconds(1));
        (await _host.Complaints.GetAsync(kp.ComplaintId))!.Status.Should().Be(ComplaintStatuses.Resolved);
        await using var db = await _host.Services.DbAsync();
        (await db.AuditLogs.AsNoTracking().CountAsync(a => a.TargetType == "KpCase" && a.TargetId == kp.Id.ToString())).Should().BeGreaterThanOrEqualTo(10);
    }

    /// <summary>A case whose Pangkat failed to conciliate: the Certificate to File Action is due but not issued.</summary>
    private async Task<KpCaseDetail> FailedCaseAsync()
    {
        var kp = await OpenCaseAsync();
        kp = (await Kp.IssueSummonsAsync(kp.Id, kp.Version)).Value!;
        kp = (await Kp.RecordHearingAsync(kp.Id, Hearing(), kp.Version)).Value!;
        kp = (await Kp.FailMediationAsync(kp.Id, kp.Version)).Value!;
        kp = (await Kp.ConstitutePangkatAsync(kp.Id, ["Nestor G. Aguilar", "Lupon Two", "Lupon Three"], kp.Version)).Value!;
        kp = (await Kp.RecordHearingAsync(kp.Id, Hearing("Pangkat hearing; respondent refuses."), kp.Version)).Value!;
        var failed = await Kp.RecordOutcomeAsync(kp.Id, KpOutcomes.Failure, "Respondent refused every proposal.", kp.Version);
        failed.Ok.Should().BeTrue(failed.Message);
        return failed.Value!;
    }

    private async Task<List<(string Action, Guid? Actor)>> AuditsAsync(Guid id, string action)
    {
        await using var db = await _host.Services.DbAsync();
        var rows = await db.AuditLogs.AsNoTracking().Where(a => a.TargetType == KpService.TargetType && a.TargetId == id.ToString() && a.ActionType == action)
            .Select(a => new { a.ActionType, a.ActorUserId }).ToListAsync();
        return rows.Select(a => (a.ActionType, a.ActorUserId)).ToList();
    }

    [Fact]
    public async Task PrintCertificate_BeforeItIsIssued_NothingPrintedAndTheCaseUnchanged()
    {
        var kp = await FailedCaseAsync();

        var first = await Kp.PrintAsync(kp.Id, KpForm.CertificateToFileAction);
        var second = await Kp.PrintAsync(kp.Id, KpForm.CertificateToFileAction);

        first.Should().BeNull("the certificate exists once an official issues it, not when someone opens its PDF");
        second.Should().BeNull();
        var after = (await Kp.GetAsync(kp.Id))!;
        after.CertificateIssuedAt.Should().BeNull();
        after.Version.Should().Be(kp.Version, "a print never changes the case, so the hall's open page is not made stale");
        (await _host.Complaints.GetAsync(kp.ComplaintId))!.Status.Should().Be(ComplaintStatuses.InProgress, "only issuing the certificate resolves the complaint");
        (await AuditsAsync(kp.Id, KpService.CertificateAction)).Should().BeEmpty();
    }

    [Fact]
    public async Task IssueCertificate_Explicit_AuditedOnce_RefusedWithoutPermissionAndOnAStaleVersion()
    {
        var kp = await FailedCaseAsync();
        var juan = await _host.AsJuanAsync();
        (await Kp.IssueCertificateAsync(kp.Id, kp.Version)).Kind.Should().Be(ResultKind.NotFound, "a resident may not see, let alone act on, a KP case");
        var secretary = await _host.AsSecretaryAsync();
        (await Kp.GetAsync(kp.Id))!.CertificateIssuedAt.Should().BeNull("the refused attempt changed nothing");
        (await Kp.IssueCertificateAsync(kp.Id, Guid.NewGuid())).Kind.Should().Be(ResultKind.Conflict, "the page showed a version that is not the case's");

        var issued = await Kp.IssueCertificateAsync(kp.Id, kp.Version);
        var again = await Kp.IssueCertificateAsync(kp.Id, kp.Version);

        issued.Ok.Should().BeTrue(issued.Message);
        issued.Value!.CertificateIssuedAt.Should().BeCloseTo(_clock.GetUtcNow().UtcDateTime, TimeSpan.FromMilliseconds(1));
        issued.Value.Version.Should().NotBe(kp.Version);
        again.Kind.Should().Be(ResultKind.Conflict, "a double click issues nothing twice");
        again.Message.Should().Contain("Someone else changed this case");
        (await Kp.IssueCertificateAsync(kp.Id, issued.Value.Version)).Message.Should().StartWith("The Certificate to File Action was already issued on");
        (await AuditsAsync(kp.Id, KpService.CertificateAction)).Should().Equal([(KpService.CertificateAction, secretary)]);
        (await AuditsAsync(kp.Id, KpService.CertificateAction)).Should().NotContain(a => a.Actor == juan);
        var complaint = (await _host.Complaints.GetAsync(kp.ComplaintId))!;
        complaint.Status.Should().Be(ComplaintStatuses.Resolved);
        (await Kp.PrintAsync(kp.Id, KpForm.CertificateToFileAction)).Should().NotBeNull();
    }

    [Fact]
    public async Task Print_ManyAtOnceWhileTheCaseChanges_EveryPrintAudited()
    {
        var kp = await FailedCaseAsync();
        var before = (await AuditsAsync(kp.Id, KpService.PrintAction)).Count;
        // Concurrent prints of a certificate not yet issued: none is handed out and none issues it behind the hall's back.
        var early = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Kp.PrintAsync(kp.Id, KpForm.CertificateToFileAction))));
        early.Should().AllSatisfy(p => p.Should().BeNull());
        (await Kp.GetAsync(kp.Id))!.Version.Should().Be(kp.Version);
        kp = (await Kp.IssueCertificateAsync(kp.Id, kp.Version)).Value!;

        // Eight prints of the certificate and the summons while other writers keep changing the case row (its version rolls each time).
        var prints = Enumerable.Range(0, 8).Select(i => Task.Run(() => Kp.PrintAsync(kp.Id, i % 2 == 0 ? KpForm.CertificateToFileAction : KpForm.Summons))).ToList();
        var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var db = await _host.Services.DbAsync();
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE kp_cases SET version = gen_random_uuid(), updated_at = now() WHERE id = {kp.Id}");
        })).ToList();
        await Task.WhenAll(prints.Concat(writers));

        prints.Should().AllSatisfy(p => p.Result.Should().NotBeNull("a concurrent change of the case never costs a print"));
        (await AuditsAsync(kp.Id, KpService.PrintAction)).Should().HaveCount(before + 8, "every form handed out is written down, whatever else happened to the case meanwhile");
    }

    [Fact]
    public async Task Settlement_PrintsAndCanBeRepudiatedWithinTenDays()
    {
        var kp = await OpenCaseAsync();
        kp = (await Kp.IssueSummonsAsync(kp.Id, kp.Version)).Value!;
        (await Kp.PrintAsync(kp.Id, KpForm.Summons)).Should().NotBeNull();
        kp = (await Kp.RecordHearingAsync(kp.Id, Hearing(), kp.Version)).Value!;
        kp = (await Kp.RecordOutcomeAsync(kp.Id, KpOutcomes.Settlement, "Respondent moves the fence 50 cm back by Dec 15.", kp.Version)).Value!;
        kp.Stage.Should().Be(KpStages.Settled);
        kp.RepudiationDueAt.Should().BeCloseTo(_clock.GetUtcNow().UtcDateTime.AddDays(10), TimeSpan.FromMinutes(1));
        (await Kp.PrintAsync(kp.Id, KpForm.Settlement)).Should().NotBeNull();
        (await Kp.RepudiateAsync(kp.Id, " ", kp.Version)).Message.Should().Contain("ground for the repudiation");

        kp = (await Kp.RepudiateAsync(kp.Id, "Signed under intimidation.", kp.Version)).Value!;

        kp.Stage.Should().Be(KpStages.Repudiated);
        kp.CanIssueCertificate.Should().BeTrue();
    }

    [Fact]
    public async Task Resident_NeverSeesNorActsOnAKpCase()
    {
        var kp = await OpenCaseAsync();
        await _host.AsJuanAsync();
        (await Kp.GetAsync(kp.Id)).Should().BeNull();
        (await Kp.PrintAsync(kp.Id, KpForm.Summons)).Should().BeNull();
        (await Kp.IssueSummonsAsync(kp.Id, kp.Version)).Kind.Should().Be(ResultKind.NotFound);
        (await Kp.ListAsync(false)).Should().BeEmpty();
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

        var soon = await Kp.CountKpStepsNearDeadlineAsync(TimeSpan.FromDays(5));
        var none = await Kp.CountKpStepsNearDeadlineAsync(TimeSpan.FromDays(-30));

        soon.Should().BeGreaterThanOrEqualTo(1);
        none.Should().Be(0);
        (await Kp.ListAsync(true)).Should().Contain(r => r.Id == kp.Id && r.NextStep!.StartsWith("Summons"));

        // The official home's card counts the same cases: the summons is due by the next working day, which is always
        // within the card's two working days, whatever day of the week or holiday season the case was opened on.
        var home = await _host.Services.Get<Barangay.Data.Dashboard.DashboardService>().GetOfficialHomeAsync();
        home!.Cards.KpNearDeadline.Should().Be(await Kp.CountKpStepsDueWithinWorkingDaysAsync(KpDeadlineCounter.WorkingDays)).And.BeGreaterThanOrEqualTo(1);
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
