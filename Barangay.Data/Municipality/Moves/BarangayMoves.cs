using System.Text.Json;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Localization;
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
/// No transaction spans the two databases, so each step is two idempotent writes with a state between them: the
/// municipality's row first (with <see cref="BarangayMove.OldSideDone"/> false), then the old register, then the flag.
/// A crash between them is finished by <see cref="ResumeAsync"/> (run whenever either barangay looks at its moves): the
/// resident is archived, told or restored once. The new register's record has the move's id as its own, so accepting
/// twice (or after a crash) finds it instead of adding a second person; a move whose old side is not done is not offered
/// to the new barangay.
/// </summary>
public sealed partial class BarangayMoves(
    BarangayDb dbs, ICurrentBarangay current, IBarangayDirectory directory, IDbContextFactory<MunicipalityDbContext> municipality,
    BarangayContexts contexts, TimeProvider clock)
{
    public const string MovedOut = "MovedOut";
    public const string ConsentNotePrefix = "Consent given; witnessed by ";
    public const string MovedIn = "MovedIn";
    public const string MoveDeclined = "MoveDeclined";
    public const int PageSize = 25;

    /// <summary>Tests only: runs between a step's two writes ("move-out", "accept", "decline"), to fail there like a crash.</summary>
    internal Func<string, Task>? BetweenWrites { get; set; }

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
        if (to is null) errors[nameof(MoveOut.ToBarangayId)] = Texts.Say("Choose the barangay of the municipality the resident is moving to.");
        // RA 10173 (Data Privacy Act) sec. 3(b): consent is a freely given, specific, informed indication of will, "evidenced
        // by written, electronic or recorded means": so the move records that it was given, who witnessed it and when.
        if (!input.ConsentGiven) errors[nameof(MoveOut.ConsentGiven)] = Texts.Say("The move needs the resident's consent: confirm it was given.");
        if (string.IsNullOrWhiteSpace(input.Witness) || input.Witness.Trim().Length > 120) errors[nameof(MoveOut.Witness)] = Texts.Say("Give who witnessed the consent (up to 120 characters).");
        var today = TimeZones.ManilaToday(clock);
        if (input.ConsentDate is not { } date || date > today) errors[nameof(MoveOut.ConsentDate)] = Texts.Say("Give the date the consent was given (not a future date).");
        if (errors.Count > 0) return ServiceResult<Guid>.Invalid(errors);

        await using var mdb = await municipality.CreateDbContextAsync(ct);
        if (await mdb.Moves.AsNoTracking().FirstOrDefaultAsync(m => m.FromBarangayId == here.Id && m.FromResidentId == r.Id && m.Status == MoveStatuses.Pending, ct) is { } waiting)
        {
            if (waiting.OldSideDone) return ServiceResult<Guid>.Invalid(nameof(MoveOut.ToBarangayId), Texts.Say("This resident's move is already waiting for the new barangay."));
            await SettleAsync(waiting, ct); // recorded before a crash: finish it rather than record a second move
            return ServiceResult<Guid>.Success(waiting.Id);
        }
        var rbi = new MoveRbi(r.FirstName, r.MiddleName, r.LastName, r.NameExtension, r.Dob, r.Sex, r.PlaceOfBirth, r.MaritalStatus, r.Citizenship,
            r.Occupation, r.IsPwd, r.IsSoloParent, r.IsFourPs, r.IsIndigenous, r.IsOutOfSchoolYouth, r.IsOfw, r.IsRegisteredVoter, r.IsEmployed);
        var witness = input.Witness!.Trim();
        var move = new BarangayMove
        {
            Id = Guid.NewGuid(), FromBarangayId = here.Id, ToBarangayId = to!.Id, FromResidentId = r.Id, Status = MoveStatuses.Pending,
            Rbi = JsonSerializer.Serialize(rbi), ConsentNote = ConsentNotePrefix + witness,
            ConsentAt = DateTime.SpecifyKind(input.ConsentDate!.Value.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc),
            RecordedBy = $"{await NameOfAsync(db, caller, ct)} ({here.Name})", RequestedAt = clock.GetUtcNow().UtcDateTime, OldSideDone = false,
        };
        mdb.Moves.Add(move);
        mdb.Audit.Add(MunicipalAudit.Entry(clock, move.RecordedBy, null, "MoveRecorded", here.Slug, new { move = move.Id, from = here.Slug, to = to.Slug }));
        await mdb.SaveChangesAsync(ct);
        if (BetweenWrites is { } between) await between("move-out");

        await ArchiveAsync(db, move, to.Name, ct);
        await MarkOldSideDoneAsync(move.Id, ct);
        return ServiceResult<Guid>.Success(move.Id);
    }

    /// <summary>Off the old register: archived (RBI keeps the record; Form C stops counting it) and out of its household. Once.</summary>
    private static async Task ArchiveAsync(BarangayDbContext old, BarangayMove move, string toName, CancellationToken ct)
    {
        var r = await old.Residents.FirstOrDefaultAsync(x => x.Id == move.FromResidentId && x.RegistrationStatus == ResidentStatuses.Active, ct);
        if (r is null) return; // archived already (the step ran before a crash)
        r.RegistrationStatus = ResidentStatuses.Archived;
        await old.HouseholdMembers.Where(m => m.ResidentId == r.Id).ExecuteDeleteAsync(ct);
        await old.Households.Where(h => h.HeadResidentId == r.Id).ExecuteUpdateAsync(s => s.SetProperty(h => h.HeadResidentId, (Guid?)null), ct);
        r.HouseholdId = null;
        old.Record(MovedOut, "Resident", r.Id.ToString(), new { move = move.Id, to = toName, consent = move.ConsentNote, consentDate = DateOnly.FromDateTime(move.ConsentAt) });
        await old.SaveChangesAsync(ct);
    }

    private async Task MarkOldSideDoneAsync(Guid moveId, CancellationToken ct)
    {
        await using var mdb = await municipality.CreateDbContextAsync(ct);
        await mdb.Moves.Where(m => m.Id == moveId).ExecuteUpdateAsync(s => s.SetProperty(m => m.OldSideDone, true), ct);
    }

    /// <summary>
    /// Finishes the steps a crash interrupted for moves from or to the current barangay: the old side of any move not
    /// marked done, and an accept whose new record exists (its id is the move's) but whose move is still pending.
    /// </summary>
    public async Task ResumeAsync(CancellationToken ct = default)
    {
        var here = current.Barangay;
        if (here is null) return;
        List<BarangayMove> open;
        await using (var mdb = await municipality.CreateDbContextAsync(ct))
        {
            open = await mdb.Moves.AsNoTracking().Where(m => (m.FromBarangayId == here.Id || m.ToBarangayId == here.Id)
                && (!m.OldSideDone || (m.ToBarangayId == here.Id && m.Status == MoveStatuses.Pending))).ToListAsync(ct);
        }
        foreach (var m in open.Where(m => !m.OldSideDone)) await SettleAsync(m, ct);
        var pendingHere = open.Where(m => m.ToBarangayId == here.Id && m.Status == MoveStatuses.Pending).Select(m => m.Id).ToList();
        if (pendingHere.Count == 0) return;
        var (db, _) = await dbs.OpenAsync(ct);
        await using (db)
        {
            var accepted = await db.Residents.IgnoreQueryFilters().Where(r => pendingHere.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct);
            foreach (var id in accepted)
            {
                var move = open.Single(m => m.Id == id);
                var by = await db.AuditLogs.AsNoTracking().Where(a => a.ActionType == MovedIn && a.TargetId == id.ToString())
                    .Select(a => a.ActorName).FirstOrDefaultAsync(ct) ?? "";
                await DecideAsync(id, $"{by} ({here.Name})", here, MoveStatuses.Accepted, id, null, ct);
                await SettleAsync((await ReloadAsync(id, ct))!, ct);
            }
        }
    }

    private async Task<BarangayMove?> ReloadAsync(Guid id, CancellationToken ct)
    {
        await using var mdb = await municipality.CreateDbContextAsync(ct);
        return await mdb.Moves.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
    }

    /// <summary>The old register's side of the move's latest step, then the flag; each part does nothing the second time.</summary>
    private async Task SettleAsync(BarangayMove move, CancellationToken ct)
    {
        var list = await directory.ListAsync(ct);
        var from = list.FirstOrDefault(b => b.Id == move.FromBarangayId);
        var to = list.FirstOrDefault(b => b.Id == move.ToBarangayId);
        if (from is null) return;
        switch (move.Status)
        {
            case MoveStatuses.Pending:
                await using (var old = contexts.Open(from.ConnectionString, AuditActor.System(move.RecordedBy)))
                    await ArchiveAsync(old, move, to?.Name ?? "", ct);
                break;
            case MoveStatuses.Accepted:
                await AuditInOldAsync(from, move, "MoveAccepted", move.DecidedBy ?? "", new { move = move.Id, to = to?.Name }, ct);
                await RetireOldAccountAsync(from, to, move, ct);
                break;
            case MoveStatuses.Declined:
                await AuditInOldAsync(from, move, MoveDeclined, move.DecidedBy ?? "", new { move = move.Id, to = to?.Name, reason = move.DeclineReason }, ct, restore: true);
                break;
        }
        await MarkOldSideDoneAsync(move.Id, ct);
    }

    public async Task<IReadOnlyList<IncomingMove>> IncomingAsync(CancellationToken ct = default)
    {
        var here = current.Barangay;
        var caller = await dbs.CallerAsync(ct);
        if (here is null || !caller.Can(Permissions.Residents.Edit)) return [];
        await ResumeAsync(ct);
        await using var mdb = await municipality.CreateDbContextAsync(ct);
        // Only moves whose old register let the resident go: never one the old barangay has not finished.
        var moves = await mdb.Moves.AsNoTracking().Where(m => m.ToBarangayId == here.Id && m.Status == MoveStatuses.Pending && m.OldSideDone)
            .OrderBy(m => m.RequestedAt).ToListAsync(ct);
        var names = (await directory.ListAsync(ct)).ToDictionary(b => b.Id, b => b.Name);
        return moves.Select(m => new IncomingMove(m.Id, names.GetValueOrDefault(m.FromBarangayId, "(another barangay)"), Rbi(m), m.ConsentNote,
            DateOnly.FromDateTime(m.ConsentAt), m.RecordedBy, m.RequestedAt)).ToList();
    }

    /// <summary>Moves out of this barangay, newest first, <see cref="PageSize"/> a page (<paramref name="page"/> from 0), and how many there are.</summary>
    public async Task<OutgoingPage> OutgoingAsync(int page = 0, CancellationToken ct = default)
    {
        var here = current.Barangay;
        var caller = await dbs.CallerAsync(ct);
        if (here is null || !caller.Can(Permissions.Residents.Archive)) return new OutgoingPage([], 0, 0);
        await ResumeAsync(ct);
        await using var mdb = await municipality.CreateDbContextAsync(ct);
        var query = mdb.Moves.AsNoTracking().Where(m => m.FromBarangayId == here.Id);
        var total = await query.CountAsync(ct);
        page = Math.Clamp(page, 0, Math.Max(0, (total - 1) / PageSize));
        var moves = await query.OrderByDescending(m => m.RequestedAt).ThenBy(m => m.Id).Skip(page * PageSize).Take(PageSize).ToListAsync(ct);
        var names = (await directory.ListAsync(ct)).ToDictionary(b => b.Id, b => b.Name);
        return new OutgoingPage(moves.Select(m => new OutgoingMove(m.Id, names.GetValueOrDefault(m.ToBarangayId, "(another barangay)"), Rbi(m).FullName, m.Status, m.RequestedAt, m.DeclineReason)).ToList(),
            total, page);
    }

    /// <summary>Accepts a pending move into this barangay: the person joins the register in <paramref name="purok"/>, without a household.</summary>
    public async Task<ServiceResult<Guid>> AcceptAsync(Guid moveId, string? purok, CancellationToken ct = default)
    {
        var (db, caller, move, here) = await OpenIncomingAsync(moveId, ct);
        if (db is null) return ServiceResult<Guid>.NotFound();
        await using var _ = db;
        if (string.IsNullOrWhiteSpace(purok) || !(await ResidentService.ActivePuroksAsync(db, ct)).Contains(purok))
            return ServiceResult<Guid>.Invalid("Purok", Texts.Say("Choose the purok the resident now lives in."));
        var rbi = Rbi(move!);
        if (await db.Residents.IgnoreQueryFilters().AnyAsync(x => x.Id == move!.Id, ct))
        {
            // Accepted before a crash left the move pending: finish that accept, never a second record.
            await ResumeAsync(ct);
            return ServiceResult<Guid>.Success(move!.Id);
        }
        var r = new Resident
        {
            // The move's id: a second accept (or the resume after a crash) finds this record instead of adding one.
            Id = move!.Id, FirstName = rbi.FirstName, MiddleName = rbi.MiddleName, LastName = rbi.LastName, NameExtension = rbi.NameExtension,
            Dob = rbi.Dob, Sex = rbi.Sex, PlaceOfBirth = rbi.PlaceOfBirth, MaritalStatus = rbi.MaritalStatus, Citizenship = rbi.Citizenship,
            Occupation = rbi.Occupation, IsPwd = rbi.IsPwd, IsSoloParent = rbi.IsSoloParent, IsFourPs = rbi.IsFourPs, IsIndigenous = rbi.IsIndigenous,
            IsOutOfSchoolYouth = rbi.IsOutOfSchoolYouth, IsOfw = rbi.IsOfw, IsRegisteredVoter = rbi.IsRegisteredVoter, IsEmployed = rbi.IsEmployed,
            Purok = purok, RegistrationStatus = ResidentStatuses.Active, ResidentSince = TimeZones.ManilaToday(clock),
        };
        r.ResidentId = await HumanIds.NextAsync(db, HumanIds.Resident, ct: ct);
        db.Residents.Add(r);
        var from = await FromAsync(move!, ct);
        // The resident's own account comes along in the same SaveChanges as the record (BarangayMoves.Accounts.cs).
        r.UserId = await CarryAccountAsync(db, move!, from, ct);
        db.Record(MovedIn, "Resident", r.Id.ToString(), new { move = move!.Id, from = from?.Name, consent = move.ConsentNote });
        await db.SaveChangesAsync(ct);
        if (BetweenWrites is { } between) await between("accept");
        var by = $"{await NameOfAsync(db, caller!, ct)} ({here!.Name})";
        await DecideAsync(move.Id, by, here, MoveStatuses.Accepted, r.Id, null, ct);
        await SettleAsync((await ReloadAsync(move.Id, ct))!, ct);
        return ServiceResult<Guid>.Success(r.Id);
    }

    /// <summary>Declines a pending move into this barangay; the old barangay's record becomes active again (the person is on some register).</summary>
    public async Task<ServiceResult<bool>> DeclineAsync(Guid moveId, string? reason, CancellationToken ct = default)
    {
        var (db, caller, move, here) = await OpenIncomingAsync(moveId, ct);
        if (db is null) return ServiceResult<bool>.NotFound();
        await using var _ = db;
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500) return ServiceResult<bool>.Invalid("Reason", Texts.Say("Give the reason for declining (up to 500 characters)."));
        db.Record(MoveDeclined, "BarangayMove", move!.Id.ToString(), new { reason = reason.Trim(), name = Rbi(move).FullName });
        await db.SaveChangesAsync(ct);
        var by = $"{await NameOfAsync(db, caller!, ct)} ({here!.Name})";
        await DecideAsync(move.Id, by, here, MoveStatuses.Declined, null, reason.Trim(), ct);
        if (BetweenWrites is { } between) await between("decline");
        await SettleAsync((await ReloadAsync(move.Id, ct))!, ct);
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
        move.OldSideDone = false; // the old register's part of this decision follows (SettleAsync)
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
        // Once: a resumed step finds its own trail entry (written after the move was decided) and stops.
        var target = move.FromResidentId.ToString();
        if (move.DecidedAt is { } decided && await old.AuditLogs.AnyAsync(a => a.ActionType == action && a.TargetId == target && a.Timestamp >= decided, ct)) return;
        if (restore)
        {
            var r = await old.Residents.FirstOrDefaultAsync(x => x.Id == move.FromResidentId && x.RegistrationStatus == ResidentStatuses.Archived, ct);
            if (r is not null) r.RegistrationStatus = ResidentStatuses.Active;
        }
        old.Record(action, "Resident", target, details);
        await old.SaveChangesAsync(ct);
    }

    private static MoveRbi Rbi(BarangayMove m) => JsonSerializer.Deserialize<MoveRbi>(m.Rbi)!;
}
