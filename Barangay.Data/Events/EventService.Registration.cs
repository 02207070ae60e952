using Barangay.Data.Common;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Barangay.Data.Events;

/// <summary>
/// The resident's half: register and cancel. A seat is taken by one conditional UPDATE of the event's
/// <c>registered_count</c> (WHERE count &lt; capacity), so however many register at once, the event never overfills:
/// on PostgreSQL the UPDATE waits for the one before it and re-checks; under SERIALIZABLE (CockroachDB) the loser
/// gets 40001 and the whole transaction is tried again on a fresh context.
/// </summary>
public sealed partial class EventService
{
    public async Task<ServiceResult<RegistrationOutcome>> RegisterAsync(Guid eventId, CancellationToken ct = default)
    {
        var caller = await dbs.CallerAsync(ct);
        if (!caller.Can(Permissions.Events.Register) || caller.UserId is not { } userId) return ServiceResult<RegistrationOutcome>.NotFound();

        var (first, _) = await dbs.OpenAsync(ct);
        await using var __ = first;
        var attempts = 0;
        return await first.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            while (true)
            {
                attempts++;
                try
                {
                    return await RegisterOnceAsync(eventId, userId, attempts, token);
                }
                catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
                {
                    // The same resident pressed Register twice at once: the other press wrote the row first.
                    return ServiceResult<RegistrationOutcome>.Conflict("You are already registered for this event.");
                }
                catch (Exception ex) when (IsRetryable(ex) && attempts < options.MaxRegistrationAttempts)
                {
                    // Spread the retries out so the losers of one race do not all collide again.
                    await Task.Delay(Random.Shared.Next(2, 10 + Math.Min(attempts, 20) * 5), token);
                }
            }
        }, ct);
    }

    /// <summary>
    /// One attempt. Everything that needs no seat is done before the seat is taken — the checks, and the registration
    /// row with its audit row written as "registered" — so the event row stays locked by the seat UPDATE only until
    /// the COMMIT right after it: with hundreds registering at once, each waits for the others' UPDATE and COMMIT,
    /// not for their whole transactions. When there is no seat the UPDATE locks nothing and the row becomes a
    /// waitlist place (audited as the change it is).
    /// </summary>
    private async Task<ServiceResult<RegistrationOutcome>> RegisterOnceAsync(Guid eventId, Guid userId, int attempt, CancellationToken ct)
    {
        var (db, _) = await dbs.OpenAsync(ct);
        await using var __ = db;
        await using var tx = await db.Database.BeginTransactionAsync(options.RegistrationIsolation, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        // One round trip for the event, the caller's resident record and any earlier registration of theirs.
        var myResident = db.Residents.Where(r => r.UserId == userId && r.RegistrationStatus == Residents.ResidentStatuses.Active).Select(r => r.Id);
        var ev = await db.Events.AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => new
            {
                e.Title, e.Status, e.StartAt, e.RegistrationRequired, e.MaxCapacity,
                ResidentId = myResident.Select(id => (Guid?)id).FirstOrDefault(),
                Earlier = db.EventRegistrations.Where(r => r.EventId == e.Id && myResident.Contains(r.ResidentId)).Select(r => r.Status).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (ev is null || ev.Status == EventStatuses.Draft) return ServiceResult<RegistrationOutcome>.NotFound();
        if (ev.ResidentId is not { } residentId)
            return ServiceResult<RegistrationOutcome>.Invalid("resident", "Your account is not linked to an active resident record yet, so you cannot register for events.");
        if (ev.Status == EventStatuses.Cancelled) return ServiceResult<RegistrationOutcome>.Conflict("This event was cancelled.");
        if (!ev.RegistrationRequired) return ServiceResult<RegistrationOutcome>.Conflict("This event does not take registrations: everyone is welcome.");
        if (ev.StartAt <= now) return ServiceResult<RegistrationOutcome>.Conflict("Registration is closed: the event has already started.");
        if (ev.Earlier is EventRegistrationStatuses.Registered or EventRegistrationStatuses.Attended)
            return ServiceResult<RegistrationOutcome>.Conflict("You are already registered for this event.");
        if (ev.Earlier == EventRegistrationStatuses.Waitlisted)
            return ServiceResult<RegistrationOutcome>.Conflict("You are already on the waitlist for this event.");

        // Registering again after cancelling reuses the row (one per resident and event).
        var mine = ev.Earlier is null ? null
            : await db.EventRegistrations.SingleAsync(r => r.EventId == eventId && r.ResidentId == residentId, ct);
        if (mine is null)
        {
            mine = new EventRegistration { Id = Guid.NewGuid(), EventId = eventId, ResidentId = residentId };
            db.EventRegistrations.Add(mine);
        }
        mine.Status = EventRegistrationStatuses.Registered;
        mine.RegisteredAt = now;
        await db.SaveChangesAsync(ct);

        var seat = await db.Events
            .Where(e => e.Id == eventId && e.Status == EventStatuses.Published && e.StartAt > now
                        && (e.MaxCapacity == null || e.RegisteredCount < e.MaxCapacity))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.RegisteredCount, e => e.RegisteredCount + 1), ct);
        if (seat == 1)
        {
            await tx.CommitAsync(ct);
            return ServiceResult<RegistrationOutcome>.Success(new RegistrationOutcome(mine.Status, null, $"You are registered for {ev.Title}.", attempt));
        }

        mine.Status = EventRegistrationStatuses.Waitlisted;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var position = await WaitlistPositionAsync(db, eventId, mine.RegisteredAt, ct);
        return ServiceResult<RegistrationOutcome>.Success(new RegistrationOutcome(mine.Status, position,
            $"The event is full. You are number {position} on the waitlist; we will notify you if a seat frees up.", attempt));
    }

    /// <summary>Cancels the caller's registration or waitlist place; a freed seat goes to the next on the waitlist.</summary>
    public async Task<ServiceResult<string>> CancelRegistrationAsync(Guid eventId, CancellationToken ct = default)
    {
        var caller = await dbs.CallerAsync(ct);
        if (!caller.Can(Permissions.Events.Register) || caller.UserId is not { } userId) return ServiceResult<string>.NotFound();
        var residentId = await MyResidentIdAsync(userId, ct);
        if (residentId is null) return ServiceResult<string>.NotFound();
        return await InLockedEventAsync(eventId, async (db, ev, token) =>
        {
            var mine = await db.EventRegistrations.SingleOrDefaultAsync(r => r.EventId == eventId && r.ResidentId == residentId, token);
            if (mine is null || mine.Status is EventRegistrationStatuses.Cancelled)
                return ServiceResult<string>.Conflict("You are not registered for this event.");
            if (mine.Status == EventRegistrationStatuses.Attended)
                return ServiceResult<string>.Conflict("Your attendance was already recorded.");
            var hadSeat = mine.Status == EventRegistrationStatuses.Registered;
            mine.Status = EventRegistrationStatuses.Cancelled;
            if (hadSeat)
            {
                ev.RegisteredCount = Math.Max(0, ev.RegisteredCount - 1);
                if (ev.Status == EventStatuses.Published && ev.StartAt > clock.GetUtcNow().UtcDateTime)
                    await EventNotices.PromotedAsync(db, ev, await PromoteAsync(db, ev, token), token);
            }
            return ServiceResult<string>.Success(hadSeat ? "Your registration was cancelled." : "You left the waitlist.");
        }, ct);
    }

    private async Task<Guid?> MyResidentIdAsync(Guid userId, CancellationToken ct)
    {
        var (db, _) = await dbs.OpenAsync(ct);
        await using var __ = db;
        return await MyResidentIdAsync(db, userId, ct);
    }

    private static Task<Guid?> MyResidentIdAsync(BarangayDbContext db, Guid userId, CancellationToken ct) =>
        db.Residents.AsNoTracking()
            .Where(r => r.UserId == userId && r.RegistrationStatus == Residents.ResidentStatuses.Active)
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);

    private static async Task<int> WaitlistPositionAsync(BarangayDbContext db, Guid eventId, DateTime registeredAt, CancellationToken ct) =>
        1 + await db.EventRegistrations.AsNoTracking().CountAsync(r => r.EventId == eventId
            && r.Status == EventRegistrationStatuses.Waitlisted
            && r.RegisteredAt < registeredAt, ct);

    /// <summary>SQLSTATE 40001 (serialization failure: CockroachDB's "retry this transaction") or 40P01 (deadlock).</summary>
    internal static bool IsRetryable(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected }) return true;
        }
        return false;
    }
}
