using Barangay.App.Live;
using Barangay.App.Notifications;
using Barangay.Data;
using Barangay.Data.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Barangay.App.Messaging;

/// <summary>
/// The per-process poll that makes messages live across replicas: while anyone in this process listens to a
/// messaging key, every <see cref="NotificationPollOptions.Interval"/> it reads the new <c>messages</c> rows (by
/// <c>ix_messages_created_at</c>) and signals their conversation, its participants who listen here, and the hall
/// inbox. Messages this process sent itself were signalled already and are skipped. No LISTEN/NOTIFY (CockroachDB).
/// </summary>
public sealed class MessagePoller(
    IDbContextFactory<BarangayDbContext> factory, LiveNotifier live, LiveMessaging messaging, NotificationPollOptions options,
    ILogger<MessagePoller> logger, TimeProvider clock, BarangayOutages? outages = null) : BackgroundService
{
    private const string Sql = """
        SELECT now();
        SELECT m.id, m.conversation_id, p.user_id
        FROM messages m LEFT JOIN conversation_participants p ON p.conversation_id = m.conversation_id AND p.user_id = ANY(@users)
        WHERE m.created_at > COALESCE(@since, now()) - @lookback;
        """;

    private DateTime? _lastPoll;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Polling for new messages failed");
            }
        }
    }

    /// <summary>One tick: skipped at once while this barangay's database is known to be down (<see cref="BarangayOutages"/>).</summary>
    internal Task<bool> TickAsync(CancellationToken ct) => BarangayOutages.RunCycleAsync(outages, PollOnceAsync, ct);

    /// <summary>One poll; returns how many new messages were signalled.</summary>
    internal async Task<int> PollOnceAsync(CancellationToken ct)
    {
        var keys = live.KeysStartingWith(MessageKeys.Prefix);
        if (keys.Count == 0)
        {
            _lastPoll = null;
            return 0;
        }
        var users = keys.Select(k => MessageKeys.IdOf(k, MessageKeys.UserPrefix)).OfType<Guid>().ToArray();

        await using var db = await factory.CreateDbContextAsync(ct);
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(Sql, conn);
        cmd.Parameters.Add(new NpgsqlParameter("since", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = _lastPoll is { } t ? t : DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter<TimeSpan>("lookback", options.Lookback));
        cmd.Parameters.Add(new NpgsqlParameter<Guid[]>("users", users));
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var now = reader.GetFieldValue<DateTime>(0);
        await reader.NextResultAsync(ct);
        var rows = new List<(Guid Message, Guid Conversation, Guid? User)>();
        while (await reader.ReadAsync(ct))
            rows.Add((reader.GetGuid(0), reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetGuid(2)));
        await reader.DisposeAsync();

        _lastPoll = now;
        messaging.Forget(clock.GetUtcNow().UtcDateTime - options.Lookback - options.Lookback);
        var fresh = rows.GroupBy(r => r.Message).Where(g => messaging.TryClaim(g.Key)).ToList();
        await Task.WhenAll(fresh.Select(g => messaging.SignalAsync(g.First().Conversation, g.Select(r => r.User).OfType<Guid>())));
        return fresh.Count;
    }
}
