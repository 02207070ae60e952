using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Notifications;

/// <summary>The reading half: only ever the signed-in caller's own notifications; anyone else's id is "not found".</summary>
public sealed partial class NotificationService
{
    public const int MaxPageSize = 100;

    public async Task<int> UnreadCountAsync(CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (caller.UserId is not { } me) return 0;
        return await db.Notifications.AsNoTracking().CountAsync(n => n.UserId == me && !n.Read, ct);
    }

    /// <summary>A page (0-based) of the caller's notifications, newest first.</summary>
    public async Task<NotificationPage> ListMineAsync(int page, int size, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (caller.UserId is not { } me) return new NotificationPage([], 0, 0);
        size = Math.Clamp(size, 1, MaxPageSize);
        page = Math.Max(0, page);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == me);
        var total = await mine.CountAsync(ct);
        var unread = await mine.CountAsync(n => !n.Read, ct);
        var rows = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip(page * size).Take(size)
            .Select(n => new { n.Id, n.Type, n.Payload, n.Read, n.CreatedAt })
            .ToListAsync(ct);
        var items = rows.Select(n =>
        {
            var p = NotificationPayloads.Parse(n.Payload, n.Type);
            return new NotificationRow(n.Id, n.Type, p.Text, p.Href, n.Read, DateTime.SpecifyKind(n.CreatedAt, DateTimeKind.Utc),
                p.Key is null ? null : new Localization.Message(p.Key, p.Args ?? []));
        }).ToList();
        return new NotificationPage(items, total, unread);
    }

    public async Task<MarkReadOutcome> MarkReadAsync(Guid id, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (caller.UserId is not { } me) return MarkReadOutcome.NotFound;
        var changed = await db.Notifications.Where(n => n.Id == id && n.UserId == me)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Read, true), ct);
        return changed == 0 ? MarkReadOutcome.NotFound : MarkReadOutcome.Marked;
    }

    /// <summary>Marks every unread notification of the caller read; returns how many were unread.</summary>
    public async Task<int> MarkAllReadAsync(CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (caller.UserId is not { } me) return 0;
        return await db.Notifications.Where(n => n.UserId == me && !n.Read)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Read, true), ct);
    }
}
