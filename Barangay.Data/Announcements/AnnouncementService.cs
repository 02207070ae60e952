using System.Text.Json;
using Barangay.Data.Common;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Announcements;

/// <summary>
/// Announcements: officials write drafts, publish (now, or scheduled for <c>start_at</c>) and archive them
/// (draft → published → archived). Publishing writes one <see cref="AnnouncementDelivery"/> row in the same
/// transaction and starts the fan-out job after the commit. Reading is in AnnouncementService.Feed.cs.
/// </summary>
public sealed partial class AnnouncementService(BarangayDb dbs, IAnnouncementDispatcher dispatcher, TimeProvider clock)
{
    public const int MaxTitle = 200;
    public const int MaxBody = 20_000;

    public async Task<ServiceResult<AnnouncementRow>> CreateAsync(AnnouncementEdit edit, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Announcements.Manage)) return ServiceResult<AnnouncementRow>.NotFound();
        var errors = Validate(edit);
        if (errors.Count > 0) return ServiceResult<AnnouncementRow>.Invalid(errors);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            var (tdb, __) = await dbs.OpenAsync(token);
            await using var ___ = tdb;
            await using var tx = await tdb.Database.BeginTransactionAsync(token);
            var a = new Announcement
            {
                Id = Guid.NewGuid(),
                AnnouncementId = await HumanIds.NextAsync(tdb, HumanIds.Announcement, ct: token),
                Status = AnnouncementStatuses.Draft,
                CreatedBy = caller.UserId,
            };
            Apply(a, edit);
            tdb.Announcements.Add(a);
            await tdb.SaveChangesAsync(token);
            await tx.CommitAsync(token);
            return ServiceResult<AnnouncementRow>.Success(Row(a));
        }, ct);
    }

    /// <summary>Edits a draft or scheduled announcement (a published one has been sent: archive it and write a new one).</summary>
    public async Task<ServiceResult<AnnouncementRow>> UpdateAsync(Guid id, AnnouncementEdit edit, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Announcements.Manage)) return ServiceResult<AnnouncementRow>.NotFound();
        var errors = Validate(edit);
        if (errors.Count > 0) return ServiceResult<AnnouncementRow>.Invalid(errors);
        var a = await db.Announcements.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return ServiceResult<AnnouncementRow>.NotFound();
        if (a.Status is not (AnnouncementStatuses.Draft or AnnouncementStatuses.Scheduled))
            return ServiceResult<AnnouncementRow>.Conflict($"A {a.Status} announcement can no longer be edited.", Row(a));
        if (edit.Version is { } v && v != a.Version)
            return ServiceResult<AnnouncementRow>.Conflict(Localization.Texts.Say("Someone else changed this announcement while you were editing. Reload to see their changes."), Row(a));
        Apply(a, edit);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult<AnnouncementRow>.Conflict(Localization.Texts.Say("Someone else changed this announcement while you were editing. Reload to see their changes."));
        }
        return ServiceResult<AnnouncementRow>.Success(Row(a));
    }

    /// <summary>
    /// Publishes a draft: now (and the fan-out starts), or — when its window starts later — scheduled, published
    /// by the scheduler at <c>start_at</c>. A second publish (a double click, a retry) is refused and sends nothing.
    /// </summary>
    public async Task<ServiceResult<AnnouncementRow>> PublishAsync(Guid id, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Announcements.Manage)) return ServiceResult<AnnouncementRow>.NotFound();
        var a = await db.Announcements.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return ServiceResult<AnnouncementRow>.NotFound();
        if (a.Status is AnnouncementStatuses.Published)
            return ServiceResult<AnnouncementRow>.Conflict(Localization.Texts.Say("This announcement is already published; it was not sent again."), Row(a));
        if (a.Status is not (AnnouncementStatuses.Draft or AnnouncementStatuses.Scheduled))
            return ServiceResult<AnnouncementRow>.Conflict(Localization.Texts.Say("An announcement that is {0} cannot be published.", Localization.Texts.Say(a.Status)), Row(a));
        var now = clock.GetUtcNow().UtcDateTime;
        if (a.EndAt is { } end && end <= now)
            return ServiceResult<AnnouncementRow>.Invalid(nameof(AnnouncementEdit.EndLocal), Localization.Texts.Say("The announcement's window has already ended; change its end before publishing."));
        if (a.StartAt is { } start && start > now)
        {
            if (a.Status == AnnouncementStatuses.Scheduled)
                return ServiceResult<AnnouncementRow>.Conflict(Localization.Texts.Say("This announcement is already scheduled."), Row(a));
            a.Status = AnnouncementStatuses.Scheduled;
            return await SaveStatusAsync(db, a, null, ct);
        }
        var delivery = PublishNow(db, a, now);
        return await SaveStatusAsync(db, a, delivery, ct);
    }

    public async Task<ServiceResult<AnnouncementRow>> ArchiveAsync(Guid id, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Announcements.Manage)) return ServiceResult<AnnouncementRow>.NotFound();
        var a = await db.Announcements.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return ServiceResult<AnnouncementRow>.NotFound();
        if (a.Status == AnnouncementStatuses.Archived) return ServiceResult<AnnouncementRow>.Conflict(Localization.Texts.Say("This announcement is already archived."), Row(a));
        a.Status = AnnouncementStatuses.Archived;
        return await SaveStatusAsync(db, a, null, ct);
    }

    /// <summary>
    /// The scheduler: publishes every scheduled announcement whose start has come; returns how many. Batches of
    /// <see cref="PublishBatch"/> keep each read small, and it goes on until none is due, so a burst of more than one
    /// batch is not left waiting for the next run.
    /// </summary>
    public static async Task<int> PublishDueAsync(BarangayDbContext db, IAnnouncementDispatcher dispatcher, DateTime nowUtc, CancellationToken ct)
    {
        var started = new List<Guid>();
        var tried = new HashSet<Guid>();
        while (true)
        {
            var due = await db.Announcements.Where(a => a.Status == AnnouncementStatuses.Scheduled && a.StartAt <= nowUtc && !tried.Contains(a.Id))
                .OrderBy(a => a.StartAt).ThenBy(a => a.Id).Take(PublishBatch).ToListAsync(ct);
            foreach (var a in due)
            {
                tried.Add(a.Id);
                var delivery = PublishNow(db, a, nowUtc);
                try
                {
                    await db.SaveChangesAsync(ct);
                    started.Add(delivery.Id);
                }
                catch (DbUpdateException)
                {
                    // Published by someone else meanwhile (version or the one-delivery index): nothing to send twice.
                    db.ChangeTracker.Clear();
                }
            }
            if (due.Count < PublishBatch) break;
        }
        foreach (var d in started) await dispatcher.StartAsync(d, ct);
        return started.Count;
    }

    internal const int PublishBatch = 100;

    private static AnnouncementDelivery PublishNow(BarangayDbContext db, Announcement a, DateTime now)
    {
        a.Status = AnnouncementStatuses.Published;
        a.StartAt ??= now;
        var delivery = new AnnouncementDelivery { Id = Guid.NewGuid(), AnnouncementId = a.Id, Status = DeliveryStatuses.Queued, CreatedAt = now };
        db.Set<AnnouncementDelivery>().Add(delivery);
        return delivery;
    }

    private async Task<ServiceResult<AnnouncementRow>> SaveStatusAsync(BarangayDbContext db, Announcement a, AnnouncementDelivery? delivery, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two publishes at once: the version token or the one-delivery-per-announcement index stops the second.
            return ServiceResult<AnnouncementRow>.Conflict(Localization.Texts.Say("This announcement was changed or published at the same moment; it was not sent again."));
        }
        if (delivery is not null) await dispatcher.StartAsync(delivery.Id, ct);
        return ServiceResult<AnnouncementRow>.Success(Row(a));
    }

    private static Dictionary<string, string> Validate(AnnouncementEdit e)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(e.Title)) errors[nameof(e.Title)] = Localization.Texts.Say("The title is required.");
        else if (e.Title.Trim().Length > MaxTitle) errors[nameof(e.Title)] = Localization.Texts.Say("The title is longer than {0} characters.", MaxTitle);
        if (string.IsNullOrWhiteSpace(e.Body)) errors[nameof(e.Body)] = Localization.Texts.Say("The body is required.");
        else if (e.Body.Length > MaxBody) errors[nameof(e.Body)] = Localization.Texts.Say("The body is longer than {0:N0} characters.", MaxBody);
        else if (AnnouncementMarkdown.Refusal(e.Body) is { } why) errors[nameof(e.Body)] = why;
        if (!AnnouncementPriorities.All.Contains(e.Priority)) errors[nameof(e.Priority)] = Localization.Texts.Say("Choose a priority: low, normal, high or urgent.");
        if (e.StartLocal is { } s && e.EndLocal is { } end && end <= s) errors[nameof(e.EndLocal)] = Localization.Texts.Say("The window must end after it starts.");
        if (e.Channels.Count == 0) errors[nameof(e.Channels)] = Localization.Texts.Say("Choose at least one delivery channel.");
        else if (e.Channels.FirstOrDefault(c => !AnnouncementChannels.All.Contains(c)) is { } bad) errors[nameof(e.Channels)] = $"\"{bad}\" is not a delivery channel.";
        if (e.Roles.FirstOrDefault(r => !Accounts.AppRoles.All.Contains(r)) is { } role) errors[nameof(e.Roles)] = $"\"{role}\" is not a role.";
        return errors;
    }

    private static void Apply(Announcement a, AnnouncementEdit e)
    {
        a.Title = e.Title.Trim();
        a.Body = e.Body.Trim();
        a.Priority = e.Priority;
        a.Pinned = e.Pinned;
        a.StartAt = e.StartLocal is { } s ? TimeZones.ManilaToUtc(s) : null;
        a.EndAt = e.EndLocal is { } end ? TimeZones.ManilaToUtc(end) : null;
        a.Audience = new AnnouncementAudience(e.Puroks, e.Roles).ToJson();
        a.DeliveryChannels = e.Channels.Distinct().ToList();
        a.Attachments = e.AttachmentIds.Count == 0 ? null : JsonSerializer.Serialize(e.AttachmentIds.Distinct());
    }

    internal static AnnouncementRow Row(Announcement a) => new(
        a.Id, a.AnnouncementId, a.Title, a.Status, a.Priority, a.Pinned, Utc(a.StartAt), Utc(a.EndAt),
        AnnouncementAudience.Parse(a.Audience), a.DeliveryChannels, DateTime.SpecifyKind(a.UpdatedAt, DateTimeKind.Utc));

    internal static DateTime? Utc(DateTime? t) => t is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;

    internal static IReadOnlyList<Guid> AttachmentsOf(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try { return JsonSerializer.Deserialize<List<Guid>>(json) ?? []; }
        catch (JsonException) { return []; }
    }
}
