using System.Collections.Concurrent;
using Barangay.Data.Email;
using Barangay.Data.Files;
using Barangay.Data.Messaging;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Barangay.Tests.Data.Messaging;

/// <summary>The real messaging and file services over a demo database; presence and email dispatch are the test's.</summary>
public sealed class MessagingTestHost : IAsyncDisposable
{
    private readonly string _dataRoot = Path.Combine(Path.GetTempPath(), "barangay-msg-" + Guid.NewGuid().ToString("N")[..8]);

    public MessagingTestHost(string connectionString, FakeMessagingLive? live = null)
    {
        ConnectionString = connectionString;
        Live = live ?? new FakeMessagingLive();
        Services = new TestServices(connectionString, s =>
        {
            s.AddBarangayFiles(new FileStorageOptions { DataRoot = _dataRoot });
            s.AddSingleton<IMessagingLive>(Live);
            s.AddSingleton<IEmailDispatcher>(Dispatched);
            s.AddScoped<MessagingService>();
        });
    }

    public string ConnectionString { get; }
    public TestServices Services { get; }
    public FakeMessagingLive Live { get; }
    public RecordingDispatcher Dispatched { get; } = new();
    public MessagingService Messaging => Services.Get<MessagingService>();

    public async Task<Guid> SignInAsync(string userName)
    {
        await using var db = await Services.DbAsync();
        var u = await db.Users.AsNoTracking().SingleAsync(x => x.UserName == userName);
        var position = u.Roles.Contains("official") ? OfficialPositions.Secretary : null;
        Services.Caller.Current = TestCaller.As(u.Id, u.FullName, u.Roles, position);
        return u.Id;
    }

    public Task<Guid> AsJuanAsync() => SignInAsync(DemoAccounts.ResidentUser);

    public Task<Guid> AsSecretaryAsync() => SignInAsync(DemoAccounts.OfficialUser);

    public void As(Guid userId, string name, params string[] roles) => Services.Caller.Current = TestCaller.As(userId, name, roles);

    /// <summary>A new resident account linked to a resident record of the register that had none; returns both ids.</summary>
    public async Task<(Guid UserId, Guid ResidentId)> NewResidentAsync(string? email = null)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        var name = "res" + Guid.NewGuid().ToString("N")[..10];
        await using var cmd = new NpgsqlCommand("""
            WITH u AS (
              INSERT INTO users (username, normalized_username, email, normalized_email, full_name, roles, email_confirmed, phone_number_confirmed, lockout_enabled, access_failed_count)
              VALUES (@n, upper(@n), @e, upper(@e), 'Resident ' || @n, ARRAY['resident'], true, false, true, 0) RETURNING id)
            UPDATE residents SET user_id = (SELECT id FROM u)
            WHERE id = (SELECT id FROM residents WHERE user_id IS NULL AND deleted_at IS NULL ORDER BY random() LIMIT 1)
            RETURNING user_id, id
            """, conn);
        cmd.Parameters.AddWithValue("n", name);
        cmd.Parameters.Add(new NpgsqlParameter("e", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)email ?? DBNull.Value });
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetGuid(0), reader.GetGuid(1));
    }

    /// <summary>A plain account with the official role (no position): enough for the hall inbox.</summary>
    public async Task<Guid> NewOfficialAsync()
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        var name = "off" + Guid.NewGuid().ToString("N")[..10];
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO users (username, normalized_username, full_name, roles, email_confirmed, phone_number_confirmed, lockout_enabled, access_failed_count)
            VALUES (@n, upper(@n), 'Kagawad ' || @n, ARRAY['official'], false, false, true, 0) RETURNING id
            """, conn);
        cmd.Parameters.AddWithValue("n", name);
        return (Guid)(await cmd.ExecuteScalarAsync())!;
    }

    public async Task<Barangay.Data.Messaging.ConversationParticipant?> ParticipantAsync(Guid conversationId, Guid userId)
    {
        await using var db = await Services.DbAsync();
        return await db.ConversationParticipants.AsNoTracking().SingleOrDefaultAsync(p => p.ConversationId == conversationId && p.UserId == userId);
    }

    /// <summary>Notifications of <paramref name="userId"/> that lead to the conversation.</summary>
    public async Task<List<Barangay.Data.Notifications.Notification>> NoticesAsync(Guid userId, Guid conversationId)
    {
        await using var db = await Services.DbAsync();
        var rows = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.Type == MessagingService.NotificationType).ToListAsync();
        return rows.Where(n => n.Payload!.Contains(conversationId.ToString(), StringComparison.Ordinal)).ToList();
    }

    /// <summary>Queued emails about the conversation.</summary>
    public async Task<List<Barangay.Data.Email.EmailQueueItem>> EmailsAsync(Guid conversationId)
    {
        await using var db = await Services.DbAsync();
        var rows = await db.EmailQueue.AsNoTracking().Where(e => e.Payload != null).ToListAsync();
        return rows.Where(e => e.Payload!.Contains(conversationId.ToString(), StringComparison.Ordinal)).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (Directory.Exists(_dataRoot)) Directory.Delete(_dataRoot, recursive: true);
    }
}

/// <summary>Presence under the test's control, and a record of the signals the service sent.</summary>
public sealed class FakeMessagingLive : IMessagingLive
{
    public ConcurrentDictionary<Guid, bool> Online { get; } = new();
    public ConcurrentQueue<(Guid Conversation, Guid Message, IReadOnlyCollection<Guid> Participants)> Sent { get; } = new();

    public bool IsOnline(Guid userId) => Online.ContainsKey(userId);

    public Task MessageSentAsync(Guid conversationId, Guid messageId, IReadOnlyCollection<Guid> participants)
    {
        Sent.Enqueue((conversationId, messageId, participants));
        return Task.CompletedTask;
    }

    public Task ReadAsync(Guid userId, Guid conversationId) => Task.CompletedTask;
}

public sealed class RecordingDispatcher : IEmailDispatcher
{
    public ConcurrentQueue<Guid> Ids { get; } = new();

    public Task DispatchAsync(IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        foreach (var id in ids) Ids.Enqueue(id);
        return Task.CompletedTask;
    }
}
