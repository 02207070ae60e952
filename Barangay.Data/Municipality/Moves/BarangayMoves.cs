using System.Text.Json;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Residents;
using Barangay.Data.Security;
using Barangay.Data.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Municipality.Moves;

/// <summary>
/// Moving between barangays of the municipality, a handshake (docs/municipality-rollups.md, "Moving between barangays"):
/// the old barangay's secretary records a move-out with the resident's consent (the resident leaves the old register:
/// archived, out of the household) and a pending <see cref="BarangayMove"/> carrying <see cref="MoveRbi"/> only; the new
/// barangay's secretary accepts (a new record in her register, household for her to assign) or declines with a reason
/// (the old record is active again). Each step is audited in both barangays' trails and the municipal audit. Every move
/// is looked up together with the current barangay's id, so a secretary never sees or acts on another barangay's moves.
/// </summary>
public sealed class BarangayMoves(
    BarangayDb dbs, ICurrentBarangay current, IBarangayDirectory directory, IDbContextFactory<MunicipalityDbContext> municipality,
    BarangayContexts contexts, TimeProvider clock)
{
    public const string MovedOut = "MovedOut";
    public const string MovedIn = "MovedIn";
    public const string MoveDeclined = "MoveDeclined";

    public async Task<IReadOnlyList<MoveDestination>> DestinationsAsync(CancellationToken ct = default)
    {
        var here = current.Barangay;
        if (here is null) return [];
        return (await directory.ListAsync(ct)).Where(b => b.IsActive && b.Id != here.Id).OrderBy(b => b.Name)
            .Select(b => new MoveDestination(b.Id, b.Name)).ToList();
    }

    public async Task<ServiceResult<Guid>> RecordMoveOutAsync(MoveOut input, CancellationToken ct = default)
    {
        var here = current.Barangay;
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (here is null || !caller.Can(Permissions.Residents.Archive)) return ServiceResult<Guid>.NotFound();
        var r = await db.Residents.FirstOrDefaultAsync(x => x.Id == input.ResidentId && x.RegistrationStatus == ResidentStatuses.Active, ct);
        if (r is null) return ServiceResult<Guid>.NotFound();
        var errors = new Dictionary<string, string>();
        var to = input.ToBarangayId is { } toId ? (await directory.ListAsync(ct)).FirstOrDefault(b => b.Id == toId && b.IsActive && b.Id != here.Id) : null;
        if (to is null) errors[nameof(MoveOut.ToBarangayId)] = "Choose the barangay of the municipality the resident is moving to.";
        // RA 10173 (Data Privacy Act) sec. 3(b): consent is a freely given, specific, informed indication of will, "evidenced
        // by written, electronic or recorded means": so the move records that it was given, who witnessed it and when.
        if (!input.ConsentGiven) errors[nameof(MoveOut.ConsentGiven)] = "The move needs the resident's consent: confirm it was given.";
        if (string.IsNullOrWhiteSpace(input.Witness) || input.Witness.Trim().Length > 120) errors[nameof(MoveOut.Witness)] = "Give who witnessed the consent (up to 120 characters).";
        var today = TimeZones.ManilaToday(clock);
        if (input.ConsentDate is not { } date || date > today) errors[nameof(MoveOut.ConsentDate)] = "Give the date the consent was given (not a future date).";
        if (errors.Count > 0) return ServiceResult<Guid>.Invalid(errors);

        await using var mdb = await municipality.CreateDbContextAsync(ct);
        if (await mdb.Moves.AnyAsync(m => m.FromBarangayId == here.Id && m.FromResidentId == r.Id && m.Status == MoveStatuses.Pending, ct))
            return ServiceResult<Guid>.Invalid(nameof(MoveOut.ToBarangayId), "This resident's move is already waiting for the new barangay.");
        var rbi = new MoveRbi(r.FirstName, r.MiddleName, r.LastName, r.NameExtension, r.Dob, r.Sex, r.PlaceOfBirth, r.MaritalStatus, r.Citizenship,
            r.Occupation, r.IsPwd, r.IsSoloParent, r.IsFourPs, r.IsIndigenous, r.IsOutOfSchoolYouth, r.IsOfw, r.IsRegisteredVoter, r.IsEmployed);
        var witness = input.Witness!.Trim();
        var move = new BarangayMove
        {
            Id = Guid.NewGuid(), FromBarangayId = here.Id, ToBarangayId = to!.Id, FromResidentId = r.Id, Status = MoveStatuses.Pending,
            Rbi = JsonSerializer.Serialize(rbi), ConsentNote = $"Consent given; witnessed by {witness}",
            ConsentAt = DateTime.SpecifyKind(input.ConsentDate!.Value.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc),
            RecordedBy = $"{await NameOfAsync(db, caller, ct)} ({here.Name})", RequestedAt = clock.GetUtcNow().UtcDateTime,
        };
        mdb.Moves.Add(move);
        mdb.Audit.Add(MunicipalAudit.Entry(clock, move.RecordedBy, null, "MoveRecorded", here.Slug, new { move = move.Id, from = here.Slug, to = to.Slug }));
        await mdb.SaveChangesAsync(ct);

        // Off the old register: archived (RBI keeps the record; Form C stops counting it) and out of its household.
        r.RegistrationStatus = ResidentStatuses.Archived;
        await db.HouseholdMembers.Where(m => m.ResidentId == r.Id).ExecuteDeleteAsync(ct);
        await db.Households.Where(h => h.HeadResidentId == r.Id).ExecuteUpdateAsync(s => s.SetProperty(h => h.HeadResidentId, (Guid?)null), ct);
        r.HouseholdId = null;
        db.Record(MovedOut, "Resident", r.Id.ToString(), new { move = move.Id, to = to.Name, consent = move.ConsentNote, consentDate = input.ConsentDate });
        await db.SaveChangesAsync(ct);
        return ServiceResult<Guid>.Success(move.Id);
    }

    public async Task<IReadOnlyList<IncomingMove>> IncomingAsync(CancellationToken ct = default)
    {
        var here = current.Barangay;
        var caller = await dbs.CallerAsync(ct);
        if (here is null || !caller.Can(Permissions.Residents.Edit)) return [];
        await using var mdb = await municipality.CreateDbContextAsync(ct);
        var moves = await mdb.Moves.AsNoTracking().Where(m => m.ToBarangayId == here.Id && m.Status == MoveStatuses.Pending)
            .OrderBy(m => m.RequestedAt).ToListAsync(ct);
        var names = (await directory.ListAsync(ct)).ToDictionary(b => b.Id, b => b.Name);
        return moves.Select(m => new IncomingMove(m.Id, names.GetValueOrDefault(m.FromBarangayId, "(another barangay)"), Rbi(m), m.ConsentNote,
            DateOnly.FromDateTime(m.ConsentAt), m.RecordedBy, m.RequestedAt)).ToList();
    }

    public async Task<IReadOnlyList<OutgoingMove>> OutgoingAsync(CancellationToken ct = default)
    {
        var here = current.Barangay;
        var caller = await dbs.CallerAsync(ct);
        if (here is null || !caller.Can(Permissions.Residents.Archive)) return [];
        await using var mdb = await municipality.CreateDbContextAsync(ct);
        var moves = await mdb.Moves.AsNoTracking().Where(m => m.FromBarangayId == here.Id).OrderByDescending(m => m.RequestedAt).Take(100).ToListAsync(ct);
        var names = (await directory.ListAsync(ct)).ToDictionary(b => b.Id, b => b.Name);
        return moves.Select(m => new OutgoingMove(m.Id, names.GetValueOrDefault(m.ToBarangayId, "(another barangay)"), Rbi(m).FullName, m.Status, m.RequestedAt, m.DeclineReason)).ToList();
    }

    /// <summary>Accepts a pending move into this barangay: the person joins the register in <paramref name="purok"/>, without a household.</summary>
    public async Task<ServiceResult<Guid>> AcceptAsync(Guid moveId, string? purok, CancellationToken ct = default)
    {
        var (db, caller, move, here) = await OpenIncomingAsync(moveId, ct);
        if (db is null) return ServiceResult<Guid>.NotFound();
        await using var _ = db;
        if (string.IsNullOrWhiteSpace(purok) || !(await ResidentService.ActivePuroksAsync(db, ct)).Contains(purok))
            return ServiceResult<Guid>.Invalid("Purok", "Choose the purok the resident now lives in.");
        var rbi = Rbi(move!);
        var r = new Resident
        {
            Id = Guid.NewGuid(), FirstName = rbi.FirstName, MiddleName = rbi.MiddleName, LastName = rbi.LastName, NameExtension = rbi.NameExtension,
            Dob = rbi.Dob, Sex = rbi.Sex, PlaceOfBirth = rbi.PlaceOfBirth, MaritalStatus = rbi.MaritalStatus, Citizenship = rbi.Citizenship,
            Occupation = rbi.Occupation, IsPwd = rbi.IsPwd, IsSoloParent = rbi.IsSoloParent, IsFourPs = rbi.IsFourPs, IsIndigenous = rbi.IsIndigenous,
            IsOutOfSchoolYouth = rbi.IsOutOfSchoolYouth, IsOfw = rbi.IsOfw, IsRegisteredVoter = rbi.IsRegisteredVoter, IsEmployed = rbi.IsEmployed,
            Purok = purok, RegistrationStatus = ResidentStatuses.Active, ResidentSince = TimeZones.ManilaToday(clock),
        };
        r.ResidentId = await HumanIds.NextAsync(db, HumanIds.Resident, ct: ct);
        db.Residents.Add(r);
        var from = await FromAsync(move!, ct);
        db.Record(MovedIn, "Resident", r.Id.ToString(), new { move = move!.Id, from = from?.Name, consent = move.ConsentNote });
        await db.SaveChangesAsync(ct);
        var by = $"{await NameOfAsync(db, caller!, ct)} ({here!.Name})";
        await DecideAsync(move.Id, by, here, MoveStatuses.Accepted, r.Id, null, ct);
        await AuditInOldAsync(from, move, "MoveAccepted", by, new { move = move.Id, to = here.Name }, ct);
        return ServiceResult<Guid>.Success(r.Id);
    }

    /// <summary>Declines a pending move into this barangay; the old barangay's record becomes active again (the person is on some register).</summary>
    public async Task<ServiceResult<bool>> DeclineAsync(Guid moveId, string? reason, CancellationToken ct = default)
    {
        var (db, caller, move, here) = await OpenIncomingAsync(moveId, ct);
        if (db is null) return ServiceResult<bool>.NotFound();
        await using var _ = db;
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500) return ServiceResult<bool>.Invalid("Reason", "Give the reason for declining (up to 500 characters).");
        db.Record(MoveDeclined, "BarangayMove", move!.Id.ToString(), new { reason = reason.Trim(), name = Rbi(move).FullName });
        await db.SaveChangesAsync(ct);
        var by = $"{await NameOfAsync(db, caller!, ct)} ({here!.Name})";
        await DecideAsync(move.Id, by, here, MoveStatuses.Declined, null, reason.Trim(), ct);
        var from = await FromAsync(move, ct);
        await AuditInOldAsync(from, move, MoveDeclined, by, new { move = move.Id, to = here.Name, reason = reason.Trim() }, ct, restore: true);
        return ServiceResult<bool>.Success(true);
    }

    private async Task<(BarangayDbContext? Db, Caller? Caller, BarangayMove? Move, BarangayListing? Here)> OpenIncomingAsync(Guid moveId, CancellationToken ct)
    {
        var here = current.Barangay;
        var (db, caller) = await dbs.OpenAsync(ct);
        if (here is null || !caller.Can(Permissions.Residents.Edit)) { await db.DisposeAsync(); return default; }
        await using var mdb = await municipality.CreateDbContextAsync(ct);
        // The current barangay's id is part of the look-up: another barangay's move id finds nothing.
        var move = await mdb.Moves.AsNoTracking().FirstOrDefaultAsync(m => m.Id == moveId && m.ToBarangayId == here.Id && m.Status == MoveStatuses.Pending, ct);
        if (move is null) { await db.DisposeAsync(); return default; }
        return (db, caller, move, here);
    }

    /// <summary>The secretary's full name (what the other barangay reads), else her user name.</summary>
    private static async Task<string> NameOfAsync(BarangayDbContext db, Caller caller, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.Id == caller.UserId).Select(u => u.FullName).FirstOrDefaultAsync(ct) is { Length: > 0 } full ? full : caller.Name ?? "";

    private async Task DecideAsync(Guid moveId, string by, BarangayListing here, string status, Guid? residentId, string? reason, CancellationToken ct)
    {
        await using var mdb = await municipality.CreateDbContextAsync(ct);
        var move = await mdb.Moves.SingleAsync(m => m.Id == moveId, ct);
        move.Status = status;
        move.ToResidentId = residentId;
        move.DecidedAt = clock.GetUtcNow().UtcDateTime;
        move.DecidedBy = by;
        move.DeclineReason = reason;
        mdb.Audit.Add(MunicipalAudit.Entry(clock, move.DecidedBy, null, status == MoveStatuses.Accepted ? "MoveAccepted" : "MoveDeclined", here.Slug,
            new { move = move.Id, reason }));
        await mdb.SaveChangesAsync(ct);
    }

    private async Task<BarangayListing?> FromAsync(BarangayMove move, CancellationToken ct) =>
        (await directory.ListAsync(ct)).FirstOrDefault(b => b.Id == move.FromBarangayId);

    /// <summary>The old barangay's own trail learns the outcome (an actor from another barangay has no user id there).</summary>
    private async Task AuditInOldAsync(BarangayListing? from, BarangayMove move, string action, string actor, object details, CancellationToken ct, bool restore = false)
    {
        if (from is null) return;
        await using var old = contexts.Open(from.ConnectionString, AuditActor.System(actor));
        if (restore)
        {
            var r = await old.Residents.FirstOrDefaultAsync(x => x.Id == move.FromResidentId && x.RegistrationStatus == ResidentStatuses.Archived, ct);
            if (r is not null) r.RegistrationStatus = ResidentStatuses.Active;
        }
        old.Record(action, "Resident", move.FromResidentId.ToString(), details);
        await old.SaveChangesAsync(ct);
    }

    private static MoveRbi Rbi(BarangayMove m) => JsonSerializer.Deserialize<MoveRbi>(m.Rbi)!;
}
