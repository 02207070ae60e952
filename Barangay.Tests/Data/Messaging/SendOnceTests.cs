using Barangay.Data.Messaging;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Messaging;

/// <summary>
/// Issue 29: a phone that lost its signal just after "Send" never saw the answer; its draft comes back with the same
/// send key and the resident sends again. The hall gets one conversation, not two.
/// </summary>
public sealed class SendOnceTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private MessagingTestHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new MessagingTestHost(database.AppConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task StartWithHall_SentAgainWithTheSameKey_OneConversationOneMessage()
    {
        var juan = await _host.AsJuanAsync();
        var key = Guid.NewGuid();
        var subject = "Sirang poste " + key.ToString("N")[..6];

        var first = await _host.Messaging.StartWithHallAsync(subject, new NewMessage("The post near the chapel fell.", SendKey: key));
        var again = await _host.Messaging.StartWithHallAsync(subject, new NewMessage("The post near the chapel fell.", SendKey: key));
        var another = await _host.Messaging.StartWithHallAsync(subject, new NewMessage("A second, separate message.", SendKey: Guid.NewGuid()));

        first.Ok.Should().BeTrue(first.Message);
        again.Ok.Should().BeTrue(again.Message);
        again.Value!.ConversationId.Should().Be(first.Value!.ConversationId, "the second send answers with the conversation the first one opened");
        another.Value!.ConversationId.Should().NotBe(first.Value.ConversationId, "a new form is a new message");
        await using var db = await _host.Services.DbAsync();
        (await db.Conversations.AsNoTracking().CountAsync(c => c.Subject == subject && c.CreatedBy == juan)).Should().Be(2);
        (await db.Messages.AsNoTracking().CountAsync(m => m.ConversationId == first.Value.ConversationId)).Should().Be(1);
    }

    [Fact]
    public async Task StartWithHall_KeyOfSomeoneElsesMessage_RefusedAndNeverAnsweredWithTheirConversation()
    {
        await _host.AsJuanAsync();
        var key = Guid.NewGuid();
        var juans = await _host.Messaging.StartWithHallAsync("Juan's own question", new NewMessage("Private.", SendKey: key));
        juans.Ok.Should().BeTrue(juans.Message);

        var (other, _) = await _host.NewResidentAsync();
        _host.As(other, "Another resident", "resident");
        var reuse = () => _host.Messaging.StartWithHallAsync("Taken key", new NewMessage("Hello", SendKey: key));

        await reuse.Should().ThrowAsync<DbUpdateException>("a key naming another person's message is refused by the primary key, never answered with their conversation");
    }
}
