using Barangay.Data.Localization;
using Barangay.Data.Accounts;
using Barangay.Data.Common;
using Barangay.Data.Files;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Officials;

public sealed partial class OfficialAdminService
{
    public const string Photo = "Photo";

    public static string ConflictMessage => Texts.Say(
        "Someone else changed this official's record while you were editing. Reload to see their changes, then make yours again.");

    /// <summary>
    /// Makes an existing account an official: the row with its <c>OFF-yyyy-nnnnnn</c> ID, and the account's <c>official</c>
    /// role when it lacks one, commit together. A blank full name takes the account's.
    /// </summary>
    public async Task<ServiceResult<OfficialDetail>> CreateAsync(Guid userId, OfficialEdit edit, CancellationToken ct = default)
    {
        var caller = await dbs.CallerAsync(ct);
        if (!caller.Can(Permissions.Officials.Manage)) return ServiceResult<OfficialDetail>.NotFound();
        edit = edit.Copy();
        return await InTransactionAsync(async db =>
        {
            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
            if (user is null) return ServiceResult<OfficialDetail>.Invalid("UserId", Texts.Say("Choose the account this official signs in with."));
            if (user.Status != UserStatuses.Active)
                return ServiceResult<OfficialDetail>.Invalid("UserId", Texts.Say("The account {0} is {1}; only an active account can be made an official.", user.UserName, Texts.Say(user.Status)));
            if (string.IsNullOrWhiteSpace(edit.FullName)) edit.FullName = user.FullName;
            var errors = OfficialValidator.Validate(edit);
            if (errors.Count > 0) return ServiceResult<OfficialDetail>.Invalid(errors);

            await LockUserAsync(db, userId, ct);
            var held = await db.Officials.AsNoTracking()
                .Where(o => o.UserId == userId && (o.Status == OfficialStatuses.Active || o.Status == OfficialStatuses.OnLeave))
                .Select(o => new { o.Position, o.OfficialId }).FirstOrDefaultAsync(ct);
            if (held is not null)
                return ServiceResult<OfficialDetail>.Invalid("UserId",
                    $"{user.FullName} already holds a current position ({held.Position}, {held.OfficialId}); mark that record former before adding another.");
            if (await SeatTakenAsync(db, edit, null, ct) is { } seat) return ServiceResult<OfficialDetail>.Invalid(seat.Field, seat.Message);

            var o = new Official { Id = Guid.NewGuid(), UserId = userId };
            Apply(edit, o);
            o.OfficialId = await HumanIds.NextAsync(db, HumanIds.Official, ct: ct);
            db.Officials.Add(o);
            await OfficialRoles.SyncAsync(db, userId, o, ct);
            await db.SaveChangesAsync(ct);
            return ServiceResult<OfficialDetail>.Success(new OfficialDetail(ToRow(o, user.UserName!), ToEdit(o)));
        }, ct);
    }

    /// <summary>Saves the form made on <paramref name="edit"/>.<see cref="OfficialEdit.UpdatedAt"/>; if someone saved in between, nothing is overwritten.</summary>
    public async Task<ServiceResult<OfficialDetail>> UpdateAsync(Guid id, OfficialEdit edit, CancellationToken ct = default)
    {
        var caller = await dbs.CallerAsync(ct);
        if (!caller.Can(Permissions.Officials.Manage)) return ServiceResult<OfficialDetail>.NotFound();
        var errors = OfficialValidator.Validate(edit);
        if (errors.Count > 0) return ServiceResult<OfficialDetail>.Invalid(errors);
        return await ChangeAsync(id, edit.UpdatedAt, async (db, o) =>
        {
            if (await SeatTakenAsync(db, edit, o, ct) is { } seat) return seat;
            Apply(edit, o);
            return null;
        }, ct);
    }

    /// <summary>Active, on leave or former. A former official's account keeps its sign-in but loses the <c>official</c> role (see <see cref="OfficialRoles"/>).</summary>
    public async Task<ServiceResult<OfficialDetail>> ChangeStatusAsync(Guid id, string status, DateTime expectedUpdatedAt, CancellationToken ct = default)
    {
        var caller = await dbs.CallerAsync(ct);
        if (!caller.Can(Permissions.Officials.Manage)) return ServiceResult<OfficialDetail>.NotFound();
        if (!OfficialStatusLabels.All.Contains(status))
            return ServiceResult<OfficialDetail>.Invalid(nameof(OfficialEdit.Status), Texts.Say("Status must be active, on leave or former."));
        return await ChangeAsync(id, expectedUpdatedAt, async (db, o) =>
        {
            var edit = ToEdit(o);
            edit.Status = status;
            if (await SeatTakenAsync(db, edit, o, ct) is { } seat) return seat;
            o.Status = status;
            return null;
        }, ct);
    }

