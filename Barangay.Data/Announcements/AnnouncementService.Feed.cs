using Barangay.Data.Accounts;
using Barangay.Data.Common;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Announcements;

/// <summary>The reading half: the officials' list and progress, the resident's feed, the public list on the sign-in page.</summary>
public sealed partial class AnnouncementService
{
    public const int MaxPageSize = 100;

    /// <summary>The officials' list, last changed first, a page at a time with the true count (it used to stop at 500).</summary>
    public async Task<Page<AnnouncementRow>> ListPageAsync(string? status, int page, int size, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Announcements.Manage)) return new Page<AnnouncementRow>([], 0);
        size = Math.Clamp(size, 1, MaxPageSize);
        var q = db.Announcements.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status)) q = q.Where(a => a.Status == status);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(a => a.UpdatedAt).ThenBy(a => a.Id).Skip(Math.Max(0, page) * size).Take(size).ToListAsync(ct);
        return new Page<AnnouncementRow>(rows.Select(Row).ToList(), total);
    }

    public async Task<(AnnouncementEdit Edit, AnnouncementRow Row)?> GetEditAsync(Guid id, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Announcements.Manage)) return null;
        var a = await db.Announcements.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return null;
        var audience = AnnouncementAudience.Parse(a.Audience);
        return (new AnnouncementEdit
        {
            Title = a.Title, Body = a.Body, Priority = a.Priority, Pinned = a.Pinned,
            StartLocal = a.StartAt is { } s ? TimeZones.ToManila(s) : null, EndLocal = a.EndAt is { } e ? TimeZones.ToManila(e) : null,
            Puroks = [.. audience.Puroks], Roles = [.. audience.Roles], Channels = [.. a.DeliveryChannels],
            AttachmentIds = [.. AttachmentsOf(a.Attachments)], Version = a.Version,
        }, Row(a));
    }

    /// <summary>The fan-out's progress, or null before the announcement is published.</summary>
    public async Task<DeliveryProgress?> ProgressAsync(Guid announcementId, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Announcements.Manage)) return null;
        return await db.Set<AnnouncementDelivery>().AsNoTracking().Where(d => d.AnnouncementId == announcementId)
            .Select(d => new DeliveryProgress(d.Status, d.Total, d.Delivered, d.Notifications, d.Emails, d.SmsMessages, d.FinishedAt))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// The signed-in user's announcements: published, inside their window, targeted to their purok and roles;
    /// pinned first, then the newest; a page at a time with the true count. The feed used to read a window of 200
    /// and filter it, so a resident could miss older announcements for them without any sign.
    /// </summary>
    public async Task<Page<AnnouncementView>> FeedPageAsync(int page, int size, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Announcements.View) || caller.UserId is not { } me) return new Page<AnnouncementView>([], 0);
        var purok = await db.Residents.AsNoTracking().Where(r => r.UserId == me).OrderBy(r => r.CreatedAt)
            .Select(r => r.Purok).FirstOrDefaultAsync(ct);
        return await CurrentPageAsync(db, a => a.Includes(purok, caller.Roles), page, size, ct);
    }

    /// <summary>For visitors (the sign-in page): the newest published announcements for everyone, inside their window.</summary>
    public async Task<IReadOnlyList<AnnouncementView>> PublicAsync(int take = 5, CancellationToken ct = default)
    {
        var (db, _) = await dbs.OpenAsync(ct);
        await using var __ = db;
        return (await CurrentPageAsync(db, a => a.IsEveryone, 0, take, ct)).Items;
    }

    /// <summary>
    /// Current announcements the audience rule lets in, in feed order, one page. The rule stays the one in
    /// <see cref="AnnouncementAudience.Includes"/> (the fan-out uses it too), so the narrow columns of every current
    /// announcement are read and filtered here, then only the page's rows are loaded whole. Current announcements
    /// are few (published and inside their window), so this stays small.
    /// </summary>
    private async Task<Page<AnnouncementView>> CurrentPageAsync(BarangayDbContext db, Func<AnnouncementAudience, bool> audience, int page, int size, CancellationToken ct)
    {
        size = Math.Clamp(size, 1, MaxPageSize);
        var now = clock.GetUtcNow().UtcDateTime;
        var current = await db.Announcements.AsNoTracking()
            .Where(a => a.Status == AnnouncementStatuses.Published && (a.StartAt == null || a.StartAt <= now) && (a.EndAt == null || a.EndAt > now))
            .OrderByDescending(a => a.Pinned).ThenByDescending(a => a.StartAt ?? a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Audience }).ToListAsync(ct);
        var matching = current.Where(a => audience(AnnouncementAudience.Parse(a.Audience))).Select(a => a.Id).ToList();
        var ids = matching.Skip(Math.Max(0, page) * size).Take(size).ToList();
        var rows = await db.Announcements.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        return new Page<AnnouncementView>(ids.Where(rows.ContainsKey).Select(id => View(rows[id])).ToList(), matching.Count);
    }

    private static AnnouncementView View(Announcement a) => new(
        a.Id, a.AnnouncementId, a.Title, AnnouncementMarkdown.ToSafeHtml(a.Body), a.Priority, a.Pinned, Utc(a.StartAt), Utc(a.EndAt),
        AttachmentsOf(a.Attachments));
}
