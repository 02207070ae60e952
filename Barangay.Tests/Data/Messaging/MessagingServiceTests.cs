using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Files;
using Barangay.Data.Messaging;
using Barangay.Data.Residents;
using Barangay.Data.Seed;
using Barangay.Tests.Data.Files;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Messaging;

/// <summary>Conversations between residents and the hall: who writes, who reads, what the counters and notices say.</summary>
public sealed class MessagingServiceTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private MessagingTestHost _host = null!;
    private MessagingService Messaging => _host.Messaging;

    public Task InitializeAsync()
    {
        _host = new MessagingTestHost(database.AppConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<MessageSent> JuanWritesAsync(string subject = "Streetlight is out", string body = "The streetlight on Mabini St. has been out for a week.")
    {
        await _host.AsJuanAsync();
        var started = await Messaging.StartWithHallAsync(subject, new NewMessage(body));
        started.Ok.Should().BeTrue(started.Message);
        return started.Value!;
    }

    [Fact]
    public async Task StartWithHall_Juan_StoresConversationAwaitingReplyWithResidentAsSender()
    {
        var juan = await _host.AsJuanAsync();
        var sent = await JuanWritesAsync();

        await using var db = await _host.Services.DbAsync();
        var juanRecord = await db.Residents.AsNoTracking().SingleAsync(r => r.UserId == juan);
        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == sent.ConversationId);
        conversation.Subject.Should().Be("Streetlight is out");
        conversation.ResidentId.Should().Be(juanRecord.Id);
        conversation.AwaitingReply.Should().BeTrue();
        var message = await db.Messages.AsNoTracking().SingleAsync(m => m.ConversationId == sent.ConversationId);
        message.SenderUserId.Should().Be(juan);
        message.SenderResidentId.Should().Be(juanRecord.Id, "a resident's message names their record as well as their account");
        (await db.ConversationParticipants.AsNoTracking().Where(p => p.ConversationId == sent.ConversationId).Select(p => p.UserId).ToListAsync())
            .Should().Equal(juan);
        (await db.AuditLogs.AsNoTracking().AnyAsync(a => a.TargetType == MessagingService.TargetType && a.TargetId == sent.ConversationId.ToString() && a.ActionType == AuditActions.Create))
            .Should().BeTrue();

        var secretary = await _host.AsSecretaryAsync();
        var inbox = await Messaging.ListHallInboxAsync(new HallInboxFilter(), 0, 50);
        inbox.Items.Should().Contain(r => r.Id == sent.ConversationId && r.AwaitingReply && r.ResidentName.StartsWith("Dela Cruz, Juan"));
        inbox.Items.TakeWhile(r => r.AwaitingReply).Should().Contain(r => r.Id == sent.ConversationId, "unanswered conversations come first");
        (await _host.NoticesAsync(secretary, sent.ConversationId)).Should().NotBeEmpty("the hall's officials hear of a new conversation when they are not online");
    }

    [Fact]
    public async Task Send_SecretaryReplies_BecomesParticipantAndJuanGetsOneUnreadNoticeAndEmail()
    {
        var sent = await JuanWritesAsync("Barangay clearance", "When can I pick up my clearance?");
        var juan = await _host.AsJuanAsync();
        var secretary = await _host.AsSecretaryAsync();

        var reply = await Messaging.SendAsync(sent.ConversationId, new NewMessage("Tomorrow after 9 AM. Bring your cedula."));
        reply.Ok.Should().BeTrue(reply.Message);
        var second = await Messaging.SendAsync(sent.ConversationId, new NewMessage("The hall opens at 8 AM."));
        second.Ok.Should().BeTrue();

        (await _host.ParticipantAsync(sent.ConversationId, secretary)).Should().NotBeNull("an official who replies becomes a participant");
        (await _host.ParticipantAsync(sent.ConversationId, juan))!.UnreadCount.Should().Be(2);
        await using var db = await _host.Services.DbAsync();
        var officialMessage = await db.Messages.AsNoTracking().FirstAsync(m => m.Id == reply.Value!.Message.Id);
        officialMessage.SenderUserId.Should().Be(secretary);
        officialMessage.SenderResidentId.Should().BeNull("an official writes for the hall, not as a resident");
        (await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == sent.ConversationId)).AwaitingReply.Should().BeFalse();
        var notices = await _host.NoticesAsync(juan, sent.ConversationId);
        notices.Should().ContainSingle("one notice per run of unread messages, not one per message");
        var mails = await _host.EmailsAsync(sent.ConversationId);
        mails.Should().ContainSingle().Which.ToEmail.Should().Be("juan.delacruz@sanisidro.example");
        mails.Should().ContainSingle().Which.Subject.Should().Be("New message: Barangay clearance");
        mails[0].Body.Should().NotContain("Bring your cedula", "the email says that a message came, not what it says");
        _host.Dispatched.Ids.Should().Contain(mails[0].Id);
    }

    [Fact]
    public async Task Send_RecipientOnline_NoNotificationOrEmail()
    {
        var sent = await JuanWritesAsync("Online", "Are you there?");
        var juan = await _host.AsJuanAsync();
        _host.Live.Online[juan] = true;
        await _host.AsSecretaryAsync();

        (await Messaging.SendAsync(sent.ConversationId, new NewMessage("Yes, we are here."))).Ok.Should().BeTrue();

        (await _host.ParticipantAsync(sent.ConversationId, juan))!.UnreadCount.Should().Be(1);
        (await _host.NoticesAsync(juan, sent.ConversationId)).Should().BeEmpty();
        (await _host.EmailsAsync(sent.ConversationId)).Should().BeEmpty();
        _host.Live.Sent.Should().Contain(s => s.Conversation == sent.ConversationId && s.Participants.Contains(juan), "the live signal reaches the online participant");
    }

    [Fact]
    public async Task Send_ResidentTurnedEmailOff_NotificationButNoEmail()
    {
        var (user, residentId) = await _host.NewResidentAsync("quiet." + Guid.NewGuid().ToString("N")[..6] + "@example.ph");
        await using (var db = await _host.Services.DbAsync())
        {
            var r = await db.Residents.SingleAsync(x => x.Id == residentId);
            r.PrivacySettings = new MyPrivacy(AllowEmailNotifications: false).MergeInto(r.PrivacySettings);
            await db.SaveChangesAsync();
        }
        await _host.AsSecretaryAsync();

        var started = await Messaging.StartWithResidentAsync(residentId, "Your ID", "Your barangay ID is ready.");

        started.Ok.Should().BeTrue(started.Message);
        (await _host.NoticesAsync(user, started.Value!.ConversationId)).Should().ContainSingle();
        (await _host.EmailsAsync(started.Value.ConversationId)).Should().BeEmpty("the resident chose no email");
    }

    [Fact]
    public async Task Open_Juan_MessagesOldestFirstAndMarkedRead()
    {
        var sent = await JuanWritesAsync("Order", "first");
        var juan = await _host.AsJuanAsync();
        await _host.AsSecretaryAsync();
        await Messaging.SendAsync(sent.ConversationId, new NewMessage("second"));
        await Messaging.SendAsync(sent.ConversationId, new NewMessage("<b>third</b>"));
        await _host.AsJuanAsync();

        var view = await Messaging.OpenAsync(sent.ConversationId);

        view.Should().NotBeNull();
        view!.Messages.Select(m => m.Body).Should().Equal("first", "second", "<b>third</b>");
        view.Messages[0].Mine.Should().BeTrue();
        view.Messages[1].FromHall.Should().BeTrue();
        var me = await _host.ParticipantAsync(sent.ConversationId, juan);
        me!.UnreadCount.Should().Be(0);
        me.LastReadAt.Should().BeCloseTo(TestClock.UtcNow, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task UnreadCount_SumsOverConversations()
    {
        var (user, residentId) = await _host.NewResidentAsync();
        await _host.AsSecretaryAsync();
        var a = (await Messaging.StartWithResidentAsync(residentId, "A", "one")).Value!;
        await Messaging.SendAsync(a.ConversationId, new NewMessage("two"));
        await Messaging.StartWithResidentAsync(residentId, "B", "three");
        _host.As(user, "Resident", "resident");

        (await Messaging.UnreadCountAsync()).Should().Be(3);
        var mine = await Messaging.ListMineAsync();
        mine.Should().HaveCount(2);
        mine.Single(r => r.Subject == "A").Unread.Should().Be(2);
        await Messaging.OpenAsync(a.ConversationId);
        (await Messaging.UnreadCountAsync()).Should().Be(1);
    }

    [Theory]
    [InlineData("", "Subject", "Subject is required.")]
    [InlineData("   ", "Subject", "Subject is required.")]
    public async Task StartWithHall_NoSubject_Refused(string subject, string field, string error)
    {
        await _host.AsJuanAsync();
        var result = await Messaging.StartWithHallAsync(subject, new NewMessage("hello"));
        result.Kind.Should().Be(ResultKind.Invalid);
        result.Errors[field].Should().Be(error);
    }

    [Fact]
    public async Task Send_EmptyOr20000Characters_RefusedWithTheReasonAndNothingWritten()
    {
        var sent = await JuanWritesAsync("Limits", "hello");
        await _host.AsJuanAsync();

        var empty = await Messaging.SendAsync(sent.ConversationId, new NewMessage("  \n  "));
        var huge = await Messaging.SendAsync(sent.ConversationId, new NewMessage(new string('a', 20_000)));

        empty.Kind.Should().Be(ResultKind.Invalid);
        empty.Errors["Body"].Should().Be("The message is empty. Write something before sending.");
        huge.Kind.Should().Be(ResultKind.Invalid);
        huge.Errors["Body"].Should().Be("The message is longer than 10,000 characters (it has 20,000). Shorten it or send it in parts.");
        await using var db = await _host.Services.DbAsync();
        (await db.Messages.AsNoTracking().CountAsync(m => m.ConversationId == sent.ConversationId)).Should().Be(1);
    }

    [Fact]
    public async Task Attach_ForbiddenType_RefusedWithTheReason()
    {
        await _host.AsJuanAsync();
        var program = await Messaging.AttachAsync("photo.png", new MemoryStream(SampleFiles.WindowsProgram));
        var sheet = await Messaging.AttachAsync("list.xlsx", new MemoryStream(SampleFiles.Xlsx));

        program.Succeeded.Should().BeFalse();
        program.Refusal.Should().NotBeNullOrWhiteSpace();
        sheet.Succeeded.Should().BeFalse();
        sheet.Refusal.Should().Contain("PDF, JPEG or PNG");
    }

    [Fact]
    public async Task Send_FileUploadedForSomethingElse_RefusedAsAttachment()
    {
        var sent = await JuanWritesAsync("Files", "see attached");
        await _host.AsJuanAsync();
        var files = _host.Services.Get<FileService>();
        var photo = await files.UploadAsync(new FileUploadRequest("me.png", FileKinds.Images, FileSensitivity.Photo), new MemoryStream(SampleFiles.Png));

        var result = await Messaging.SendAsync(sent.ConversationId, new NewMessage("here", [photo.File!.Id]));

        result.Kind.Should().Be(ResultKind.Invalid);
        result.Errors["Attachments"].Should().Be("\"me.png\" cannot be attached to a message: only PDF, JPEG or PNG files can.");
    }

    [Fact]
    public async Task Attachment_ParticipantsReadThroughSignedLink_OthersGetNotFound()
    {
        await _host.AsJuanAsync();
        var png = await Messaging.AttachAsync("leak.png", new MemoryStream(SampleFiles.Png));
        png.Succeeded.Should().BeTrue(png.Refusal);
        var started = await Messaging.StartWithHallAsync("Leak", new NewMessage("Photo of the leak", [png.File!.Id]));
        started.Ok.Should().BeTrue(started.Message);
        started.Value!.Message.Attachments.Should().ContainSingle().Which.FileName.Should().Be("leak.png");

        var secretary = await _host.AsSecretaryAsync();
        var view = await Messaging.OpenAsync(started.Value.ConversationId);
        var link = view!.Messages.Single().Attachments.Single().Url;
        link.Should().StartWith($"/files/{png.File.Id}?");
        var query = System.Web.HttpUtility.ParseQueryString(link[(link.IndexOf('?', StringComparison.Ordinal) + 1)..]);
        var files = _host.Services.Get<FileService>();
        var (other, _) = await _host.NewResidentAsync();
        _host.As(other, "Other, holding the secretary's link", "resident");
        (await files.ReadByLinkAsync(png.File.Id, query["exp"], query["sub"], query["sig"])).Status.Should().Be(FileReadStatus.Ok);
        await using (var db = await _host.Services.DbAsync())
        {
            var delivered = await db.AuditLogs.AsNoTracking()
                .Where(a => a.ActionType == AuditActions.Download && a.TargetId == png.File.Id.ToString()).ToListAsync();
            delivered.Should().ContainSingle().Which.ActorUserId.Should().Be(secretary, "a link's downloads are audited in the name of the user it was issued to");
        }

        _host.As(other, "Other", "resident");
        (await files.ReadAsync(png.File.Id)).Status.Should().Be(FileReadStatus.NotFound);
        (await Messaging.OpenAsync(started.Value.ConversationId)).Should().BeNull();
    }

    [Fact]
    public async Task Security_OtherResidentAndAdmin_GetNotFoundAndRefusalIsAudited()
    {
        var sent = await JuanWritesAsync("Private", "only for the hall");
        var (other, _) = await _host.NewResidentAsync();
        _host.As(other, "Other", "resident");

        (await Messaging.OpenAsync(sent.ConversationId)).Should().BeNull();
        (await Messaging.SendAsync(sent.ConversationId, new NewMessage("let me in"))).Kind.Should().Be(ResultKind.NotFound);
        (await Messaging.ListMineAsync()).Should().NotContain(r => r.Id == sent.ConversationId);
        (await Messaging.ListHallInboxAsync(new HallInboxFilter(), 0, 50)).Items.Should().BeEmpty("a resident has no hall inbox");

        await _host.SignInAsync(DemoAccounts.AdminUser);
        (await Messaging.OpenAsync(sent.ConversationId)).Should().BeNull("admins keep the system, they do not read residents' messages");

        await using var db = await _host.Services.DbAsync();
        var refusals = await db.AuditLogs.AsNoTracking().Where(a => a.TargetId == sent.ConversationId.ToString() && a.ActionType == AuditActions.View).ToListAsync();
        refusals.Where(a => a.Details!.Contains("refused", StringComparison.Ordinal)).Should().HaveCount(3, "the other resident's open and send, and the admin's open");
        (await db.Messages.AsNoTracking().CountAsync(m => m.ConversationId == sent.ConversationId)).Should().Be(1);
    }

    [Fact]
    public async Task StartWithResident_LinkedComplaint_FilteredInInboxByLinkPurokAndResident()
    {
        var juanUser = await _host.AsJuanAsync();
        await _host.AsSecretaryAsync();
        await using var db = await _host.Services.DbAsync();
        var juan = await db.Residents.AsNoTracking().SingleAsync(r => r.UserId == juanUser);
        var complaint = await db.Complaints.AsNoTracking().FirstAsync(c => c.ResidentId == juan.Id);
        var otherComplaint = await db.Complaints.AsNoTracking().FirstAsync(c => c.ResidentId != juan.Id && c.ResidentId != null);

        var wrong = await Messaging.StartWithResidentAsync(juan.Id, "About your complaint", "Hello", (ConversationLinks.Complaint, otherComplaint.Id));
        wrong.Kind.Should().Be(ResultKind.Invalid);
        wrong.Errors["Link"].Should().Contain("not found for this resident");

        var started = await Messaging.StartWithResidentAsync(juan.Id, "About your complaint", "We will inspect on Monday.", (ConversationLinks.Complaint, complaint.Id));
        started.Ok.Should().BeTrue(started.Message);

        var byLink = await Messaging.ListHallInboxAsync(new HallInboxFilter(Link: new ConversationLink(ConversationLinks.Complaint, complaint.Id)), 0, 20);
        byLink.Items.Should().ContainSingle().Which.Id.Should().Be(started.Value!.ConversationId);
        (await Messaging.ListHallInboxAsync(new HallInboxFilter(Purok: juan.Purok), 0, 100)).Items.Should().Contain(r => r.Id == started.Value.ConversationId);
        (await Messaging.ListHallInboxAsync(new HallInboxFilter(Purok: "no-such-purok"), 0, 100)).Items.Should().BeEmpty();
        (await Messaging.ListHallInboxAsync(new HallInboxFilter(ResidentId: juan.Id), 0, 100)).Items.Should().OnlyContain(r => r.ResidentCode == juan.ResidentId);
    }

    [Fact]
    public async Task StartWithResident_NoAccount_RefusedWithTheReason()
    {
        await _host.AsSecretaryAsync();
        await using var db = await _host.Services.DbAsync();
        var noAccount = await db.Residents.AsNoTracking().FirstAsync(r => r.UserId == null);

        var result = await Messaging.StartWithResidentAsync(noAccount.Id, "Hello", "Please visit the hall.");

        result.Kind.Should().Be(ResultKind.Invalid);
        result.Errors["Resident"].Should().StartWith("This resident has no account on the app");
    }

    [Fact]
    public async Task Send_TwentyAtOnce_AllStoredAndUnreadCountsExact()
    {
        var sent = await JuanWritesAsync("Busy", "start");
        await _host.AsSecretaryAsync();
        (await Messaging.SendAsync(sent.ConversationId, new NewMessage("joined"))).Ok.Should().BeTrue();
        var kagawad = await _host.NewOfficialAsync();
        _host.As(kagawad, "Kagawad", "official");
        (await Messaging.SendAsync(sent.ConversationId, new NewMessage("joined too"))).Ok.Should().BeTrue();
        var juan = await _host.AsJuanAsync();
        await Messaging.OpenAsync(sent.ConversationId);
        var secretary = await _host.AsSecretaryAsync();
        await Messaging.OpenAsync(sent.ConversationId);
        _host.As(kagawad, "Kagawad", "official");
        await Messaging.OpenAsync(sent.ConversationId);

        // Twenty sends from Juan's phone at once, each on its own connection.
        await _host.AsJuanAsync();
        var results = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => Task.Run(() => Messaging.SendAsync(sent.ConversationId, new NewMessage($"message {i}")))));

        results.Should().OnlyContain(r => r.Ok);
        await using var db = await _host.Services.DbAsync();
        (await db.Messages.AsNoTracking().CountAsync(m => m.ConversationId == sent.ConversationId)).Should().Be(23);
        (await _host.ParticipantAsync(sent.ConversationId, secretary))!.UnreadCount.Should().Be(20);
        (await _host.ParticipantAsync(sent.ConversationId, kagawad))!.UnreadCount.Should().Be(20);
        (await _host.ParticipantAsync(sent.ConversationId, juan))!.UnreadCount.Should().Be(0);
    }
}
