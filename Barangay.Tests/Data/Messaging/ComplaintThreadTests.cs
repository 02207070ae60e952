using Barangay.Data.Accounts;
using Barangay.Data.Common;
using Barangay.Data.Security;
using Barangay.Data.Messaging;
using Barangay.Tests.Data.Complaints;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Barangay.Tests.Data.Messaging;

/// <summary>A complaint's one thread, opened by the first person who writes; system events; the hall inbox's name search.</summary>
public class ComplaintThreadTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private ComplaintsTestHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new ComplaintsTestHost(database.AppConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<Guid> JuanFilesAsync()
    {
        await _host.AsJuanAsync();
        return (await _host.Complaints.FileAsync(ComplaintsTestHost.Noise())).Value!.Id;
    }

    private async Task<int> ThreadsOfAsync(Guid complaint)
    {
        await using var db = await _host.Services.DbAsync();
        return await db.Conversations.AsNoTracking().CountAsync(c => c.LinkType == ConversationLinks.Complaint && c.LinkId == complaint);
    }

    [Fact]
    public async Task WriteAboutComplaint_ComplainantThenHall_OneThreadAwaitingTheHallThenAnswered()
    {
        var complaint = await JuanFilesAsync();
        (await ThreadsOfAsync(complaint)).Should().Be(0);

        var first = await _host.Messaging.WriteAboutComplaintAsync(complaint, new NewMessage("The videoke started again at 11 PM."));
        first.Ok.Should().BeTrue(first.Message);
        var again = await _host.Messaging.WriteAboutComplaintAsync(complaint, new NewMessage("Still going at 1 AM."));
        again.Value!.ConversationId.Should().Be(first.Value!.ConversationId);
        (await _host.Complaints.GetAsync(complaint))!.ConversationId.Should().Be(first.Value.ConversationId);

        await _host.AsSecretaryAsync();
        var inbox = await _host.Messaging.ListHallInboxAsync(new HallInboxFilter(), 0, 100);
        inbox.Items.Should().ContainSingle(c => c.Link != null && c.Link.Id == complaint).Which.AwaitingReply.Should().BeTrue();
        var reply = await _host.Messaging.WriteAboutComplaintAsync(complaint, new NewMessage("We will send a tanod tonight."));
        reply.Value!.ConversationId.Should().Be(first.Value.ConversationId);

        (await ThreadsOfAsync(complaint)).Should().Be(1);
        var view = (await _host.Messaging.OpenAsync(first.Value.ConversationId))!;
        view.Messages.Select(m => (m.Body, m.System)).Should().Equal(
            ("The videoke started again at 11 PM.", false), ("Still going at 1 AM.", false), ("We will send a tanod tonight.", false));
        view.AwaitingReply.Should().BeFalse();
    }

    [Fact]
    public async Task ComplaintThread_ASecondThreadForTheSameComplaint_IsRefusedByTheDatabase()
    {
        var complaint = await JuanFilesAsync();
        (await _host.Messaging.WriteAboutComplaintAsync(complaint, new NewMessage("First."))).Ok.Should().BeTrue();

        await using var db = await _host.Services.DbAsync();
        db.Conversations.Add(new Conversation { Id = Guid.NewGuid(), Subject = "Second", LinkType = ConversationLinks.Complaint, LinkId = complaint });
        var second = async () => await db.SaveChangesAsync();

        (await second.Should().ThrowAsync<DbUpdateException>()).Which.InnerException.Should().BeOfType<PostgresException>()
            .Which.ConstraintName.Should().Be(ConversationConfiguration.ComplaintThreadIndex);
    }

    [Fact]
    public async Task WriteAboutComplaint_ComplainantAndHallWriteFirstAtOnce_OneThreadHoldsBothMessages()
    {
        var complaint = await JuanFilesAsync();
        await using var hall = new ComplaintsTestHost(database.AppConnectionString);
        await hall.AsSecretaryAsync();

        var both = await Task.WhenAll(
            _host.Messaging.WriteAboutComplaintAsync(complaint, new NewMessage("From Juan.")),
            hall.Messaging.WriteAboutComplaintAsync(complaint, new NewMessage("From the hall.")));

        both.Should().OnlyContain(r => r.Ok);
        both.Select(r => r.Value!.ConversationId).Distinct().Should().ContainSingle("a complaint has one thread");
        (await ThreadsOfAsync(complaint)).Should().Be(1);
        await using var db = await _host.Services.DbAsync();
        (await db.Messages.CountAsync(m => m.ConversationId == both[0].Value!.ConversationId && m.SenderUserId != null)).Should().Be(2);
    }

    [Fact]
    public async Task WriteAboutComplaint_HallFirst_ComplainantIsInTheThread()
    {
        var complaint = await JuanFilesAsync();
        await _host.AsSecretaryAsync();

        var sent = await _host.Messaging.WriteAboutComplaintAsync(complaint, new NewMessage("Can you tell us the house number?"));

        sent.Ok.Should().BeTrue(sent.Message);
        await _host.AsJuanAsync();
        (await _host.Messaging.ListMineAsync()).Should().ContainSingle(c => c.Id == sent.Value!.ConversationId).Which.Unread.Should().Be(1);
    }

    /// <summary>
    /// A VAWC complaint's thread follows the complaint's rule (RA 9262, sec. 44): an admin, who sees other confidential
    /// complaints' threads, neither lists nor opens it; the Punong Barangay does.
    /// </summary>
    [Fact]
    public async Task VawcComplaintThread_HiddenFromAdminAndSecretary_InInboxAndByItsId_SeenByThePunongBarangay()
    {
        await _host.AsJuanAsync();
        var input = ComplaintsTestHost.Noise();
        input.Category = Barangay.Data.Complaints.Kp.KpIntakeRules.VawcCategory;
        var complaint = (await _host.Complaints.FileAsync(input)).Value!.Id;
        var thread = (await _host.Messaging.WriteAboutComplaintAsync(complaint, new NewMessage("He came back last night."))).Value!.ConversationId;

        // The secretary who is also the system's admin (a small hall): the hall inbox and view_confidential, not view_vawc.
        async Task AsSecretaryAndAdminAsync()
        {
            var id = await _host.AsSecretaryAsync();
            _host.Services.Caller.Current = TestCaller.As(id, "secretary", [AppRoles.Official, AppRoles.Admin], OfficialPositions.Secretary);
        }
        foreach (var who in new Func<Task>[] { _host.AsAdminAsync, _host.AsSecretaryAsync, AsSecretaryAndAdminAsync })
        {
            await who();
            (await _host.Messaging.ListHallInboxAsync(new HallInboxFilter(), 0, 100)).Items.Should().NotContain(c => c.Id == thread);
            (await _host.Messaging.OpenAsync(thread)).Should().BeNull("sec. 44: not every holder of the hall inbox or of view_confidential");
        }
        await _host.AsKapitanAsync();
        (await _host.Messaging.ListHallInboxAsync(new HallInboxFilter(), 0, 100)).Items.Should().Contain(c => c.Id == thread);
        (await _host.Messaging.OpenAsync(thread))!.Messages.Should().Contain(m => m.Body == "He came back last night.");
    }

    [Fact]
    public async Task WriteAboutComplaint_AnotherResident_NotFoundAndNoThread()
    {
        var complaint = await JuanFilesAsync();
        var other = (await Barangay.Tests.Data.Events.CommunityTestData.CreateResidentsAsync(database.AppConnectionString, 1, "purok-1"))[0];
        _host.Services.Caller.Current = Barangay.Tests.Data.Events.CommunityTestData.CallerOf(other);

        (await _host.Messaging.WriteAboutComplaintAsync(complaint, new NewMessage("Let me in"))).Kind.Should().Be(ResultKind.NotFound);
        (await ThreadsOfAsync(complaint)).Should().Be(0);
    }

    [Fact]
    public async Task SystemOnlyThread_ListedNowhere_OpenedShowsItAsASystemEvent()
    {
        // A thread as filing used to open it, after the migration took the filer's name off its automatic message.
        var complaint = await JuanFilesAsync();
        var juan = _host.Services.Caller.Current.UserId!.Value;
        var thread = Guid.NewGuid();
        await using (var conn = new NpgsqlConnection(database.AppConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO conversations (id, subject, resident_id, created_by, link_type, link_id, awaiting_reply, last_message_at)
                SELECT @t, 'Complaint (old)', resident_id, @u, 'complaint', @c, false, now() FROM complaints WHERE id = @c;
                INSERT INTO conversation_participants (id, conversation_id, user_id, unread_count) VALUES (gen_random_uuid(), @t, @u, 0);
                INSERT INTO messages (id, conversation_id, body) VALUES (gen_random_uuid(), @t, 'Complaint CMP was filed. Write here to add details or ask the hall about it.');
                """, conn);
            cmd.Parameters.AddWithValue("t", thread);
            cmd.Parameters.AddWithValue("u", juan);
            cmd.Parameters.AddWithValue("c", complaint);
            await cmd.ExecuteNonQueryAsync();
        }

        (await _host.Messaging.ListMineAsync()).Should().NotContain(c => c.Id == thread);
        var view = (await _host.Messaging.OpenAsync(thread))!;
        view.Messages.Should().ContainSingle().Which.System.Should().BeTrue();
        await _host.AsSecretaryAsync();
        (await _host.Messaging.ListHallInboxAsync(new HallInboxFilter(), 0, 100)).Items.Should().NotContain(c => c.Id == thread);

        await _host.AsJuanAsync();
        var sent = await _host.Messaging.WriteAboutComplaintAsync(complaint, new NewMessage("Any news?"));
        sent.Value!.ConversationId.Should().Be(thread, "one thread per complaint: the old one is written into");
        await _host.AsSecretaryAsync();
        (await _host.Messaging.ListHallInboxAsync(new HallInboxFilter(), 0, 100)).Items.Should().Contain(c => c.Id == thread);
    }

    [Fact]
    public async Task HallInbox_NameSearch_WordsOfTheResidentsName()
    {
        var complaint = await JuanFilesAsync();
        var thread = (await _host.Messaging.WriteAboutComplaintAsync(complaint, new NewMessage("Hello"))).Value!.ConversationId;
        await _host.AsSecretaryAsync();

        async Task<IReadOnlyList<ConversationRow>> Search(string name) =>
            (await _host.Messaging.ListHallInboxAsync(new HallInboxFilter(Name: name), 0, 100)).Items;

        (await Search("dela cruz juan")).Should().Contain(c => c.Id == thread);
        (await Search("DELA CRUZ")).Should().Contain(c => c.Id == thread);
        (await Search("dela cruz zzyzx")).Should().BeEmpty();
        (await Search("%")).Should().BeEmpty("a wildcard is a character to find, not 'everyone'");
    }
}
