using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Localization;
using Barangay.Data.Residents;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Complaints;

/// <summary>The hall's actions on a complaint: assign, prioritise, move the status, add an internal note.</summary>
public sealed partial class ComplaintService
{
    /// <summary>
    /// Assigns the complaint to an official who handles complaints (or clears it with null). <paramref name="version"/>
    /// is the row as the caller saw it: when two officials take it at once one wins, the other is told who did.
    /// </summary>
    public Task<ServiceResult<ComplaintDetail>> AssignAsync(Guid id, Guid? assignee, Guid version, CancellationToken ct = default) =>
        ChangeAsync(id, version, async (db, caller, row, actor) =>
        {
            if (row.AssignedTo == assignee) return null;
            string? name = null;
            if (assignee is { } a)
            {
                var official = await db.Officials.AsNoTracking().Where(o => o.UserId == a && o.Status == Officials.OfficialStatuses.Active)
                    .Select(o => new { o.FullName, o.Position }).FirstOrDefaultAsync(ct);
                if (official is null || !RolePermissions.For([Accounts.AppRoles.Official], official.Position).Contains(Permissions.Complaints.Handle))
                    return Localization.Texts.Say("Assign the complaint to an active official who handles complaints.");
                name = official.FullName;
            }
            if (ComplaintStatuses.Open.All(s => s != row.Status)) return Localization.Texts.Say("A {0} complaint cannot be reassigned.", Localization.Texts.Say(ComplaintStatusMachine.Label(row.Status)));
            var from = row.AssignedTo;
            row.AssignedTo = assignee;
            var meta = ComplaintMetadata.Parse(row.Metadata);
            meta.History.Add(new ComplaintHistoryEntry(assignee is null ? "unassigned" : "assigned", Now(), caller.UserId, actor, name));
            row.Metadata = meta.ToJson();
            db.Record(AuditActions.Update, TargetType, row.Id.ToString(), new { complaint_id = row.ComplaintId, assigned_to = new { old = from, @new = assignee } });
            return null;
        }, (row, _) => row.AssignedTo is null ? null : (new Message("{0} is being handled", row.ComplaintId), new Message("Your complaint {0} is now being handled by an official of the hall.", row.ComplaintId)), ct);

    /// <summary>Sets the priority: low, normal, high or urgent.</summary>
    public Task<ServiceResult<ComplaintDetail>> SetPriorityAsync(Guid id, string priority, Guid version, CancellationToken ct = default) =>
        ChangeAsync(id, version, (db, caller, row, actor) =>
        {
            if (!ComplaintPriorities.All.Contains(priority)) return Task.FromResult<string?>(Localization.Texts.Say("Choose a priority: low, normal, high or urgent."));
            if (row.Priority == priority) return Task.FromResult<string?>(null);
            var from = row.Priority;
            row.Priority = priority;
            var meta = ComplaintMetadata.Parse(row.Metadata);
            meta.History.Add(new ComplaintHistoryEntry("priority", Now(), caller.UserId, actor, $"{from} → {priority}"));
            row.Metadata = meta.ToJson();
            db.Record(AuditActions.Update, TargetType, row.Id.ToString(), new { complaint_id = row.ComplaintId, priority = new { old = from, @new = priority } });
            return Task.FromResult<string?>(null);
        }, (row, _) => (new Message("{0}: priority {1}", row.ComplaintId, Message.Text(row.Priority)), new Message("The hall set the priority of your complaint {0} to {1}.", row.ComplaintId, Message.Text(row.Priority))), ct);

    /// <summary>
    /// Moves the status along new → in_progress → resolved → closed (or rejected with a reason); a resolution needs
    /// its notes. Anything else is refused with a message that says what can be done instead.
    /// </summary>
    public Task<ServiceResult<ComplaintDetail>> ChangeStatusAsync(Guid id, string to, string? note, Guid version, CancellationToken ct = default) =>
        ChangeAsync(id, version, (db, caller, row, actor) =>
        {
            if (!ComplaintStatusMachine.CanMove(row.Status, to)) return Task.FromResult<string?>(ComplaintStatusMachine.Refusal(row.Status, to));
            var clean = Clean(note);
            if (clean is { Length: > ComplaintValidator.MaxNote }) return Task.FromResult<string?>(Localization.Texts.Say("The note is longer than {0} characters.", ComplaintValidator.MaxNote));
            if (to == ComplaintStatuses.Rejected && clean is null) return Task.FromResult<string?>(Localization.Texts.Say("Give the reason for rejecting the complaint; the complainant will see it."));
            if (to == ComplaintStatuses.Resolved && clean is null) return Task.FromResult<string?>(Localization.Texts.Say("Write the resolution notes: what was done to resolve the complaint."));
            var from = row.Status;
            var now = Now();
            row.Status = to;
            var meta = ComplaintMetadata.Parse(row.Metadata);
            if (to == ComplaintStatuses.Resolved)
            {
                row.ResolutionNotes = clean;
                row.ResolvedAt = now;
            }
            if (to == ComplaintStatuses.InProgress && from == ComplaintStatuses.Resolved) row.ResolvedAt = null;
            if (to == ComplaintStatuses.Rejected) meta.RejectionReason = clean;
            meta.History.Add(new ComplaintHistoryEntry(to, now, caller.UserId, actor, clean));
            row.Metadata = meta.ToJson();
            // The note itself is kept encrypted with the complaint (EncryptedColumns); the trail records that one was given.
            db.Record(AuditActions.StatusChange, TargetType, row.Id.ToString(), new { complaint_id = row.ComplaintId, from, to, note_length = clean?.Length });
            return Task.FromResult<string?>(null);
        }, (row, _) => StatusMessage(row), ct);

