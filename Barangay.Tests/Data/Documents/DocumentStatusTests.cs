using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Documents;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Documents;

/// <summary>The status machine, payments and waivers, approval races, certificates and their public verification.</summary>
public class DocumentStatusTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private DocumentsTestHost _host = null!;
    private DocumentRequestService Requests => _host.Requests;

    public Task InitializeAsync()
    {
        _host = new DocumentsTestHost(database.AppConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<DocumentRequestDetail> FiledByJuanAsync()
    {
        await _host.AsJuanAsync();
        var ack = (await Requests.CreateAsync(DocumentRequestServiceTests.Clearance())).Value!;
        return (await Requests.GetAsync(ack.Id))!;
    }

    [Fact]
    public async Task Queue_UnpaidOnly_ListsOpenRequestsOwingAFeeUntilPaid()
    {
        var r = await FiledByJuanAsync();
        var treasurer = await _host.AsTreasurerAsync();
        var unpaid = new DocumentQueueFilter(UnpaidOnly: true, Search: r.RequestId);

        (await Requests.QueueAsync(unpaid, 0, 25)).Items.Should().ContainSingle(x => x.Id == r.Id).Which.Settled.Should().BeFalse();

        var paid = await Requests.RecordPaymentAsync(r.Id, r.Version, new PaymentEntry("OR-UNPAID-1", 100));
        paid.Ok.Should().BeTrue(paid.Message);
        (await Requests.QueueAsync(unpaid, 0, 25)).Items.Should().BeEmpty("a paid request leaves the treasurer's unpaid list");
        (await Requests.QueueAsync(new DocumentQueueFilter(UnpaidOnly: true), 0, 100)).Items.Should().OnlyContain(x => !x.Settled);
    }

    [Fact]
    public async Task FullFlow_ReviewPayApprove_CertificateFrozenAndVerifiable()
    {
        var r = await FiledByJuanAsync();
        await _host.AsSecretaryAsync();
        var reviewed = await Requests.ReviewAsync(r.Id, r.Version);
        reviewed.Ok.Should().BeTrue(reviewed.Message);

        await _host.AsKapitanAsync();
        var unpaid = await Requests.ApproveAsync(r.Id, reviewed.Value!.Version);
        unpaid.Kind.Should().Be(ResultKind.Invalid);
        unpaid.Message.Should().Contain("₱100.00 is not paid");

        await _host.AsSecretaryAsync();
        (await Requests.RecordPaymentAsync(r.Id, reviewed.Value.Version, new PaymentEntry("OR-1001", 100))).Message.Should().Contain("treasurer");
        var treasurer = await _host.AsTreasurerAsync();
        var paid = await Requests.RecordPaymentAsync(r.Id, reviewed.Value.Version, new PaymentEntry("OR-1001", 100));
        paid.Ok.Should().BeTrue(paid.Message);
        paid.Value!.Payment!.Should().Match<PaymentInfo>(p => p.OrNumber == "OR-1001" && p.Amount == 100 && p.CollectedBy == treasurer);
        (await Requests.ApproveAsync(r.Id, paid.Value.Version)).Message.Should().Contain("may not approve", "the treasurer collects, the Punong Barangay approves");

        var kapitan = await _host.AsKapitanAsync();
        var approved = await Requests.ApproveAsync(r.Id, paid.Value.Version);
        approved.Ok.Should().BeTrue(approved.Message);
        var a = approved.Value!;
        (a.Status, a.HasCertificate).Should().Be((DocumentRequestStatuses.Approved, true));
        a.Certificate!.HolderName.Should().Be("JUAN P. DELA CRUZ");
        a.Certificate.PunongBarangay.Should().Be("Hon. Ricardo M. Dela Cruz");
        a.Certificate.Body.Should().Contain("Employment").And.Contain("Barangay San Isidro");
        a.Certificate.OrNumber.Should().Be("OR-1001");
        a.Certificate.ValidUntil.Should().Be(TestClock.ManilaToday.AddDays(180));
        await using (var db = await _host.Services.DbAsync())
        {
            var row = await db.DocumentRequests.AsNoTracking().SingleAsync(x => x.Id == r.Id);
            (row.ProcessedBy, row.ProcessedAt).Should().Match<(Guid?, DateTime?)>(t => t.Item1 == kapitan && t.Item2 != null);
            (await db.AuditLogs.AsNoTracking().CountAsync(x => x.ActionType == AuditActions.StatusChange && x.TargetId == r.Id.ToString())).Should().Be(2);
            (await db.Notifications.AsNoTracking().Select(n => n.Payload!).ToListAsync()).Count(p => p.Contains(r.RequestId)).Should().Be(3, "submitted, reviewed, approved");
        }

        var verified = await Requests.VerifyAsync(a.Certificate.VerificationCode);
        verified.Genuine.Should().BeTrue();
        verified.HolderName.Should().Be("JUAN P. D.");
        verified.TypeLabel.Should().Be("Barangay Clearance");
        verified.ValidUntil.Should().Be(a.Certificate.ValidUntil);

        var code = a.Certificate.VerificationCode;
        var altered = (code[5] == 'A' ? "B" : "A") is var c ? code[..5] + c + code[6..] : code;
        (await Requests.VerifyAsync(altered)).Genuine.Should().BeFalse();
        (await Requests.VerifyAsync("not-a-code")).Genuine.Should().BeFalse();
        (await Requests.VerifyAsync(new string('A', 38))).Genuine.Should().BeFalse();
        (await Requests.VerifyAsync("%%%<script>")).Genuine.Should().BeFalse();
    }

    /// <summary>Juan's clearance, reviewed, fee waived and approved; returns the request and its version after approval.</summary>
    private async Task<(Guid Id, Guid Version)> ApprovedForJuanAsync()
    {
        var r = await FiledByJuanAsync();
        await _host.AsSecretaryAsync();
        var v = (await Requests.ReviewAsync(r.Id, r.Version)).Value!.Version;
        await _host.AsTreasurerAsync();
        v = (await Requests.WaiveAsync(r.Id, v, "Indigent family, per social worker")).Value!.Version;
        await _host.AsKapitanAsync();
        var approved = await Requests.ApproveAsync(r.Id, v);
        approved.Ok.Should().BeTrue(approved.Message);
        return (r.Id, approved.Value!.Version);
    }

    private async Task<List<string>> PrintAuditsAsync(Guid id)
    {
        await using var db = await _host.Services.DbAsync();
        return await db.AuditLogs.AsNoTracking()
            .Where(x => x.TargetId == id.ToString() && (x.ActionType == DocumentRequestService.PrintAction || x.ActionType == DocumentRequestService.ReprintAction))
            .OrderBy(x => x.Timestamp).Select(x => x.ActionType).ToListAsync();
    }

    [Fact]
    public async Task Print_JuanPrintsApproved_NothingChangesAndEveryPrintAudited()
    {
        var (id, version) = await ApprovedForJuanAsync();

        await _host.AsJuanAsync();
        var first = await Requests.PrintAsync(id);
        var second = await Requests.PrintAsync(id);

        first.Should().NotBeNull();
        second.Should().BeEquivalentTo(first, "a certificate is re-printed, never altered");
        first!.Waiver.Should().Be("Indigent family, per social worker");
        var after = (await Requests.GetAsync(id))!;
        after.Status.Should().Be(DocumentRequestStatuses.Approved, "printing is not releasing");
        after.Version.Should().Be(version, "a print leaves the request as it was, so the hall's open page is not made stale");
        (await PrintAuditsAsync(id)).Should().Equal(DocumentRequestService.PrintAction, DocumentRequestService.ReprintAction);

        await _host.AsSecretaryAsync();
        (await Requests.ReleaseAsync(id, version)).Ok.Should().BeTrue("the secretary prints, then presses Mark released on the same page");
        await _host.AsJuanAsync();
        (await Requests.PrintAsync(id)).Should().NotBeNull();
        (await PrintAuditsAsync(id)).Should().HaveCount(3);
    }

    [Fact]
    public async Task Print_ManyAtOnceWhileTheHallReleases_EveryPrintAudited()
    {
        var (id, version) = await ApprovedForJuanAsync();
        await _host.AsSecretaryAsync();

        var prints = Enumerable.Range(0, 8).Select(_ => Task.Run(() => Requests.PrintAsync(id))).ToList();
        var release = Task.Run(() => Requests.ReleaseAsync(id, version));
        await Task.WhenAll(prints);

        prints.Should().AllSatisfy(p => p.Result.Should().NotBeNull());
        (await release).Ok.Should().BeTrue("no print competes with the release for the row");
        (await PrintAuditsAsync(id)).Should().HaveCount(8, "every certificate handed out is written down, whatever else happened to the request meanwhile");
    }

    [Fact]
    public async Task Receive_JuanTakesHisApprovedCertificate_ReleasedOnceAndAudited()
    {
        var (id, version) = await ApprovedForJuanAsync();
        await _host.AsSecretaryAsync();
        (await Requests.ReceiveAsync(id, version)).Kind.Should().Be(ResultKind.NotFound, "receiving is the resident's own action on their own request");

        var juan = await _host.AsJuanAsync();
        var received = await Requests.ReceiveAsync(id, version);
        var again = await Requests.ReceiveAsync(id, version);

        received.Ok.Should().BeTrue(received.Message);
        received.Value!.Status.Should().Be(DocumentRequestStatuses.Released);
        received.Value.History[^1].Should().Match<DocumentStatusEntry>(h => h.ById == juan && h.Note == "Downloaded by the resident");
        again.Kind.Should().Be(ResultKind.Conflict, "a double submit changes nothing");
        again.Value!.Status.Should().Be(DocumentRequestStatuses.Released);
        await using var db = await _host.Services.DbAsync();
        var changes = await db.AuditLogs.AsNoTracking().Where(x => x.TargetId == id.ToString() && x.ActionType == AuditActions.StatusChange).ToListAsync();
        changes.Where(x => x.Details!.Contains("resident_download", StringComparison.Ordinal)).Should().ContainSingle().Which.ActorUserId.Should().Be(juan);
    }

    [Fact]
    public async Task Approve_TwoOfficialsAtOnce_ExactlyOneWinsOtherToldWho()
    {
        var r = await FiledByJuanAsync();
        await _host.AsSecretaryAsync();
        var v = (await Requests.ReviewAsync(r.Id, r.Version)).Value!.Version;
        await _host.AsTreasurerAsync();
        v = (await Requests.RecordPaymentAsync(r.Id, v, new PaymentEntry("OR-2002", 100))).Value!.Version;

        // Approval is the Punong Barangay's; the setting delegates it to the secretary too, so two officials can race.
        await using (var db = await _host.Services.DbAsync())
        {
            if (!await db.AppSettings.AnyAsync(s => s.Key == Barangay.Data.Settings.SettingKeys.DocumentApprovers))
                db.AppSettings.Add(new Barangay.Data.Settings.AppSetting { Key = Barangay.Data.Settings.SettingKeys.DocumentApprovers, Value = DocumentApprovers.Write(["Secretary"]) });
            await db.SaveChangesAsync();
        }
        await using var other = new DocumentsTestHost(database.AppConnectionString);
        await other.AsSecretaryAsync();
        await _host.AsKapitanAsync();
        var results = await Task.WhenAll(Requests.ApproveAsync(r.Id, v), other.Requests.ApproveAsync(r.Id, v));

        results.Count(x => x.Ok).Should().Be(1);
        var loser = results.Single(x => !x.Ok);
        loser.Kind.Should().Be(ResultKind.Conflict);
        var winnerName = results[0].Ok ? "Ricardo M. Dela Cruz" : "Liza R. Manalo";
        loser.Message.Should().Contain("already approved by " + winnerName);
        loser.Value!.Status.Should().Be(DocumentRequestStatuses.Approved);
    }

    [Fact]
    public async Task Transitions_IllegalMoves_RefusedWithClearMessages()
    {
        var r = await FiledByJuanAsync();
        await _host.AsKapitanAsync();
        (await Requests.ApproveAsync(r.Id, r.Version)).Message.Should().Be("A request that is submitted cannot be approved; it can be reviewed, be rejected or be cancelled.");
        (await Requests.RejectAsync(r.Id, r.Version, " ")).Message.Should().Contain("reason");
        (await Requests.ReleaseAsync(r.Id, r.Version)).Kind.Should().Be(ResultKind.Invalid);

        await _host.AsJuanAsync();
        var cancelled = await Requests.CancelAsync(r.Id, r.Version, null);
        cancelled.Ok.Should().BeTrue(cancelled.Message);

        await _host.AsKapitanAsync();
        var approve = await Requests.ApproveAsync(r.Id, cancelled.Value!.Version);
        approve.Kind.Should().Be(ResultKind.Invalid);
        approve.Message.Should().Be("This request was cancelled and cannot be approved.");
        (await Requests.ReviewAsync(r.Id, r.Version)).Kind.Should().Be(ResultKind.Conflict, "an old version is a conflict, not a silent overwrite");
    }

    [Fact]
    public async Task Cancel_ByResidentAfterReview_RefusedAndRejectedCannotBeApproved()
    {
        var r = await FiledByJuanAsync();
        await _host.AsSecretaryAsync();
        var v = (await Requests.ReviewAsync(r.Id, r.Version)).Value!.Version;

        await _host.AsJuanAsync();
        (await Requests.CancelAsync(r.Id, v, null)).Message.Should().Contain("already working on this request");

        await _host.AsSecretaryAsync();
        var rejected = await Requests.RejectAsync(r.Id, v, "No valid ID attached");
        rejected.Ok.Should().BeTrue();
        rejected.Value!.Reason.Should().Be("No valid ID attached");
        await _host.AsKapitanAsync();
        (await Requests.ApproveAsync(r.Id, rejected.Value.Version)).Message.Should().Be("This request was rejected and cannot be approved.");
        await using var db = await _host.Services.DbAsync();
        (await db.EmailQueue.AsNoTracking().AnyAsync(e => e.Subject == $"{r.RequestId} rejected" && e.Body!.Contains("No valid ID attached"))).Should().BeTrue();
    }

    [Fact]
    public async Task Payment_BadInputAndDuplicateOr_Refused()
    {
        var r = await FiledByJuanAsync();
        await _host.AsTreasurerAsync();
        (await Requests.RecordPaymentAsync(r.Id, r.Version, new PaymentEntry(" ", 100))).Errors.Should().ContainKey("OrNumber");
        (await Requests.RecordPaymentAsync(r.Id, r.Version, new PaymentEntry("OR-9", 50))).Message.Should().Contain("less than the fee of ₱100.00");
        var paid = await Requests.RecordPaymentAsync(r.Id, r.Version, new PaymentEntry("OR-3003", 100));
        paid.Ok.Should().BeTrue();
        (await Requests.RecordPaymentAsync(r.Id, paid.Value!.Version, new PaymentEntry("OR-3004", 100))).Message.Should().Contain("Already paid: OR OR-3003");

        var second = await FiledByJuanAsync();
        await _host.AsTreasurerAsync();
        (await Requests.RecordPaymentAsync(second.Id, second.Version, new PaymentEntry("OR-3003", 100))).Message.Should().Contain("already recorded on another request");
    }

    [Fact]
    public async Task Queue_FiltersByStatusTypePurokAndOverdue()
    {
        await _host.AsSecretaryAsync();
        var all = await Requests.QueueAsync(new DocumentQueueFilter(), 0, 100);
        all.Total.Should().BeGreaterThanOrEqualTo(60);
        var submitted = await Requests.QueueAsync(new DocumentQueueFilter(Status: "submitted", Purok: "purok-1"), 0, 100);
        submitted.Items.Should().OnlyContain(x => x.Status == "submitted" && x.Purok == "purok-1");
        var overdue = await Requests.QueueAsync(new DocumentQueueFilter(OverdueOnly: true), 0, 100);
        overdue.Total.Should().BeGreaterThan(0, "the demo holds requests weeks old");
        overdue.Items.Should().OnlyContain(x => x.Overdue);
        var business = await Requests.QueueAsync(new DocumentQueueFilter(Type: "business-clearance"), 0, 5);
        business.Items.Should().HaveCountLessThanOrEqualTo(5).And.OnlyContain(x => x.Type == "Business Clearance");
        (await Requests.OverdueCountAsync()).Should().Be(overdue.Total);
    }
}
