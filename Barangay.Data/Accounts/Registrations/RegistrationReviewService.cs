using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Email;
using Barangay.Data.Localization;
using Barangay.Data.Notifications;
using Barangay.Data.Residents;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Accounts.Registrations;

/// <summary>
/// The officials' review queue: pending registrations oldest first, possible existing residents to link instead of
/// creating a duplicate, approve or reject. Two reviewers acting on the same registration: the row's version lets
/// exactly one decision commit; the other is told who got there first. Only reviewers see any of it.
/// </summary>
public sealed class RegistrationReviewService(BarangayDb dbs, IEmailDispatcher dispatcher, TimeProvider clock, PublicLinks? publicLinks = null, Sms.ISmsDispatcher? sms = null)
{
    /// <summary>What the losing reviewer is told, in their language; the status word from the catalogue.</summary>
    private static string DecidedText(string status) =>
        Texts.Say("Another official has already decided this registration; it is now {0}. Nothing was changed.", Texts.Say(status));

    /// <summary>
    /// The review queue one page at a time, oldest first, with the true count: nothing is cut off silently (the list
    /// used to stop at 500 with no sign of more).
    /// </summary>
    public async Task<Page<RegistrationQueueRow>> ListPendingPageAsync(int page, int size, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Registrations.Review)) return new Page<RegistrationQueueRow>([], 0);
        size = Math.Clamp(size, 1, 100);
        var pending = db.RegistrationsPending.AsNoTracking().Where(r => r.Status == RegistrationStatuses.Pending);
        var total = await pending.CountAsync(ct);
        var rows = await pending.OrderBy(r => r.CreatedAt).ThenBy(r => r.RegistrationId).Skip(Math.Max(0, page) * size).Take(size)
            .Select(r => new { r.Id, r.RegistrationId, r.UserPayload, r.CreatedAt, r.EstimatedReviewEta }).ToListAsync(ct);
        return new Page<RegistrationQueueRow>(rows.Select(r =>
        {
            var p = RegistrationPayload.FromJson(r.UserPayload);
            return new RegistrationQueueRow(r.Id, r.RegistrationId, p.FullName, p.Dob, p.Purok, r.CreatedAt, r.EstimatedReviewEta);
        }).ToList(), total);
    }

    public async Task<int> CountPendingAsync(CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        return caller.Can(Permissions.Registrations.Review) ? await db.RegistrationsPending.CountAsync(r => r.Status == RegistrationStatuses.Pending, ct) : 0;
    }

    /// <summary>One registration with its duplicate candidates, or null (also for anyone who is not a reviewer).</summary>
    public async Task<RegistrationReview?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Registrations.Review)) return null;
        var r = await db.RegistrationsPending.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return null;
        var p = RegistrationPayload.FromJson(r.UserPayload);
        var candidates = p.Dob is { } dob ? await CandidatesAsync(db, p, dob, ct) : [];
        return new RegistrationReview(r.Id, r.RegistrationId, r.Status, p, r.CreatedAt, r.EstimatedReviewEta, r.Version, r.ReferenceResidentId, candidates);
    }

    /// <summary>Residents with the same birth date whose name is the same or a near miss by trigram similarity.</summary>
    private static async Task<IReadOnlyList<DuplicateCandidate>> CandidatesAsync(BarangayDbContext db, RegistrationPayload p, DateOnly dob, CancellationToken ct)
    {
        var first = NameSearch.Normalize(p.FirstName);
        var last = NameSearch.Normalize(p.LastName);
        var both = first + last;
        var rows = await db.Residents.AsNoTracking()
            .Where(r => r.Dob == dob && (r.SearchLast == last || NameSearch.Similarity(r.SearchFirst + r.SearchLast, both) > 0.4 || NameSearch.Similarity(r.SearchLast, last) > 0.5))
            .OrderByDescending(r => NameSearch.Similarity(r.SearchFirst + r.SearchLast, both)).ThenBy(r => r.ResidentId).Take(5)
            .Select(r => new { r.Id, r.ResidentId, r.LastName, r.FirstName, r.MiddleName, r.NameExtension, r.Dob, r.Purok, HasAccount = r.UserId != null })
            .ToListAsync(ct);
        return rows.Select(r => new DuplicateCandidate(r.Id, r.ResidentId, ResidentService.FullName(r.LastName, r.FirstName, r.MiddleName, r.NameExtension), r.Dob, r.Purok, r.HasAccount)).ToList();
    }

    /// <summary>
    /// Approves: links the account to <paramref name="linkResidentId"/> (an existing resident without an account) or
    /// creates the resident from the submitted details; activates the account; notifies and emails the applicant.
    /// </summary>
    public async Task<ServiceResult<string>> ApproveAsync(Guid id, Guid version, Guid? linkResidentId, CancellationToken ct = default)
    {
        var (first, caller) = await dbs.OpenAsync(ct);
        await using var _ = first;
        if (!caller.Can(Permissions.Registrations.Review)) return ServiceResult<string>.NotFound();
        Guid? emailId = null;
        try
        {
            var result = await first.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                var (db, _) = await dbs.OpenAsync(ct);
                await using var __ = db;
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var r = await db.RegistrationsPending.FirstOrDefaultAsync(x => x.Id == id, ct);
                if (r is null) return ServiceResult<string>.NotFound();
                if (r.Status != RegistrationStatuses.Pending || r.Version != version) return Decided(r.Status);
                var p = RegistrationPayload.FromJson(r.UserPayload);
                var user = await db.Users.FirstOrDefaultAsync(u => u.Id == p.UserId, ct);
                if (user is null || user.Status != UserStatuses.Pending) return ServiceResult<string>.Conflict(Texts.Say("The applicant's account is no longer waiting for review."));

                Resident resident;
                if (linkResidentId is { } link)
                {
                    var found = await db.Residents.FirstOrDefaultAsync(x => x.Id == link, ct);
                    if (found is null) return ServiceResult<string>.Invalid("Link", Texts.Say("The resident to link was not found."));
                    if (found.UserId is not null) return ServiceResult<string>.Invalid("Link", Texts.Say("{0} already has an account; choose another record or create a new one.", found.ResidentId));
                    resident = found;
                    resident.UserId = user.Id;
                    if (string.IsNullOrWhiteSpace(resident.Email) && !string.IsNullOrWhiteSpace(p.Email)) resident.Email = p.Email;
                    if (string.IsNullOrWhiteSpace(resident.ContactNumber)) resident.ContactNumber = p.ContactNumber;
                }
                else
                {
                    if (await db.Residents.AnyAsync(x => x.UserId == user.Id, ct)) return ServiceResult<string>.Conflict(Texts.Say("A resident record is already linked to this account."));
                    resident = new Resident
                    {
                        Id = Guid.NewGuid(), UserId = user.Id, FirstName = p.FirstName, MiddleName = p.MiddleName, LastName = p.LastName, Dob = p.Dob!.Value,
                        Sex = p.Sex, MaritalStatus = p.MaritalStatus, Purok = p.Purok, Address = p.Address, ContactNumber = p.ContactNumber, Email = string.IsNullOrWhiteSpace(p.Email) ? null : p.Email,
                        RegistrationStatus = ResidentStatuses.Active,
                        ResidentId = await HumanIds.NextAsync(db, HumanIds.Resident, ct: ct),
                    };
                    db.Residents.Add(resident);
                }
                var now = clock.GetUtcNow().UtcDateTime;
                user.Status = UserStatuses.Active;
                user.FullName = p.FullName;
                r.Status = RegistrationStatuses.Approved;
                r.ReferenceResidentId = resident.Id;
                r.UserPayload = (p with { DecidedAt = now, DecidedBy = caller.Name }).ToJson();
                db.Entry(r).Property(x => x.Version).OriginalValue = version;
                db.Record(AuditActions.StatusChange, "Registration", r.Id.ToString(), new { from = RegistrationStatuses.Pending, to = RegistrationStatuses.Approved, resident = resident.ResidentId, linked = linkResidentId is not null });
                await NotificationService.AddAsync(db, [user.Id], "registration.approved",
                    NotificationPayload.From(new Localization.Message("Welcome! Your registration was approved and your account is active."), "/"), ct);
                // Applicants without email are told by text (RegistrationTexts), at the number they proved with a code.
                if (RegistrationTexts.ByText(p)) RegistrationTexts.Approved(db, publicLinks, p, r.RegistrationId);
                else emailId = RegistrationEmails.Approved(db, publicLinks, p, r.RegistrationId).Id;
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return ServiceResult<string>.Success(resident.ResidentId);
            });
            if (result.Ok && emailId is { } sent) await dispatcher.DispatchAsync([sent], ct);
            else if (result.Ok && sms is not null) await sms.StartAsync(ct);
            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            return await DecidedNowAsync<string>(id, ct);
        }
    }

    /// <summary>Rejects with a reason the applicant sees; the pending account is closed and its username and email freed.</summary>
    public async Task<ServiceResult<bool>> RejectAsync(Guid id, Guid version, string? reason, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Registrations.Review)) return ServiceResult<bool>.NotFound();
        var why = reason?.Trim() ?? "";
        if (why.Length == 0) return ServiceResult<bool>.Invalid("Reason", Texts.Say("Reason is required: tell the applicant why (for example, the ID photo cannot be read)."));
        if (why.Length > 500) return ServiceResult<bool>.Invalid("Reason", Texts.Say("Reason is longer than 500 characters."));
        var r = await db.RegistrationsPending.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return ServiceResult<bool>.NotFound();
        if (r.Status != RegistrationStatuses.Pending || r.Version != version) return DecidedBool(r.Status);
        var p = RegistrationPayload.FromJson(r.UserPayload) with { Reason = why, DecidedAt = clock.GetUtcNow().UtcDateTime, DecidedBy = caller.Name };
        r.Status = RegistrationStatuses.Rejected;
        r.UserPayload = p.ToJson();
        db.Entry(r).Property(x => x.Version).OriginalValue = version;
        await RegistrationService.CloseAccountAsync(db, p.UserId, ct);
        db.Record(AuditActions.StatusChange, "Registration", r.Id.ToString(), new { from = RegistrationStatuses.Pending, to = RegistrationStatuses.Rejected, reason = why });
        Guid? emailId = null;
        if (RegistrationTexts.ByText(p)) RegistrationTexts.Rejected(db, publicLinks, p, r.RegistrationId);
        else emailId = RegistrationEmails.Rejected(db, publicLinks, p, r.RegistrationId, why).Id;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await DecidedNowAsync<bool>(id, ct);
        }
        if (emailId is { } mail) await dispatcher.DispatchAsync([mail], ct);
        else if (sms is not null) await sms.StartAsync(ct);
        return ServiceResult<bool>.Success(true);
    }

    private async Task<ServiceResult<T>> DecidedNowAsync<T>(Guid id, CancellationToken ct)
    {
        var (db, _) = await dbs.OpenAsync(ct);
        await using var __ = db;
        var status = await db.RegistrationsPending.AsNoTracking().Where(x => x.Id == id).Select(x => x.Status).FirstOrDefaultAsync(ct);
        return ServiceResult<T>.Conflict(DecidedText(status ?? "gone"));
    }

    private static ServiceResult<string> Decided(string status) =>
        ServiceResult<string>.Conflict(DecidedText(status));

    private static ServiceResult<bool> DecidedBool(string status) =>
        ServiceResult<bool>.Conflict(DecidedText(status));
}
