using Barangay.Data.Common;
using Barangay.Data.Complaints;
using Barangay.Data.Messaging;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Complaints;

/// <summary>Filing from the phone and the hall, the triage queue, the status machine, who may see what.</summary>
public class ComplaintServiceTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private ComplaintsTestHost _host = null!;
    private ComplaintService Complaints => _host.Complaints;

    public Task InitializeAsync()
    {
        _host = new ComplaintsTestHost(database.AppConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<ComplaintAck> JuanFilesAsync(bool confidential = false)
    {
        await _host.AsJuanAsync();
        var result = await Complaints.FileAsync(ComplaintsTestHost.Noise(confidential));
        result.Ok.Should().BeTrue(result.Message);
        return result.Value!;
    }

    [Fact]
    public async Task File_JuanFromPhone_GetsIdAcknowledgementAndTriageNotified_NoThreadUntilSomeoneWrites()
    {
        var juan = await _host.AsJuanAsync();

        var result = await Complaints.FileAsync(ComplaintsTestHost.Noise());

        result.Ok.Should().BeTrue(result.Message);
        var ack = result.Value!;
        ack.ComplaintId.Should().MatchRegex(@"^CMP-\d{4}-\d{6}$");
        ack.Message.Should().Contain(ack.ComplaintId).And.Contain("received");
        await using var db = await _host.Services.DbAsync();
        var row = await db.Complaints.AsNoTracking().SingleAsync(c => c.Id == ack.Id);
        (row.Status, row.Priority, row.Purok, row.Category).Should().Be((ComplaintStatuses.New, "normal", "purok-1", "noise"));
        (await db.Conversations.AsNoTracking().AnyAsync(c => c.LinkType == ConversationLinks.Complaint && c.LinkId == ack.Id))
            .Should().BeFalse("an automatic first message read as the resident's words and flooded the hall inbox");
        ack.ConversationId.Should().BeNull();
        var secretary = await db.Users.AsNoTracking().Where(u => u.UserName == "secretary").Select(u => u.Id).SingleAsync();
        (await db.Notifications.AsNoTracking().Where(n => n.UserId == secretary).Select(n => n.Payload!).ToListAsync()).Should().Contain(p => p.Contains(ack.ComplaintId));
        (await db.AuditLogs.AsNoTracking().AnyAsync(a => a.TargetType == "Complaint" && a.TargetId == ack.Id.ToString() && a.ActionType == "Create")).Should().BeTrue();
        (await Complaints.MinePageAsync(false, 0, 100)).Items.Should().Contain(c => c.ComplaintId == ack.ComplaintId && c.Status == ComplaintStatuses.New);
    }

    [Fact]
    public async Task File_WalkInForNonResident_RecordsNameContactAndChannel()
    {
        await _host.AsSecretaryAsync();

        var input = ComplaintsTestHost.Noise();
        input.ComplainantName = "Pedro Penduko";
        input.Contact = "0917 555 0199";
        input.Channel = ComplaintChannels.Phone;
        input.Purok = "purok-2";
        var result = await Complaints.FileAsync(input);

        result.Ok.Should().BeTrue(result.Message);
        var detail = await Complaints.GetAsync(result.Value!.Id);
        (detail!.Complainant, detail.Contact, detail.Channel, detail.Purok, detail.ConversationId).Should().Be(("Pedro Penduko", "0917 555 0199", "phone", "purok-2", (Guid?)null));
    }

    [Fact]
    public async Task File_ResidentPretendingWalkIn_NotFound()
    {
        await _host.AsJuanAsync();
        var input = ComplaintsTestHost.Noise();
        input.ResidentId = await _host.OtherResidentAsync();

        (await Complaints.FileAsync(input)).Kind.Should().Be(ResultKind.NotFound);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task File_EmptyDescription_RefusedWithReason(string description)
    {
        await _host.AsJuanAsync();

        var result = await Complaints.FileAsync(ComplaintsTestHost.Noise(description: description));

        result.Kind.Should().Be(ResultKind.Invalid);
        result.Errors["Description"].Should().Be("Describe what happened: the description is required.");
    }

    [Fact]
    public async Task File_HundredThousandCharacterDescription_RefusedWithReasonAndNothingWritten()
    {
        await _host.AsJuanAsync();
        await using var db = await _host.Services.DbAsync();
        var before = await db.Complaints.CountAsync();

        var result = await Complaints.FileAsync(ComplaintsTestHost.Noise(description: new string('x', 100_000)));

        result.Kind.Should().Be(ResultKind.Invalid);
        result.Errors["Description"].Should().Contain("100,000 characters").And.Contain("5,000");
        (await db.Complaints.CountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task File_UnknownCategoryAndPurok_RefusedNamingEachField()
    {
        await _host.AsJuanAsync();
        var input = ComplaintsTestHost.Noise();
        input.Category = "aliens";
        input.Purok = "purok-99";

        var result = await Complaints.FileAsync(input);

        result.Errors.Should().ContainKey("Category").And.ContainKey("Purok");
    }

    [Fact]
    public async Task Get_AnotherResidentsComplaint_NotFoundAndNotInMine()
    {
        await _host.AsSecretaryAsync();
        var input = ComplaintsTestHost.Noise();
        input.ResidentId = await _host.OtherResidentAsync();
        var others = (await Complaints.FileAsync(input)).Value!;
        await _host.AsJuanAsync();

        (await Complaints.GetAsync(others.Id)).Should().BeNull();
        (await Complaints.MinePageAsync(false, 0, 100)).Items.Should().NotContain(c => c.Id == others.Id);
        (await Complaints.QueueAsync(new ComplaintQueueFilter(), 0, 50)).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Get_Complainant_SeesStatusButNeverInternalNotes()
    {
        var ack = await JuanFilesAsync();
        await _host.AsSecretaryAsync();
        var hall = await Complaints.GetAsync(ack.Id);
        var noted = await Complaints.AddNoteAsync(ack.Id, "Neighbor is the barangay tanod's cousin; handle with care.", hall!.Version);
        noted.Ok.Should().BeTrue(noted.Message);
        noted.Value!.Notes.Should().ContainSingle();
        await _host.AsJuanAsync();

        var mine = await Complaints.GetAsync(ack.Id);

        mine!.Notes.Should().BeEmpty();
        mine.ForHall.Should().BeFalse();
        mine.Status.Should().Be(ComplaintStatuses.New);
    }

    [Fact]
    public async Task ChangeStatus_ClosingANewComplaint_RefusedWithClearMessage()
    {
        var ack = await JuanFilesAsync();
        await _host.AsSecretaryAsync();
        var d = await Complaints.GetAsync(ack.Id);

        var result = await Complaints.ChangeStatusAsync(ack.Id, ComplaintStatuses.Closed, null, d!.Version);

        result.Kind.Should().Be(ResultKind.Invalid);
        result.Message.Should().Be("A new complaint cannot be closed; it can be moved to in progress or be rejected.");
    }

    [Fact]
    public async Task ChangeStatus_FullLife_ResolvedAtNotesNotifiedAndAudited()
    {
        var ack = await JuanFilesAsync();
        var juanId = _host.Services.Caller.Current.UserId;
        await _host.AsSecretaryAsync();
        var d = (await Complaints.GetAsync(ack.Id))!;

        d = (await Complaints.ChangeStatusAsync(ack.Id, ComplaintStatuses.InProgress, null, d.Version)).Value!;
        var noNotes = await Complaints.ChangeStatusAsync(ack.Id, ComplaintStatuses.Resolved, " ", d.Version);
        noNotes.Message.Should().Contain("resolution notes");
        d = (await Complaints.ChangeStatusAsync(ack.Id, ComplaintStatuses.Resolved, "Owner agreed to stop at 10 PM.", d.Version)).Value!;
        d = (await Complaints.ChangeStatusAsync(ack.Id, ComplaintStatuses.Closed, null, d.Version)).Value!;

        d.Status.Should().Be(ComplaintStatuses.Closed);
        d.ResolutionNotes.Should().Be("Owner agreed to stop at 10 PM.");
        d.ResolvedAt.Should().NotBeNull();
        await using var db = await _host.Services.DbAsync();
        (await db.AuditLogs.AsNoTracking().CountAsync(a => a.TargetId == ack.Id.ToString() && a.ActionType == "StatusChange")).Should().Be(3);
        var texts = await db.Notifications.AsNoTracking().Where(n => n.UserId == juanId).Select(n => n.Payload!).ToListAsync();
        texts.Should().Contain(p => p.Contains("was resolved")).And.Contain(p => p.Contains("was closed"));
        (await Complaints.ChangeStatusAsync(ack.Id, ComplaintStatuses.InProgress, null, d.Version)).Message.Should().Contain("closed and cannot be moved to in progress");
    }

    [Fact]
    public async Task ChangeStatus_RejectWithoutReason_Refused()
    {
        var ack = await JuanFilesAsync();
        await _host.AsSecretaryAsync();
        var d = (await Complaints.GetAsync(ack.Id))!;

        (await Complaints.ChangeStatusAsync(ack.Id, ComplaintStatuses.Rejected, "", d.Version)).Message.Should().Contain("reason for rejecting");
        var ok = await Complaints.ChangeStatusAsync(ack.Id, ComplaintStatuses.Rejected, "Not within the barangay's jurisdiction.", d.Version);
        ok.Value!.RejectionReason.Should().Be("Not within the barangay's jurisdiction.");
    }

    [Fact]
    public async Task Assign_TwoOfficialsAtOnce_OneWinsTheOtherIsTold()
    {
        var ack = await JuanFilesAsync();
        var secretary = await _host.AsSecretaryAsync();
        var seen = (await Complaints.GetAsync(ack.Id))!.Version;
        var secretaryCaller = _host.Services.Caller.Current;
        var kapitan = await _host.AsKapitanAsync();
        var kapitanCaller = _host.Services.Caller.Current;

        // Two circuits: each has its own caller; both saw the same version.
        await using var other = new ComplaintsTestHost(database.AppConnectionString);
        other.Services.Caller.Current = secretaryCaller;
        _host.Services.Caller.Current = kapitanCaller;
        var results = await Task.WhenAll(
            other.Complaints.AssignAsync(ack.Id, secretary, seen),
            _host.Complaints.AssignAsync(ack.Id, kapitan, seen));

        results.Count(r => r.Ok).Should().Be(1);
        var loser = results.Single(r => !r.Ok);
        loser.Kind.Should().Be(ResultKind.Conflict);
        loser.Message.Should().Contain("just before you").And.Contain("assigned it to");
        var winner = results.Single(r => r.Ok).Value!.AssignedTo;
        (await _host.Complaints.GetAsync(ack.Id))!.AssignedTo.Should().Be(winner);
    }

    [Fact]
    public async Task Confidential_HiddenFromOtherOfficialsListsAndSearch_VisibleToAssignedKapitanAdmin_EveryViewAudited()
    {
        var ack = await JuanFilesAsync(confidential: true);
        await _host.AsSecretaryAsync();
        (await Complaints.GetAsync(ack.Id)).Should().BeNull();
        (await Complaints.QueueAsync(new ComplaintQueueFilter(), 0, 100)).Items.Should().NotContain(r => r.Id == ack.Id);
        (await Complaints.QueueAsync(new ComplaintQueueFilter(Search: ack.ComplaintId), 0, 100)).Total.Should().Be(0);
        (await Complaints.QueueAsync(new ComplaintQueueFilter(Search: "Videoke"), 0, 100)).Items.Should().NotContain(r => r.Id == ack.Id);

        await _host.AsKapitanAsync();
        var seen = await Complaints.GetAsync(ack.Id);
        seen.Should().NotBeNull();
        (await Complaints.QueueAsync(new ComplaintQueueFilter(Search: ack.ComplaintId), 0, 100)).Items.Should().ContainSingle(r => r.Id == ack.Id && r.Confidential);
        var kagawad = await _host.AsKagawadAsync();
        (await Complaints.GetAsync(ack.Id)).Should().BeNull();
        await _host.AsKapitanAsync();
        (await Complaints.AssignAsync(ack.Id, kagawad, seen!.Version)).Ok.Should().BeTrue();
        await _host.AsKagawadAsync();
        (await Complaints.GetAsync(ack.Id)).Should().NotBeNull();
        (await Complaints.QueueAsync(new ComplaintQueueFilter(AssignedToMe: true), 0, 100)).Items.Should().Contain(r => r.Id == ack.Id);
        await _host.AsAdminAsync();
        (await Complaints.GetAsync(ack.Id)).Should().NotBeNull();

        await using var db = await _host.Services.DbAsync();
        var views = await db.AuditLogs.AsNoTracking().Where(a => a.TargetId == ack.Id.ToString() && a.ActionType == "View").ToListAsync();
        views.Count(v => v.Details!.Contains("refused")).Should().Be(2);
        views.Count(v => !v.Details!.Contains("refused")).Should().Be(3);
        var notified = (await db.Notifications.AsNoTracking().Select(n => new { n.UserId, n.Payload }).ToListAsync())
            .Where(n => n.Payload!.Contains(ack.ComplaintId)).Select(n => n.UserId).ToList();
        var secretary = await db.Users.AsNoTracking().Where(u => u.UserName == "secretary").Select(u => u.Id).SingleAsync();
        notified.Should().NotContain(secretary, "a confidential complaint is announced only to the Punong Barangay");
        await _host.AsJuanAsync();
        var sent = await _host.Messaging.WriteAboutComplaintAsync(ack.Id, new NewMessage("It happened again."));
        var thread = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == sent.Value!.ConversationId);
        thread.Subject.Should().NotContain("Videoke");
    }

    [Fact]
    public async Task Confidential_ThreadHiddenFromOtherOfficialsHallInbox_ComplainantAndKapitanReadIt()
    {
        var ack = await JuanFilesAsync(confidential: true);
        var thread = (await _host.Messaging.WriteAboutComplaintAsync(ack.Id, new NewMessage("He hit the child again last night."))).Value!.ConversationId;
        (await _host.Messaging.OpenAsync(thread)).Should().NotBeNull("the complainant follows the thread");

        await _host.AsSecretaryAsync();
        (await _host.Messaging.OpenAsync(thread)).Should().BeNull();
        (await _host.Messaging.ListHallInboxAsync(new Barangay.Data.Messaging.HallInboxFilter(), 0, 100)).Items.Should().NotContain(c => c.Id == thread);
        (await _host.Messaging.SendAsync(thread, new Barangay.Data.Messaging.NewMessage("Hello?"))).Kind.Should().Be(ResultKind.NotFound);

        await _host.AsKapitanAsync();
        (await _host.Messaging.ListHallInboxAsync(new Barangay.Data.Messaging.HallInboxFilter(), 0, 100)).Items.Should().Contain(c => c.Id == thread);
        (await _host.Messaging.OpenAsync(thread))!.Messages.Should().Contain(m => m.Body.Contains("hit the child"));
    }

    [Fact]
    public async Task Queue_FiltersByPurokStatusPriorityAndOverdue()
    {
        var ack = await JuanFilesAsync();
        await _host.AsSecretaryAsync();
        var d = (await Complaints.GetAsync(ack.Id))!;
        (await Complaints.SetPriorityAsync(ack.Id, "urgent", d.Version)).Ok.Should().BeTrue();
        (await Complaints.SetPriorityAsync(ack.Id, "whenever", d.Version)).Kind.Should().NotBe(ResultKind.Ok);

        var page = await Complaints.QueueAsync(new ComplaintQueueFilter(Status: "new", Purok: "purok-1", Priority: "urgent"), 0, 20);

        page.Items.Should().Contain(r => r.Id == ack.Id);
        page.Items.Should().OnlyContain(r => r.Status == "new" && r.Priority == "urgent");
        (await Complaints.QueueAsync(new ComplaintQueueFilter(OverdueOnly: true), 0, 100)).Items.Should().NotContain(r => r.Id == ack.Id)
            .And.OnlyContain(r => r.Overdue);
    }
}
