using Barangay.Data.Localization;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Complaints.Kp;
using Barangay.Data.Officials;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Complaints.Vawc;

/// <summary>A step being recorded on a VAWC complaint.</summary>
public sealed record VawcActionInput(string Kind, string? ReferredTo, string? Notes);

public sealed record VawcActionRow(Guid Id, string Kind, DateTime At, string? ReferredTo, string? Notes, string? SignedBy, string? RecordedBy);

/// <summary>
/// The path of a complaint of violence against women and their children (RA 9262): never offered to the Lupon (sec. 33
/// forbids mediating or conciliating it; <see cref="KpIntakeRules"/>), always confidential (sec. 44), with the steps the
/// law expects of the barangay recorded and audited: the application for a Barangay Protection Order, its issuance by
/// the Punong Barangay (or, when he is unavailable, a Kagawad: sec. 14), and the referral to the VAW desk, the social
/// worker or the police. Only the Punong Barangay and the official the complaint is assigned to (the VAW desk officer)
/// see or record them: not other officials, and not the system's admins (sec. 44 keeps the records from everyone the
/// case does not need).
/// </summary>
public sealed class VawcService(BarangayDb dbs, TimeProvider clock)
{
    public const string TargetType = "VawcAction";
    public const int MaxNotes = 5_000;

    /// <summary>The complaint's VAWC steps, oldest first; null when it is not a VAWC complaint or the caller may not see them.</summary>
    public async Task<IReadOnlyList<VawcActionRow>?> ListAsync(Guid complaintId, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var complaint = await db.Complaints.AsNoTracking().Where(c => c.Id == complaintId).Select(c => new { c.Category, c.AssignedTo }).FirstOrDefaultAsync(ct);
        if (complaint is null || !KpIntakeRules.IsVawc(complaint.Category) || !await MaySeeAsync(db, caller, complaint.AssignedTo, ct)) return null;
        return await (from a in db.Set<VawcAction>().AsNoTracking()
                      where a.ComplaintId == complaintId
                      orderby a.At, a.CreatedAt
                      select new VawcActionRow(a.Id, a.Kind, a.At, a.ReferredTo, a.Notes, a.SignedBy,
                          db.Users.IgnoreQueryFilters().Where(u => u.Id == a.RecordedBy).Select(u => u.FullName).FirstOrDefault()))
            .ToListAsync(ct);
    }

    /// <summary>Records a step; its audit row names the kind only, never the notes.</summary>
    public async Task<ServiceResult<VawcActionRow>> RecordAsync(Guid complaintId, VawcActionInput input, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var complaint = await db.Complaints.AsNoTracking().Where(c => c.Id == complaintId).Select(c => new { c.Category, c.AssignedTo, c.ComplaintId }).FirstOrDefaultAsync(ct);
        if (complaint is null || !KpIntakeRules.IsVawc(complaint.Category) || !await MaySeeAsync(db, caller, complaint.AssignedTo, ct))
            return ServiceResult<VawcActionRow>.NotFound();
        var notes = ComplaintService.Clean(input.Notes);
        if (!VawcActionKinds.All.Contains(input.Kind)) return Invalid("Kind", Texts.Say("Choose what is recorded: the BPO application, the BPO issued, or a referral."));
        if (input.Kind == VawcActionKinds.Referral && !VawcReferralTargets.All.Contains(input.ReferredTo ?? ""))
            return Invalid("ReferredTo", Texts.Say("Choose where the complaint is referred: the VAW desk, the social worker or the police."));
        if (notes is { Length: > MaxNotes }) return Invalid("Notes", Texts.Say("The notes are longer than {0:N0} characters.", MaxNotes));
        var position = await PositionAsync(db, caller, ct);
        string? signedBy = null;
        if (input.Kind == VawcActionKinds.BpoIssued)
        {
            // Sec. 14: the Punong Barangay issues the BPO; a Kagawad only when the Punong Barangay is unavailable.
            if (position?.Position is not (OfficialPositions.PunongBarangay or OfficialPositions.Kagawad))
                return Invalid("Kind", Texts.Say("Only the Punong Barangay (or, when he is unavailable, a Kagawad) issues a Barangay Protection Order (RA 9262, sec. 14)."));
            if (position.Position == OfficialPositions.Kagawad && notes is null)
                return Invalid("Notes", Texts.Say("A Kagawad issues the BPO only when the Punong Barangay is unavailable: say so in the notes (RA 9262, sec. 14)."));
            if (!await db.Set<VawcAction>().AnyAsync(a => a.ComplaintId == complaintId && a.Kind == VawcActionKinds.BpoApplication, ct))
                return Invalid("Kind", Texts.Say("Record the application for the Barangay Protection Order first."));
            signedBy = $"{position.FullName}, {position.Position}";
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new VawcAction
        {
            Id = Guid.NewGuid(), ComplaintId = complaintId, Kind = input.Kind, At = now,
            ReferredTo = input.Kind == VawcActionKinds.Referral ? input.ReferredTo : null, Notes = notes, RecordedBy = caller.UserId, SignedBy = signedBy,
        };
        db.Set<VawcAction>().Add(row);
        db.Record(AuditActions.Create, TargetType, row.Id.ToString(), new { complaint_id = complaint.ComplaintId, kind = row.Kind, referred_to = row.ReferredTo });
        await db.SaveChangesAsync(ct);
        return ServiceResult<VawcActionRow>.Success(new VawcActionRow(row.Id, row.Kind, row.At, row.ReferredTo, row.Notes, row.SignedBy, position?.FullName ?? caller.Name));
    }

    private sealed record Holder(string FullName, string Position);

    private static async Task<Holder?> PositionAsync(BarangayDbContext db, Caller caller, CancellationToken ct) =>
        caller.UserId is not { } me ? null : await db.Officials.AsNoTracking()
            .Where(o => (o.UserId == me || o.LinkedUserId == me) && o.Status == OfficialStatuses.Active)
            .Select(o => new Holder(o.FullName, o.Position)).FirstOrDefaultAsync(ct);

    private static async Task<bool> MaySeeAsync(BarangayDbContext db, Caller caller, Guid? assignedTo, CancellationToken ct)
    {
        if (caller.UserId is not { } me || !caller.Can(Permissions.Complaints.Handle)) return false;
        if (assignedTo == me) return true;
        return (await PositionAsync(db, caller, ct))?.Position == OfficialPositions.PunongBarangay;
    }

    private static ServiceResult<VawcActionRow> Invalid(string field, string message) => ServiceResult<VawcActionRow>.Invalid(field, message);
}
