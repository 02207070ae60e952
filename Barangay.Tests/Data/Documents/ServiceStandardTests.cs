using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Documents;
using Barangay.Data.Settings;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Barangay.Tests.Data.Documents;

/// <summary>
/// RA 11032 on requests (docs/ra11032.md): the clock starts at requirements complete and fee paid (§4(j)), three classes
/// (§9(b)(1)), one extension with written notice (§9(b)(2)), overdue paid requests deemed approved (§10); approval is the
/// Punong Barangay's unless delegated; a paid request is cancelled by the resident only after a refund. Dates cross
/// weekends and the 8 December holiday, on a frozen clock.
/// </summary>
public class ServiceStandardTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    // Thursday 3 December 2026, 10:00 in Manila.
    private readonly FakeTimeProvider _clock = TestClock.AtManila("2026-12-03 10:00");
    private DocumentsTestHost _host = null!;
    private DocumentRequestService Requests => _host.Requests;

    public async Task InitializeAsync()
    {
        _host = new DocumentsTestHost(database.AppConnectionString, _clock);
        await using var db = await _host.Services.DbAsync();
        // The Feast of the Immaculate Conception (Tue 8 Dec) is a holiday in the settings the clock reads.
        var holidays = await db.AppSettings.SingleAsync(s => s.Key == SettingKeys.Holidays);
        var list = SettingJson.ReadHolidays(holidays.Value);
        foreach (var (day, name) in new[] { (new DateOnly(2026, 12, 8), "Feast of the Immaculate Conception"), (new DateOnly(2026, 12, 30), "Rizal Day"),
                     (new DateOnly(2026, 12, 31), "Last Day of the Year"), (new DateOnly(2027, 1, 1), "New Year's Day") })
            if (!list.Any(h => h.Date == day)) list.Add(new HolidayEntry(day, name));
        holidays.Value = SettingJson.Holidays(list);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private void At(string manila) => _clock.SetUtcNow(new DateTimeOffset(DateTime.Parse(manila, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(8)));

    private static DateTime Manila(string local) => new DateTimeOffset(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(8)).UtcDateTime;

    private async Task<DocumentRequestDetail> FiledByJuanAsync()
    {
        await _host.AsJuanAsync();
        var ack = await Requests.CreateAsync(DocumentRequestServiceTests.Clearance());
        ack.Ok.Should().BeTrue(ack.Message);
        return (await Requests.GetAsync(ack.Value!.Id))!;
    }

    [Fact]
    public async Task Clock_StartsOnlyWhenRequirementsCompleteAndFeePaid_SkipsWeekendAndHolidays()
    {
        At("2026-12-03 10:00");
        var r = await FiledByJuanAsync();
        r.DueAt.Should().BeNull();

        At("2026-12-04 15:00");
        await _host.AsSecretaryAsync();
        var reviewed = (await Requests.ReviewAsync(r.Id, r.Version)).Value!;
        reviewed.RequirementsCompleteAt.Should().Be(Manila("2026-12-04 15:00"));
        (reviewed.FeeSettledAt, reviewed.ClockStartedAt, reviewed.DueAt).Should().Be(((DateTime?)null, (DateTime?)null, (DateTime?)null), "the ₱100 fee is not paid");

        // Weeks later, still unpaid: it does not count against the hall.
        At("2026-12-28 09:00");
        (await Requests.GetAsync(r.Id))!.Overdue.Should().BeFalse();
        (await Requests.QueueAsync(new DocumentQueueFilter(OverdueOnly: true, Search: r.RequestId), 0, 100)).Items.Should().NotContain(x => x.Id == r.Id);

        // Paid Monday 28 December 09:00: Tue 29 (1), Rizal Day, 31 December and New Year's Day off, the weekend,
        // Mon 4 (2), Tue 5 January (3) → due Tuesday 5 January 2027, 09:00.
        await _host.AsTreasurerAsync();
        var paid = (await Requests.RecordPaymentAsync(r.Id, reviewed.Version, new PaymentEntry("OR-77001", 100))).Value!;
        paid.FeeSettledAt.Should().Be(Manila("2026-12-28 09:00"));
        paid.ClockStartedAt.Should().Be(Manila("2026-12-28 09:00"));
        paid.DueAt.Should().Be(Manila("2027-01-05 09:00"));

        At("2027-01-05 08:59");
        await _host.AsKapitanAsync();
        (await Requests.QueueAsync(new DocumentQueueFilter(Search: r.RequestId), 0, 100)).Items.Single(x => x.Id == r.Id).AutomaticApproval.Should().BeFalse();
        At("2027-01-05 09:01");
        var row = (await Requests.QueueAsync(new DocumentQueueFilter(OverdueOnly: true, Search: r.RequestId), 0, 100)).Items.Single(x => x.Id == r.Id);
        (row.Overdue, row.AutomaticApproval).Should().Be((true, true));
        (await Requests.AutomaticApprovalCountAsync()).Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Clock_PaidBeforeReview_StartsAtTheReview()
    {
        At("2026-12-04 16:00");
        var r = await FiledByJuanAsync();
        await _host.AsTreasurerAsync();
        var paid = (await Requests.RecordPaymentAsync(r.Id, r.Version, new PaymentEntry("OR-77002", 100))).Value!;
        paid.DueAt.Should().BeNull("the requirements are not yet found complete");

        // Reviewed Saturday 5 December: received Monday 8:00; three working days skip the 8th → Friday 11 December 08:00.
        At("2026-12-05 10:00");
        await _host.AsSecretaryAsync();
        var reviewed = (await Requests.ReviewAsync(r.Id, paid.Version)).Value!;
        reviewed.ClockStartedAt.Should().Be(Manila("2026-12-05 10:00"));
        reviewed.DueAt.Should().Be(Manila("2026-12-11 08:00"));
    }

    [Fact]
    public void Classes_HighlyTechnicalIsTwentyWorkingDays_AcrossTheChristmasHolidays()
    {
        DocumentType.Parse("x", "X", """{"class":"highly_technical"}""").WorkingDays.Should().Be(20);
        DocumentType.Parse("x", "X", """{"class":"complex"}""").WorkingDays.Should().Be(7);
        DocumentType.Parse("x", "X", """{"class":"simple"}""").WorkingDays.Should().Be(3);
        DocumentType.Parse("x", "X", """{"class":"nonsense"}""").WorkingDays.Should().Be(3);
        DocumentType.Parse("x", "X", """{"automatic_approval":false}""").AutomaticApproval.Should().BeFalse();

        var clock = new WorkingDayClock([new(2026, 12, 24), new(2026, 12, 25), new(2026, 12, 30), new(2026, 12, 31), new(2027, 1, 1)]);
        // Friday 18 December 10:00 + 20 working days (skipping weekends and five holidays) = Friday 22 January 2027 10:00.
        clock.AddWorkingDays(Manila("2026-12-18 10:00"), DocumentType.HighlyTechnicalDays).Should().Be(Manila("2027-01-22 10:00"));
    }

    [Fact]
    public async Task Extension_OnceForTheSameDays_BeforeItLapses_ByThePunongBarangay_NotifiedAndAudited()
    {
        At("2026-12-03 10:00");
        var r = await FiledByJuanAsync();
        await _host.AsSecretaryAsync();
        var v = (await Requests.ReviewAsync(r.Id, r.Version)).Value!.Version;
        await _host.AsTreasurerAsync();
        var paid = (await Requests.RecordPaymentAsync(r.Id, v, new PaymentEntry("OR-77003", 100))).Value!;
        paid.DueAt.Should().Be(Manila("2026-12-09 10:00"), "Thu 3 Dec + 3 working days skipping the weekend and the 8th");

        At("2026-12-07 11:00");
        await _host.AsSecretaryAsync();
        (await Requests.ExtendAsync(r.Id, paid.Version, "Waiting for the tanod's report")).Message.Should().Contain("Only the Punong Barangay");
        await _host.AsKapitanAsync();
        (await Requests.ExtendAsync(r.Id, paid.Version, " ")).Errors.Should().ContainKey("Reason");
        var extended = await Requests.ExtendAsync(r.Id, paid.Version, "Waiting for the tanod's report");
        extended.Ok.Should().BeTrue(extended.Message);
        var x = extended.Value!;
        // Three more working days from Wednesday 9 December 10:00: Thu 10, Fri 11, Mon 14.
        (x.DueAt, x.Extension!.OldDue, x.Extension.NewDue, x.Extension.Reason, x.Extension.ByPosition)
            .Should().Be(((DateTime?)Manila("2026-12-14 10:00"), Manila("2026-12-09 10:00"), Manila("2026-12-14 10:00"), "Waiting for the tanod's report", "Punong Barangay"));
        (await Requests.ExtendAsync(r.Id, x.Version, "Again")).Message.Should().Contain("only one extension");
        var notice = (await Requests.AcknowledgementAsync(r.Id))!;
        notice.Extension!.NewDue.Should().Be(Manila("2026-12-14 10:00"));
        var pdf = AcknowledgementPdf.RenderExtension(notice, _clock.GetUtcNow().UtcDateTime, null, "A4");
        System.Text.Encoding.Latin1.GetString(pdf).Should().StartWith("%PDF-");
        System.Text.Encoding.Latin1.GetString(pdf).Should().MatchRegex(@"/Lang\s*\(en-PH\)", "a screen reader reads the notice in its language (issue 25)");
        if (Environment.GetEnvironmentVariable("PRINTS_DIR") is { Length: > 0 } dir) File.WriteAllBytes(Path.Combine(Directory.CreateDirectory(dir).FullName, "extension-notice-A4.pdf"), pdf);

        await using var db = await _host.Services.DbAsync();
        (await db.AuditLogs.AsNoTracking().CountAsync(a => a.ActionType == "Extension" && a.TargetId == r.Id.ToString())).Should().Be(1);
        (await db.Notifications.AsNoTracking().Select(n => n.Payload!).ToListAsync())
            .Should().Contain(p => p.Contains(r.RequestId) && p.Contains("extended") && p.Contains("Waiting for the tanod"));
    }

    [Fact]
    public async Task Extension_AfterTheDeadline_Refused()
    {
        At("2026-12-03 10:00");
        var r = await FiledByJuanAsync();
        await _host.AsSecretaryAsync();
        var v = (await Requests.ReviewAsync(r.Id, r.Version)).Value!.Version;
        await _host.AsTreasurerAsync();
        v = (await Requests.RecordPaymentAsync(r.Id, v, new PaymentEntry("OR-77004", 100))).Value!.Version;
        At("2026-12-09 10:01");
        await _host.AsKapitanAsync();
        (await Requests.ExtendAsync(r.Id, v, "Late")).Message.Should().Contain("already lapsed");
    }

    [Fact]
    public async Task Approval_PunongBarangayOnly_UnlessDelegated_PositionRecorded()
    {
        var r = await FiledByJuanAsync();
        await _host.AsSecretaryAsync();
        var v = (await Requests.ReviewAsync(r.Id, r.Version)).Value!.Version;
        await _host.AsTreasurerAsync();
        v = (await Requests.RecordPaymentAsync(r.Id, v, new PaymentEntry("OR-77005", 100))).Value!.Version;

        await _host.AsSecretaryAsync();
        (await Requests.ApproveAsync(r.Id, v)).Message.Should().Be("Only the Punong Barangay may approve requests or extend their processing time.");

        await using (var db = await _host.Services.DbAsync())
        {
            db.AppSettings.Add(new AppSetting { Key = SettingKeys.DocumentApprovers, Value = DocumentApprovers.Write(["Secretary"]) });
            await db.SaveChangesAsync();
        }
        var secretary = await _host.AsSecretaryAsync();
        var approved = await Requests.ApproveAsync(r.Id, v);
        approved.Ok.Should().BeTrue(approved.Message);
        approved.Value!.History.Last().Should().Match<DocumentStatusEntry>(h =>
            h.Status == DocumentRequestStatuses.Approved && h.ById == secretary && h.ByName == "Liza R. Manalo" && h.ByPosition == "Secretary");
        await using (var db = await _host.Services.DbAsync())
        {
            db.AppSettings.Remove(await db.AppSettings.SingleAsync(s => s.Key == SettingKeys.DocumentApprovers));
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task FeeGuard_RequestWithoutItsFeeInTheMetadata_NotApprovedUnpaid()
    {
        // A row as the old demo seed wrote it: no fee or working days in the metadata, reviewed, unpaid.
        var r = await FiledByJuanAsync();
        await using (var db = await _host.Services.DbAsync())
        {
            var row = await db.DocumentRequests.SingleAsync(x => x.Id == r.Id);
            row.Metadata = """{"purpose":"Employment","history":[]}""";
            row.Status = DocumentRequestStatuses.Reviewed;
            await db.SaveChangesAsync();
        }
        await _host.AsKapitanAsync();
        var v = (await Requests.GetAsync(r.Id))!.Version;
        (await Requests.ApproveAsync(r.Id, v)).Message.Should().Contain("₱100.00 is not paid");
    }

    [Fact]
    public async Task ResidentCancel_PaidRequest_OnlyAfterTheTreasurerRecordsARefund()
    {
        var r = await FiledByJuanAsync();
        await _host.AsTreasurerAsync();
        var v = (await Requests.RecordPaymentAsync(r.Id, r.Version, new PaymentEntry("OR-77006", 100))).Value!.Version;

        await _host.AsJuanAsync();
        (await Requests.CancelAsync(r.Id, v, null)).Message.Should().Contain("ask the treasurer to record the refund");

        await _host.AsSecretaryAsync();
        (await Requests.RefundAsync(r.Id, v, "Resident no longer needs it")).Message.Should().Contain("Only the treasurer");
        await _host.AsTreasurerAsync();
        var refunded = await Requests.RefundAsync(r.Id, v, "Resident no longer needs it");
        refunded.Ok.Should().BeTrue(refunded.Message);
        refunded.Value!.Payment!.RefundedAt.Should().NotBeNull();

        await _host.AsJuanAsync();
        var cancelled = await Requests.CancelAsync(r.Id, refunded.Value.Version, null);
        cancelled.Ok.Should().BeTrue(cancelled.Message);
        await using var db = await _host.Services.DbAsync();
        (await db.AuditLogs.AsNoTracking().CountAsync(a => a.ActionType == "Refund" && a.TargetId == r.Id.ToString())).Should().Be(1);
    }

    [Fact]
    public async Task AcknowledgementReceipt_NamesOfficerAndDue_FreeDocumentNeverAsksToPay_OnlyForTheResidentOrTheHall()
    {
        await _host.AsJuanAsync();
        var free = (await Requests.CreateAsync(new NewDocumentRequest { TypeCode = "certificate-of-indigency", Purpose = "Medical assistance" })).Value!;
        var clearance = (await Requests.CreateAsync(DocumentRequestServiceTests.Clearance())).Value!;

        var a = (await Requests.AcknowledgementAsync(free.Id))!;
        (a.RequestId, a.OfficerName, a.OfficerDesignation, a.ReceivedAt).Should().Be((free.RequestId, "Liza R. Manalo", "Barangay Secretary", free.SubmittedAt));
        a.Requirements.Should().Contain("Valid ID");
        AcknowledgementPdf.FeeLine(a).Should().StartWith("None. This document is free of charge").And.NotContainAny("pay", "Pay");
        AcknowledgementPdf.DueLine(a).Should().Contain("3 working days").And.NotContain("fee");

        var c = (await Requests.AcknowledgementAsync(clearance.Id))!;
        AcknowledgementPdf.FeeLine(c).Should().Be("₱100.00, payable at the Treasurer's window. Processing time starts once it is paid.");
        AcknowledgementPdf.DueLine(c).Should().Contain("and the fee is paid");
        foreach (var (paper, height) in new[] { ("A4", "842"), ("Legal", "1008") })
        {
            var bytes = AcknowledgementPdf.Render(c, TestClock.UtcNow, null, paper);
            if (Environment.GetEnvironmentVariable("PRINTS_DIR") is { Length: > 0 } dir) File.WriteAllBytes(Path.Combine(Directory.CreateDirectory(dir).FullName, $"acknowledgement-{paper}.pdf"), bytes);
            var text = System.Text.Encoding.Latin1.GetString(bytes);
            text.Should().MatchRegex($@"/MediaBox\s*\[0 0 (595|612)(\.\d+)? {height}(\.\d+)?\]");
            text.Should().MatchRegex(@"/Lang\s*\(en-PH\)", "a screen reader reads the receipt in its language (issue 25)");
            text.Should().MatchRegex(@"/DisplayDocTitle\s+true", "a viewer's title bar shows the receipt's title, not the file name");
        }

        // Walk-in at the desk: requirements complete at entry, so the receipt shows them complete.
        await _host.AsSecretaryAsync();
        var walkIn = (await Requests.CreateAsync(new NewDocumentRequest { TypeCode = "certificate-of-indigency", Purpose = "Scholarship", ResidentId = await _host.OtherResidentAsync() })).Value!;
        var w = (await Requests.AcknowledgementAsync(walkIn.Id))!;
        (w.WalkIn, w.RequirementsCompleteAt, w.DueAt).Should().Be((true, (DateTime?)walkIn.SubmittedAt, walkIn.DueAt));
        walkIn.DueAt.Should().NotBeNull("a free walk-in with its requirements in hand starts the clock at once");

        await _host.SignInAsync("kgd.reyes");
        (await Requests.AcknowledgementAsync(free.Id)).Should().BeNull();
    }
}