    /// <summary>Sets (or with null, removes) the photo: a JPEG or PNG stored through <see cref="FileService"/>.</summary>
    public async Task<ServiceResult<OfficialDetail>> SetPhotoAsync(Guid id, Guid? fileId, DateTime expectedUpdatedAt, CancellationToken ct = default)
    {
        var caller = await dbs.CallerAsync(ct);
        if (!caller.Can(Permissions.Officials.Manage)) return ServiceResult<OfficialDetail>.NotFound();
        return await ChangeAsync(id, expectedUpdatedAt, async (db, o) =>
        {
            if (fileId is { } f && await PhotoFiles.RefusalAsync(db, f, TargetType, "an official's", ct) is { } refusal) return (Photo, refusal);
            o.PhotoUrl = fileId is { } g ? PhotoFiles.UrlOf(g) : null;
            return null;
        }, ct);
    }

    /// <summary>
    /// The optimistic check without a version column: in one transaction, lock the row, compare its <c>updated_at</c> with the
    /// value the caller loaded, change it and save (the interceptor audits it). A refusal from <paramref name="change"/> is a
    /// message for the field it names; nothing is saved then.
    /// </summary>
    private Task<ServiceResult<OfficialDetail>> ChangeAsync(Guid id, DateTime expectedUpdatedAt, Func<BarangayDbContext, Official, Task<(string Field, string Message)?>> change, CancellationToken ct) =>
        InTransactionAsync(async db =>
        {
            var o = (await db.Officials.FromSql($"SELECT * FROM officials WHERE id = {id} FOR UPDATE").ToListAsync(ct)).FirstOrDefault();
            if (o is null) return ServiceResult<OfficialDetail>.NotFound();
            if (Microseconds(o.UpdatedAt) != Microseconds(expectedUpdatedAt))
                return ServiceResult<OfficialDetail>.Conflict(ConflictMessage, await DetailAsync(db, o, ct));
            var refusal = await change(db, o);
            if (refusal is { } r) return ServiceResult<OfficialDetail>.Invalid(r.Field, r.Message);
            await LockUserAsync(db, o.UserId, ct);
            await OfficialRoles.SyncAsync(db, o.UserId, o, ct);
            await db.SaveChangesAsync(ct);
            return ServiceResult<OfficialDetail>.Success(await DetailAsync(db, o, ct));
        }, ct);

    /// <summary>Why the position cannot be held (all its seats are taken by others in office), or null.</summary>
    private static async Task<(string Field, string Message)?> SeatTakenAsync(BarangayDbContext db, OfficialEdit edit, Official? current, CancellationToken ct)
    {
        if (!OfficialStatusLabels.InOffice(edit.Status) || OfficialValidator.SeatsFor(edit.Position) is not { } seats) return null;
        if (current is not null && current.Position == edit.Position && OfficialStatusLabels.InOffice(current.Status)) return null;
        var self = current?.Id ?? Guid.Empty;
        var holders = await db.Officials.AsNoTracking()
            .Where(o => o.Position == edit.Position && (o.Status == OfficialStatuses.Active || o.Status == OfficialStatuses.OnLeave) && o.Id != self)
            .OrderBy(o => o.FullName).Select(o => o.FullName).ToListAsync(ct);
        if (holders.Count < seats) return null;
        return (nameof(OfficialEdit.Position), seats == 1
            ? Texts.Say("Position: {0} already holds the office of {1}; mark them former first.", holders[0], edit.Position)
            : Texts.Say("Position: all {0} {1} seats are filled; mark one of them former first.", seats, edit.Position));
    }

    /// <summary>Two admins changing the same person's records queue here, so the role follows the last of them.</summary>
    private static Task LockUserAsync(BarangayDbContext db, Guid userId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT id FROM users WHERE id = {userId} FOR UPDATE", ct);

    private static void Apply(OfficialEdit e, Official o)
    {
        o.FullName = e.FullName.Trim();
        o.Position = e.Position;
        o.TermStart = e.TermStart;
        o.TermEnd = e.TermEnd;
        o.ContactNumber = Blank(e.ContactNumber);
        o.Email = Blank(e.Email)?.ToLowerInvariant();
        o.Status = e.Status;
    }

    /// <summary>
    /// One transaction per attempt, each on a fresh context (CockroachDB may ask for a retry with 40001). Only a success is
    /// committed: a refusal rolls back, so nothing half-written (not even the official ID) remains.
    /// </summary>
    private async Task<ServiceResult<OfficialDetail>> InTransactionAsync(Func<BarangayDbContext, Task<ServiceResult<OfficialDetail>>> work, CancellationToken ct)
    {
        var (probe, _) = await dbs.OpenAsync(ct);
        await using var __ = probe;
        return await probe.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            var (db, _) = await dbs.OpenAsync(ct);
            await using var ___ = db;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var result = await work(db);
            if (result.Ok) await tx.CommitAsync(ct);
            return result;
        });
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
