using System.Data;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
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

        return await RegisterAsync(eventId, userId, Guid.NewGuid(), ct);
    }

    /// <summary>
    /// One press of Register, whose registration gets <paramref name="registrationId"/> whichever attempt writes it. A
    /// first registration is one autocommit statement: when a failover loses its answer after it committed, the
    /// execution strategy runs the press again, which then finds its own row and answers as the first attempt would
    /// have, instead of "You are already registered".
    /// </summary>
    internal async Task<ServiceResult<RegistrationOutcome>> RegisterAsync(Guid eventId, Guid userId, Guid registrationId, CancellationToken ct)
    {
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
                    return await RegisterOnceAsync(eventId, userId, registrationId, attempts, token);
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
    /// One attempt: a first registration is written by the <see cref="RegistrationDesk"/> together with everyone else
    /// pressing Register for the event at that moment, in one statement (<see cref="RegistrationStatement"/>) that checks,
    /// takes the seats, writes the rows and their audit rows and commits; what it saw decides the answer. Registering
    /// again after cancelling takes <see cref="RetakeSeatAsync"/>.
    /// </summary>
    private async Task<ServiceResult<RegistrationOutcome>> RegisterOnceAsync(Guid eventId, Guid userId, Guid registrationId, int attempt, CancellationToken ct)
    {
        var (db, _) = await dbs.OpenAsync(ct);
        await using var __ = db;
        var now = default(DateTime);
        var ev = await desk.RegisterAsync(eventId, () => new RegistrationStatement.Press(userId, now = clock.GetUtcNow().UtcDateTime, db.Actor, registrationId),
            presses => WriteAsync(db, eventId, presses));

        // The same resident pressed Register twice at once: the other press took the registration.
        if (ev is { PressedTwice: true }) return ServiceResult<RegistrationOutcome>.Conflict(AlreadyRegistered);
        if (ev is null || ev.Status == EventStatuses.Draft) return ServiceResult<RegistrationOutcome>.NotFound();
        if (ev.ResidentId is not { } residentId)
            return ServiceResult<RegistrationOutcome>.Invalid("resident", "Your account is not linked to an active resident record yet, so you cannot register for events.");
        if (ev.Status == EventStatuses.Cancelled) return ServiceResult<RegistrationOutcome>.Conflict("This event was cancelled.");
        if (!ev.RegistrationRequired) return ServiceResult<RegistrationOutcome>.Conflict("This event does not take registrations: everyone is welcome.");
        if (ev.EarlierIsThisPress) return await OwnEarlierAsync(db, eventId, ev, registrationId, attempt, ct);
        if (ev.StartAt <= now) return ServiceResult<RegistrationOutcome>.Conflict(RegistrationClosed);
        if (ev.Earlier is EventRegistrationStatuses.Registered or EventRegistrationStatuses.Attended)
            return ServiceResult<RegistrationOutcome>.Conflict(AlreadyRegistered);
        if (ev.Earlier == EventRegistrationStatuses.Waitlisted)
            return ServiceResult<RegistrationOutcome>.Conflict("You are already on the waitlist for this event.");

        var seat = ev.Earlier is null
            ? ev.Written switch
            {
                null => SeatOutcome.Closed,
                EventRegistrationStatuses.Registered => SeatOutcome.Registered,
                _ => SeatOutcome.Waitlisted,
            }
            : await RetakeSeatAsync(db, eventId, residentId, now, ct);
        switch (seat)
        {
            case SeatOutcome.Closed: return ServiceResult<RegistrationOutcome>.Conflict(RegistrationClosed);
            case SeatOutcome.AlreadyRegistered: return ServiceResult<RegistrationOutcome>.Conflict(AlreadyRegistered);
            case SeatOutcome.Registered:
                return ServiceResult<RegistrationOutcome>.Success(new RegistrationOutcome(EventRegistrationStatuses.Registered, null, $"You are registered for {ev.Title}.", attempt));
        }
        // A first registration's statement counted the places ahead itself; a re-registration asks.
        var position = ev.Earlier is null ? ev.WaitlistAhead + 1 : await WaitlistPositionAsync(db, eventId, now, ct);
        return ServiceResult<RegistrationOutcome>.Success(new RegistrationOutcome(EventRegistrationStatuses.Waitlisted, position,
            $"The event is full. You are number {position} on the waitlist; we will notify you if a seat frees up.", attempt));
    }

    /// <summary>The answer the lost first attempt would have given: its registration, or its place on the waitlist.</summary>
    private static async Task<ServiceResult<RegistrationOutcome>> OwnEarlierAsync(BarangayDbContext db, Guid eventId, RegistrationStatement.Result ev, Guid registrationId, int attempt, CancellationToken ct)
    {
        if (ev.Earlier != EventRegistrationStatuses.Waitlisted)
            return ServiceResult<RegistrationOutcome>.Success(new RegistrationOutcome(EventRegistrationStatuses.Registered, null, $"You are registered for {ev.Title}.", attempt));
        var at = await db.EventRegistrations.AsNoTracking().Where(r => r.Id == registrationId).Select(r => r.RegisteredAt).SingleAsync(ct);
        var position = await WaitlistPositionAsync(db, eventId, at, ct);
        return ServiceResult<RegistrationOutcome>.Success(new RegistrationOutcome(EventRegistrationStatuses.Waitlisted, position,
            $"The event is full. You are number {position} on the waitlist; we will notify you if a seat frees up.", attempt));
    }

    /// <summary>
    /// Writes a batch of presses on <paramref name="db"/>'s connection, as the desk's leader. The batch belongs to
    /// everyone in it, so no one caller's cancellation stops it (the command timeout bounds it). When another replica
    /// wrote one of these residents' registration meanwhile, the statement fails on the unique key and writes nothing;
    /// then each press is written on its own, so only that resident is told they are already registered.
    /// </summary>
    private async Task<RegistrationStatement.Result?[]> WriteAsync(BarangayDbContext db, Guid eventId, IReadOnlyList<RegistrationStatement.Press> presses)
    {
        await db.Database.OpenConnectionAsync(CancellationToken.None);
        try
        {
            return await WriteOnceAsync(db, eventId, presses);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            if (presses.Count == 1) return [RegistrationStatement.Result.Duplicate];
            var results = new RegistrationStatement.Result?[presses.Count];
            for (var i = 0; i < presses.Count; i++) results[i] = (await WriteAsync(db, eventId, [presses[i]]))[0];
            return results;
        }
    }

    private async Task<RegistrationStatement.Result?[]> WriteOnceAsync(BarangayDbContext db, Guid eventId, IReadOnlyList<RegistrationStatement.Press> presses)
    {
        await using var tx = options.RegistrationIsolation == IsolationLevel.ReadCommitted ? null
            : await db.Database.BeginTransactionAsync(options.RegistrationIsolation, CancellationToken.None);
        var results = await RegistrationStatement.RunAsync((NpgsqlConnection)db.Database.GetDbConnection(),
            tx?.GetDbTransaction() as NpgsqlTransaction, eventId, presses, CancellationToken.None);
        if (tx is not null) await tx.CommitAsync(CancellationToken.None);
        return results;
    }

    private const string AlreadyRegistered = "You are already registered for this event.";

    private const string RegistrationClosed = "Registration is closed: the event has already started.";

    private enum SeatOutcome { Registered, Waitlisted, Closed, AlreadyRegistered }

    /// <summary>
    /// Registering again after cancelling reuses the row (one per resident and event). The row is claimed back from
    /// "cancelled" by a conditional UPDATE before the seat is taken, so two presses at once cannot both take one.
    /// </summary>
    private async Task<SeatOutcome> RetakeSeatAsync(BarangayDbContext db, Guid eventId, Guid residentId, DateTime now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(options.RegistrationIsolation, ct);
        var mine = db.EventRegistrations.Where(r => r.EventId == eventId && r.ResidentId == residentId);
        var claimed = await mine.Where(r => r.Status == EventRegistrationStatuses.Cancelled)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, EventRegistrationStatuses.Waitlisted).SetProperty(r => r.RegisteredAt, now), ct);
        if (claimed == 0) return SeatOutcome.AlreadyRegistered;
        var seat = await db.Events
            .Where(e => e.Id == eventId && e.Status == EventStatuses.Published && e.StartAt > now
                        && (e.MaxCapacity == null || e.RegisteredCount < e.MaxCapacity))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.RegisteredCount, e => e.RegisteredCount + 1), ct);
        var status = seat == 1 ? EventRegistrationStatuses.Registered : EventRegistrationStatuses.Waitlisted;
        if (seat == 1) await mine.ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status), ct);
        var id = await mine.Select(r => r.Id).SingleAsync(ct);
        db.Record(AuditActions.StatusChange, "EventRegistration", id.ToString(), new Dictionary<string, object?>
        {
            ["changes"] = new Dictionary<string, object?> { ["status"] = new { old = EventRegistrationStatuses.Cancelled, @new = status } },
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return seat == 1 ? SeatOutcome.Registered : SeatOutcome.Waitlisted;
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
