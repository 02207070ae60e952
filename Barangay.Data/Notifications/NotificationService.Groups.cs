using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Barangay.Data.Notifications;

/// <summary>
/// Notifications about the same thing, grouped: every notice that leads to one page (its link: a conversation, a
/// request, a complaint) is one row showing the newest, with how many there are and how many are unread. A resident's
/// bell at 59 was mostly "New message" after "New message" from one thread. Notices without a link, or linking only to
/// the home page, stay one row each.
/// </summary>
public sealed partial class NotificationService
{
    // The group key is the link, or the notice itself when it has none or links only to the home page ("/" says
    // nothing about what it is about). Plain SQL that PostgreSQL and CockroachDB run.
    private const string GroupKey = "CASE WHEN coalesce(payload->>'href', '/') = '/' THEN id::text ELSE payload->>'href' END";

    private const string GroupsSql = $"""
        SELECT latest, n, unread FROM (
          SELECT (array_agg(id ORDER BY created_at DESC, id DESC))[1] AS latest, count(*)::int4 AS n,
                 sum(CASE WHEN read THEN 0 ELSE 1 END)::int4 AS unread, max(created_at) AS last_at
          FROM notifications WHERE user_id = @me GROUP BY {GroupKey}) g
        ORDER BY last_at DESC, latest DESC
        OFFSET @skip LIMIT @take;
        SELECT count(DISTINCT {GroupKey})::int4, sum(CASE WHEN read THEN 0 ELSE 1 END)::int4 FROM notifications WHERE user_id = @me;
        """;

    /// <summary>A page (0-based) of the caller's notifications grouped by what they lead to, newest group first; the total counts groups.</summary>
    public async Task<NotificationGroupPage> ListMineGroupedAsync(int page, int size, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (caller.UserId is not { } me) return new NotificationGroupPage([], 0, 0);
        size = Math.Clamp(size, 1, MaxPageSize);
        await db.Database.OpenConnectionAsync(ct);
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var cmd = new NpgsqlCommand(GroupsSql, conn);
        cmd.Parameters.Add(new NpgsqlParameter<Guid>("me", me));
        cmd.Parameters.Add(new NpgsqlParameter<int>("skip", Math.Max(0, page) * size));
        cmd.Parameters.Add(new NpgsqlParameter<int>("take", size));
        var groups = new List<(Guid Latest, int Count, int Unread)>();
        int total, unread;
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) groups.Add((reader.GetGuid(0), reader.GetInt32(1), reader.GetInt32(2)));
            await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            total = reader.GetInt32(0);
            unread = reader.IsDBNull(1) ? 0 : reader.GetInt32(1);
        }
        var ids = groups.Select(g => g.Latest).ToList();
        var rows = await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id))
            .Select(n => new { n.Id, n.Type, n.Payload, n.Read, n.CreatedAt }).ToDictionaryAsync(n => n.Id, ct);
        var items = groups.Where(g => rows.ContainsKey(g.Latest)).Select(g =>
        {
            var n = rows[g.Latest];
            var p = NotificationPayloads.Parse(n.Payload, n.Type);
            var row = new NotificationRow(n.Id, n.Type, p.Text, p.Href, g.Unread == 0, DateTime.SpecifyKind(n.CreatedAt, DateTimeKind.Utc),
                p.Key is null ? null : new Localization.Message(p.Key, p.Args ?? []));
            return new NotificationGroup(row, g.Count, g.Unread);
        }).ToList();
        return new NotificationGroupPage(items, total, unread);
    }

    /// <summary>Opening a group reads all of it: every unread notice of the caller's with the same link (or just this one, without a link).</summary>
    public async Task<MarkReadOutcome> MarkGroupReadAsync(Guid latestId, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (caller.UserId is not { } me) return MarkReadOutcome.NotFound;
        var latest = await db.Notifications.AsNoTracking().Where(n => n.Id == latestId && n.UserId == me)
            .Select(n => new { n.Payload, n.Type }).FirstOrDefaultAsync(ct);
        if (latest is null) return MarkReadOutcome.NotFound;
        var href = NotificationPayloads.Parse(latest.Payload, latest.Type).Href;
        if (href is null or "/") return await MarkReadAsync(latestId, ct);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE notifications SET read = true WHERE user_id = {me} AND NOT read AND payload->>'href' = {href}", ct);
        return MarkReadOutcome.Marked;
    }
}

/// <summary>Notices that lead to the same page: the newest (<see cref="Latest"/>), how many, how many unread.</summary>
public sealed record NotificationGroup(NotificationRow Latest, int Count, int Unread);

/// <summary>A page of groups; <see cref="Total"/> counts groups, <see cref="Unread"/> counts unread notices (the bell's number).</summary>
public sealed record NotificationGroupPage(IReadOnlyList<NotificationGroup> Items, int Total, int Unread);
