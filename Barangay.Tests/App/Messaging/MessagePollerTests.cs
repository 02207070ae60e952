using Barangay.App.Live;
using Barangay.App.Messaging;
using Barangay.App.Notifications;
using Barangay.Data;
using Barangay.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Barangay.Tests.App.Messaging;

/// <summary>The per-process message poll: a message committed by another replica reaches this process's listeners once.</summary>
public sealed class MessagePollerTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncDisposable
{
    private readonly ServiceProvider _services = Build(database.AppConnectionString);

    private static ServiceProvider Build(string cs)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBarangayData(cs, new DatabaseOptions());
        services.AddSingleton(new NotificationPollOptions());
        services.AddSingleton(new LiveNotifier(NullLogger<LiveNotifier>.Instance));
        services.AddSingleton<LiveMessaging>();
        services.AddSingleton<MessagePoller>();
        return services.BuildServiceProvider();
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    [Fact]
    public async Task PollOnce_MessageFromAnotherReplica_SignalsParticipantConversationAndHallOnce()
    {
        await using var conn = new NpgsqlConnection(database.AppConnectionString);
        await conn.OpenAsync();
        var juan = (Guid)(await new NpgsqlCommand("SELECT id FROM users WHERE username = 'juan'", conn).ExecuteScalarAsync())!;
        var conversation = Guid.NewGuid();
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO conversations (id, subject, awaiting_reply, last_message_at) VALUES (@c, 'From elsewhere', false, now());
            INSERT INTO conversation_participants (id, conversation_id, user_id) VALUES (gen_random_uuid(), @c, @u);
            """, conn))
        {
            cmd.Parameters.AddWithValue("c", conversation);
            cmd.Parameters.AddWithValue("u", juan);
            await cmd.ExecuteNonQueryAsync();
        }
        var live = _services.GetRequiredService<LiveNotifier>();
        var poller = _services.GetRequiredService<MessagePoller>();
        int user = 0, convo = 0, hall = 0;
        using var s1 = live.Subscribe(MessageKeys.ForUser(juan), () => { Interlocked.Increment(ref user); return Task.CompletedTask; });
        using var s2 = live.Subscribe(MessageKeys.ForConversation(conversation), () => { Interlocked.Increment(ref convo); return Task.CompletedTask; });
        using var s3 = live.Subscribe(MessageKeys.Hall, () => { Interlocked.Increment(ref hall); return Task.CompletedTask; });
        (await poller.PollOnceAsync(CancellationToken.None)).Should().Be(0, "nothing new since the first poll");

        await using (var cmd = new NpgsqlCommand("INSERT INTO messages (conversation_id, sender_user_id, body) VALUES (@c, NULL, 'from another replica')", conn))
        {
            cmd.Parameters.AddWithValue("c", conversation);
            await cmd.ExecuteNonQueryAsync();
        }
        (await poller.PollOnceAsync(CancellationToken.None)).Should().Be(1);
        (await poller.PollOnceAsync(CancellationToken.None)).Should().Be(0, "a message is signalled once, though the look-back still covers it");

        (user, convo, hall).Should().Be((1, 1, 1));
    }
}