    /// <summary>An internal note for the hall; the complainant never sees it.</summary>
    public Task<ServiceResult<ComplaintDetail>> AddNoteAsync(Guid id, string text, Guid version, CancellationToken ct = default) =>
        ChangeAsync(id, version, (db, caller, row, actor) =>
        {
            var clean = Clean(text);
            if (clean is null) return Task.FromResult<string?>(Localization.Texts.Say("Write the note first."));
            if (clean.Length > ComplaintValidator.MaxNote) return Task.FromResult<string?>(Localization.Texts.Say("The note is longer than {0} characters.", ComplaintValidator.MaxNote));
            var meta = ComplaintMetadata.Parse(row.Metadata);
            meta.Notes.Add(new ComplaintNote(Now(), caller.UserId, actor, clean));
            row.Metadata = meta.ToJson();
            db.Record(AuditActions.Update, TargetType, row.Id.ToString(), new { complaint_id = row.ComplaintId, internal_note = clean.Length });
            return Task.FromResult<string?>(null);
        }, (_, _) => null, ct);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    /// <summary>What the complainant is told, as catalogue keys: they read it in their own language (the officials' notes stay as written).</summary>
    private static (Message, Message) StatusMessage(Complaint row) => row.Status switch
    {
        ComplaintStatuses.InProgress => (new("{0} in progress", row.ComplaintId), new("The hall is working on your complaint {0}.", row.ComplaintId)),
        ComplaintStatuses.Resolved => ResolvedMessage(row.ComplaintId, row.ResolutionNotes),
        ComplaintStatuses.Closed => (new("{0} closed", row.ComplaintId), new("Your complaint {0} was closed.", row.ComplaintId)),
        ComplaintStatuses.Rejected => (new("{0} rejected", row.ComplaintId), new("Your complaint {0} was rejected. Reason: {1}", row.ComplaintId, ComplaintMetadata.Parse(row.Metadata).RejectionReason ?? "")),
        _ => (new("{0} updated", row.ComplaintId), new("Your complaint {0} is now {1}.", row.ComplaintId, Message.Text(ComplaintStatusMachine.Label(row.Status)))),
    };

    internal static (Message Subject, Message Text) ResolvedMessage(string complaintId, string? notes) =>
        (new("{0} resolved", complaintId), new("Your complaint {0} was resolved: {1}", complaintId, notes ?? ""));

    /// <summary>
    /// One change by the hall: loads the row the caller may see, checks the version they saw, applies
    /// <paramref name="apply"/> (which returns a refusal or null), notifies the complainant and saves with the audit row.
    /// </summary>
    private async Task<ServiceResult<ComplaintDetail>> ChangeAsync(
        Guid id, Guid version, Func<BarangayDbContext, Caller, Complaint, string, Task<string?>> apply,
        Func<Complaint, Resident?, (Message Subject, Message Text)?> message, CancellationToken ct)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var row = await db.Complaints.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (row is null || !HallMaySee(caller, row.Confidential, row.AssignedTo, row.Category)) return ServiceResult<ComplaintDetail>.NotFound();
        var resident = row.ResidentId is { } rid ? await db.Residents.AsNoTracking().IgnoreQueryFilters().FirstOrDefaultAsync(r => r.Id == rid, ct) : null;
        if (row.Version != version) return ServiceResult<ComplaintDetail>.Conflict(ChangedBy(row), await DetailAsync(db, row, resident, true, ct));
        var actor = await ActorNameAsync(db, caller, ct);
        var refusal = await apply(db, caller, row, actor);
        if (refusal is not null) return ServiceResult<ComplaintDetail>.Invalid("Complaint", refusal);
        if (db.Entry(row).State == EntityState.Unchanged) return ServiceResult<ComplaintDetail>.Success(await DetailAsync(db, row, resident, true, ct));
        var emailIds = new List<Guid>();
        if (resident is not null && message(row, resident) is { } m) emailIds = await NotifyComplainantAsync(db, row, resident, m.Subject, m.Text, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another official saved first (both saw the same version): tell who, with the complaint as it is now.
            await using var fresh = await factory.CreateDbContextAsync(ct);
            var current = await fresh.Complaints.AsNoTracking().FirstAsync(c => c.Id == id, ct);
            return ServiceResult<ComplaintDetail>.Conflict(ChangedBy(current), await DetailAsync(fresh, current, resident, true, ct));
        }
        await DispatchAsync(emailIds, ct);
        return ServiceResult<ComplaintDetail>.Success(await DetailAsync(db, row, resident, true, ct));
    }

    /// <summary>"Ricardo M. Dela Cruz assigned this complaint at 2:15 PM…": what the official who lost the race is told.</summary>
    private static string ChangedBy(Complaint current)
    {
        // Whole sentences from the catalogue, in the reader's language (a name and a time are the only pieces put in).
        var last = ComplaintMetadata.Parse(current.Metadata).History.LastOrDefault();
        if (last is null) return Texts.Say("Another official changed it just before you. Nothing was changed; the page now shows the complaint as it is.");
        var who = last.ByName ?? Texts.Say("Another official");
        var when = Format(last.At);
        return last.What switch
        {
            "assigned" => Texts.Say("{0} assigned it to {1} on {2}, just before you. Nothing was changed; the page now shows the complaint as it is.", who, last.Note, when),
            "unassigned" => Texts.Say("{0} unassigned it on {1}, just before you. Nothing was changed; the page now shows the complaint as it is.", who, when),
            _ => Texts.Say("{0} changed it on {1}, just before you. Nothing was changed; the page now shows the complaint as it is.", who, when),
        };
    }
}
