using Barangay.App.Live;
using Barangay.Data;
using Barangay.Data.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Barangay.App.Notifications;

/// <summary>
/// The per-process poll that makes notifications live across replicas: every <see cref="NotificationPollOptions.Interval"/>
/// it reads the new <c>notifications</c> rows (by <c>ix_notifications_created_at</c>) of the users who have a
/// subscriber in this process, and signals <see cref="LiveNotifier"/> for them. Rows written by another replica,
/// a job or straight into the database show the same way. No LISTEN/NOTIFY (CockroachDB has none).
/// </summary>
public sealed class NotificationPoller(
    IDbContextFactory<BarangayDbContext> factory, LiveNotifier live, NotificationPollOptions options, ILogger<NotificationPoller> logger,
    BarangayOutages? outages = null)
    : BackgroundService
{
    private const string NowSql = "SELECT now()";

    private const string NewRowsSql = """
        SELECT id, user_id, created_at FROM notifications
        WHERE created_at > COALESCE(@since, now()) - @lookback AND user_id = ANY(@users)
        """;

    /// <summary>The database's clock at the previous poll (never the app's: replicas' clocks differ).</summary>
    private DateTime? _lastPoll;

    /// <summary>Rows already signalled and still inside the look-back window.</summary>
    private readonly Dictionary<Guid, DateTime> _signalled = [];

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
                // A database hiccup only delays live updates; the next tick tries again.
                logger.LogWarning(ex, "Polling for new notifications failed");
            }
        }
    }

    /// <summary>One tick: skipped at once while this barangay's database is known to be down (<see cref="BarangayOutages"/>).</summary>
    internal Task<bool> TickAsync(CancellationToken ct) => BarangayOutages.RunCycleAsync(outages, PollOnceAsync, ct);

    /// <summary>One poll; returns how many users were signalled.</summary>
    internal async Task<int> PollOnceAsync(CancellationToken ct)
    {
        var users = live.KeysStartingWith(NotificationKeys.Prefix).Select(NotificationKeys.UserOf).OfType<Guid>().ToArray();
        if (users.Length == 0)
        {
            // Nobody here is listening: no query at all, and start afresh when someone is.
            _lastPoll = null;
            _signalled.Clear();
            return 0;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await conn.OpenAsync(ct);
        await using var batch = new NpgsqlBatch(conn);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(NowSql));
        var rows = new NpgsqlBatchCommand(NewRowsSql);
        rows.Parameters.Add(new NpgsqlParameter("since", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = _lastPoll is { } t ? t : DBNull.Value });
        rows.Parameters.Add(new NpgsqlParameter<TimeSpan>("lookback", options.Lookback));
        rows.Parameters.Add(new NpgsqlParameter<Guid[]>("users", users));
        batch.BatchCommands.Add(rows);

        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var now = reader.GetFieldValue<DateTime>(0);
        await reader.NextResultAsync(ct);
        var affected = new HashSet<Guid>();
        var fresh = new List<(Guid Id, DateTime CreatedAt)>();
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetGuid(0);
            if (_signalled.ContainsKey(id)) continue;
            fresh.Add((id, reader.GetFieldValue<DateTime>(2)));
            affected.Add(reader.GetGuid(1));
        }

        var windowStart = (_lastPoll ?? now) - options.Lookback;
        foreach (var old in _signalled.Where(kv => kv.Value <= windowStart).Select(kv => kv.Key).ToList()) _signalled.Remove(old);
        foreach (var (id, createdAt) in fresh) _signalled[id] = createdAt;
        _lastPoll = now;

        await Task.WhenAll(affected.Select(u => live.NotifyAsync(NotificationKeys.ForUser(u))));
        return affected.Count;
    }
}
