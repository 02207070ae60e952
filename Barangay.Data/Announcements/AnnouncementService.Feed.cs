using Barangay.Data.Common;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Announcements;

/// <summary>The reading half: the officials' list and progress, the resident's feed, the public list on the sign-in page.</summary>
public sealed partial class AnnouncementService
{
    private const int FeedWindow = 200;

    public async Task<IReadOnlyList<AnnouncementRow>> ListAsync(string? status = null, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Announcements.Manage)) return [];
        var q = db.Announcements.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status)) q = q.Where(a => a.Status == status);
        var rows = await q.OrderByDescending(a => a.UpdatedAt).ThenBy(a => a.Id).Take(500).ToListAsync(ct);
        return rows.Select(Row).ToList();
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
    /// pinned first, then the newest.
    /// </summary>
    public async Task<IReadOnlyList<AnnouncementView>> FeedAsync(CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Announcements.View) || caller.UserId is not { } me) return [];
        var purok = await db.Residents.AsNoTracking().Where(r => r.UserId == me).OrderBy(r => r.CreatedAt)
            .Select(r => r.Purok).FirstOrDefaultAsync(ct);
        var rows = await CurrentAsync(db, ct);
        return rows.Where(a => AnnouncementAudience.Parse(a.Audience).Includes(purok, caller.Roles)).Select(View).ToList();
    }

    /// <summary>For visitors (the sign-in page): published announcements for everyone, inside their window.</summary>
    public async Task<IReadOnlyList<AnnouncementView>> PublicAsync(int take = 5, CancellationToken ct = default)
    {
        var (db, _) = await dbs.OpenAsync(ct);
        await using var __ = db;
        var rows = await CurrentAsync(db, ct);
        return rows.Where(a => AnnouncementAudience.Parse(a.Audience).IsEveryone).Take(take).Select(View).ToList();
    }

    private async Task<List<Announcement>> CurrentAsync(BarangayDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Announcements.AsNoTracking()
            .Where(a => a.Status == AnnouncementStatuses.Published && (a.StartAt == null || a.StartAt <= now) && (a.EndAt == null || a.EndAt > now))
            .OrderByDescending(a => a.Pinned).ThenByDescending(a => a.StartAt ?? a.CreatedAt).ThenBy(a => a.Id)
            .Take(FeedWindow).ToListAsync(ct);
    }

    private static AnnouncementView View(Announcement a) => new(
        a.Id, a.AnnouncementId, a.Title, AnnouncementMarkdown.ToSafeHtml(a.Body), a.Priority, a.Pinned, Utc(a.StartAt), Utc(a.EndAt),
        AttachmentsOf(a.Attachments));
}
