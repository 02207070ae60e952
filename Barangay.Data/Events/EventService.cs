using System.Text.Json;
using Barangay.Data.Common;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Events;

/// <summary>
/// Community events: officials create, edit, publish and cancel them (draft → published → cancelled), residents
/// see published ones and register (see EventService.Registration.cs). Every method checks the caller.
/// </summary>
public sealed partial class EventService(BarangayDb dbs, EventOptions options, TimeProvider clock, RegistrationDesk desk)
{
    public const string NotOpen = "This event is not open for registration.";

    /// <summary>Creates a draft event.</summary>
    public async Task<ServiceResult<EventRow>> CreateAsync(EventEdit edit, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Events.Manage)) return ServiceResult<EventRow>.NotFound();
        var errors = EventValidator.Validate(edit);
        if (errors.Count > 0) return ServiceResult<EventRow>.Invalid(errors);

        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            var (tdb, _) = await dbs.OpenAsync(token);
            await using var __ = tdb;
            await using var tx = await tdb.Database.BeginTransactionAsync(token);
            var ev = new CommunityEvent
            {
                Id = Guid.NewGuid(),
                EventId = await HumanIds.NextAsync(tdb, HumanIds.Event, ct: token),
                Status = EventStatuses.Draft,
                CreatedBy = caller.UserId,
                OrganizerId = caller.UserId,
            };
            Apply(ev, edit);
            tdb.Events.Add(ev);
            await tdb.SaveChangesAsync(token);
            await tx.CommitAsync(token);
            return ServiceResult<EventRow>.Success(Row(ev));
        }, ct);
    }

    /// <summary>
    /// Saves the form over an existing draft or published event. A capacity below the seats already taken is
    /// refused; a larger one lets waitlisted residents in, in order. Registrants hear of a published event's change.
    /// </summary>
    public async Task<ServiceResult<EventRow>> UpdateAsync(Guid id, EventEdit edit, CancellationToken ct = default)
    {
        var caller = await dbs.CallerAsync(ct);
        if (!caller.Can(Permissions.Events.Manage)) return ServiceResult<EventRow>.NotFound();
        var errors = EventValidator.Validate(edit);
        if (errors.Count > 0) return ServiceResult<EventRow>.Invalid(errors);

        return await InLockedEventAsync(id, async (db, ev, token) =>
        {
            if (ev.Status == EventStatuses.Cancelled)
                return ServiceResult<EventRow>.Conflict(Localization.Texts.Say("This event was cancelled and can no longer be edited."), Row(ev));
            if (edit.Version is { } v && v != ev.Version)
                return ServiceResult<EventRow>.Conflict(Localization.Texts.Say("Someone else changed this event while you were editing. Reload to see their changes."), Row(ev));
            if (edit.MaxCapacity is { } cap && cap < ev.RegisteredCount)
                return ServiceResult<EventRow>.Invalid(nameof(EventEdit.MaxCapacity),
                    Localization.Texts.Say("The capacity cannot be {0}: {1} residents are already registered.", cap, ev.RegisteredCount));

            var before = (ev.StartAt, ev.EndAt, ev.Venue, ev.Title);
            Apply(ev, edit);
            var promoted = ev.Status == EventStatuses.Published ? await PromoteAsync(db, ev, token) : [];
            var changed = before != (ev.StartAt, ev.EndAt, ev.Venue, ev.Title);
            if (ev.Status == EventStatuses.Published && changed)
                await EventNotices.ChangedAsync(db, ev, promoted, token);
            await EventNotices.PromotedAsync(db, ev, promoted, token);
            return ServiceResult<EventRow>.Success(Row(ev));
        }, ct);
    }

    /// <summary>draft → published. Publishing twice is harmless (it says so).</summary>
    public Task<ServiceResult<EventRow>> PublishAsync(Guid id, CancellationToken ct = default) =>
        ChangeStatusAsync(id, EventStatuses.Published, ct);

    /// <summary>draft or published → cancelled; every registrant is told.</summary>
    public Task<ServiceResult<EventRow>> CancelAsync(Guid id, CancellationToken ct = default) =>
        ChangeStatusAsync(id, EventStatuses.Cancelled, ct);

    private async Task<ServiceResult<EventRow>> ChangeStatusAsync(Guid id, string to, CancellationToken ct)
    {
        var caller = await dbs.CallerAsync(ct);
        if (!caller.Can(Permissions.Events.Manage)) return ServiceResult<EventRow>.NotFound();
        return await InLockedEventAsync(id, async (db, ev, token) =>
        {
            var allowed = (ev.Status, to) switch
            {
                (EventStatuses.Draft, EventStatuses.Published) => true,
                (EventStatuses.Draft, EventStatuses.Cancelled) => true,
                (EventStatuses.Published, EventStatuses.Cancelled) => true,
                _ => false,
            };
            if (!allowed)
            {
                var message = ev.Status == to
                    ? $"This event is already {to}."
                    : $"A {ev.Status} event cannot be {(to == EventStatuses.Published ? "published" : "cancelled")}.";
                return ServiceResult<EventRow>.Conflict(message, Row(ev));
            }
            if (to == EventStatuses.Published && ev.EndAt <= clock.GetUtcNow().UtcDateTime)
                return ServiceResult<EventRow>.Invalid(nameof(EventEdit.EndLocal), Localization.Texts.Say("This event has already ended; change its dates before publishing."));
            ev.Status = to;
            if (to == EventStatuses.Cancelled) await EventNotices.CancelledAsync(db, ev, token);
            return ServiceResult<EventRow>.Success(Row(ev));
        }, ct);
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the event row locked FOR UPDATE (so capacity, promotions and registrations
    /// never interleave), saves and commits when it succeeds; rolled back otherwise. Retried on 40001.
    /// </summary>
    private async Task<ServiceResult<T>> InLockedEventAsync<T>(
        Guid id, Func<BarangayDbContext, CommunityEvent, CancellationToken, Task<ServiceResult<T>>> work, CancellationToken ct)
    {
        var (first, _) = await dbs.OpenAsync(ct);
        await using var __ = first;
        return await first.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            var (db, _) = await dbs.OpenAsync(token);
            await using var ___ = db;
            await using var tx = await db.Database.BeginTransactionAsync(token);
            var ev = await db.Events.FromSql($"SELECT * FROM events WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(token);
            if (ev is null) return ServiceResult<T>.NotFound();
            var result = await work(db, ev, token);
            if (!result.Ok) return result;
            await db.SaveChangesAsync(token);
            await tx.CommitAsync(token);
            return result;
        }, ct);
    }

    /// <summary>Fills free seats from the waitlist in order (the event row is locked by the caller); returns who got in.</summary>
    internal static async Task<List<EventRegistration>> PromoteAsync(BarangayDbContext db, CommunityEvent ev, CancellationToken ct)
    {
        var free = ev.MaxCapacity is { } cap ? cap - ev.RegisteredCount : int.MaxValue;
        if (free <= 0) return [];
        var next = await db.EventRegistrations
            .Where(r => r.EventId == ev.Id && r.Status == EventRegistrationStatuses.Waitlisted)
            .OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id)
            .Take(Math.Min(free, 10_000)).ToListAsync(ct);
        foreach (var r in next) r.Status = EventRegistrationStatuses.Registered;
        ev.RegisteredCount += next.Count;
        return next;
    }

    private void Apply(CommunityEvent ev, EventEdit edit)
    {
        ev.Title = edit.Title.Trim();
        ev.Description = string.IsNullOrWhiteSpace(edit.Description) ? null : edit.Description.Trim();
        ev.Category = string.IsNullOrWhiteSpace(edit.Category) ? null : edit.Category.Trim();
        ev.StartAt = EventValidator.ToUtc(edit.StartLocal!.Value);
        ev.EndAt = EventValidator.ToUtc(edit.EndLocal!.Value);
        ev.Venue = string.IsNullOrWhiteSpace(edit.Venue) ? null : edit.Venue.Trim();
        ev.MaxCapacity = edit.MaxCapacity;
        ev.RegistrationRequired = edit.RegistrationRequired;
        ev.Attachments = edit.AttachmentIds.Count == 0 ? null : JsonSerializer.Serialize(edit.AttachmentIds.Distinct());
    }

    internal static IReadOnlyList<Guid> AttachmentsOf(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try { return JsonSerializer.Deserialize<List<Guid>>(json) ?? []; }
        catch (JsonException) { return []; }
    }

    internal static EventRow Row(CommunityEvent e) => new(
        e.Id, e.EventId, e.Title, e.Category, Utc(e.StartAt), Utc(e.EndAt), e.Venue, e.MaxCapacity, e.RegisteredCount,
        e.RegistrationRequired, e.Status);

    internal static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);
}
