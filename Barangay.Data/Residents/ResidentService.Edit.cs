using Barangay.Data.Localization;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Files;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Residents;

public sealed partial class ResidentService
{
    public async Task<ResidentDetail?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Residents.View)) return null;
        var r = await db.Residents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return null;
        var household = r.HouseholdId is null ? null : await db.Households.AsNoTracking().Where(h => h.Id == r.HouseholdId).Select(h => h.HouseholdId).FirstOrDefaultAsync(ct);
        var purok = await db.LookupValues.AsNoTracking().Where(l => l.Category == LookupCategories.Purok && l.Code == r.Purok).Select(l => l.Label).FirstOrDefaultAsync(ct);
        return new ResidentDetail(r.Id, r.ResidentId, FullName(r.LastName, r.FirstName, r.MiddleName, r.NameExtension), ToEdit(r),
            Ages.On(r.Dob, TimeZones.ManilaToday(clock)), r.RegistrationStatus, purok ?? r.Purok, r.HouseholdId, household, r.UserId is not null, r.CreatedAt, r.UpdatedAt,
            PhotoFiles.FileIdOf(r.PhotoUrl));
    }

    public async Task<ServiceResult<Guid>> CreateAsync(ResidentEdit edit, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Residents.Edit)) return ServiceResult<Guid>.NotFound();
        var errors = ResidentValidator.Validate(edit, TimeZones.ManilaToday(clock), await ActivePuroksAsync(db, ct));
        if (errors.Count > 0) return ServiceResult<Guid>.Invalid(errors);

        // The human ID and the row commit together; each retry (CockroachDB 40001) starts from a fresh context.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            var (attempt, _) = await dbs.OpenAsync(ct);
            await using var __ = attempt;
            await using var tx = await attempt.Database.BeginTransactionAsync(ct);
            var r = new Resident { Id = Guid.NewGuid(), RegistrationStatus = ResidentStatuses.Active };
            Apply(edit, r);
            r.ResidentId = await HumanIds.NextAsync(attempt, HumanIds.Resident, ct: ct);
            attempt.Residents.Add(r);
            RecordAgeReason(attempt, r, edit);
            await attempt.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return ServiceResult<Guid>.Success(r.Id);
        });
    }

    /// <summary>Saves an edit made on <paramref name="edit"/>.<see cref="ResidentEdit.Version"/>; if someone saved in between, nothing is overwritten.</summary>
    public async Task<ServiceResult<ResidentEdit>> UpdateAsync(Guid id, ResidentEdit edit, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Residents.Edit)) return ServiceResult<ResidentEdit>.NotFound();
        var r = await db.Residents.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return ServiceResult<ResidentEdit>.NotFound();
        var errors = ResidentValidator.Validate(edit, TimeZones.ManilaToday(clock), await ActivePuroksAsync(db, ct, also: r.Purok));
        if (errors.Count > 0) return ServiceResult<ResidentEdit>.Invalid(errors);
        if (r.Version != edit.Version) return Changed(r);

        db.Entry(r).Property(x => x.Version).OriginalValue = edit.Version;
        Apply(edit, r);
        RecordAgeReason(db, r, edit);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var (fresh, _) = await dbs.OpenAsync(ct);
            await using var ___ = fresh;
            var current = await fresh.Residents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            return current is null ? ServiceResult<ResidentEdit>.NotFound() : Changed(current);
        }
        return ServiceResult<ResidentEdit>.Success(ToEdit(r));
    }

    /// <summary>The target type resident photos are uploaded with (<see cref="FileSensitivity.Photo"/>: readable by officials who view residents, and the resident).</summary>
    public const string PhotoTargetType = "Resident";

    /// <summary>Sets (or with null, removes) the resident's photo: a JPEG or PNG uploaded as a resident's photo. Audited as a change of <c>photo_url</c>.</summary>
    public async Task<ServiceResult<bool>> SetPhotoAsync(Guid id, Guid? fileId, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Residents.Edit)) return ServiceResult<bool>.NotFound();
        var r = await db.Residents.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return ServiceResult<bool>.NotFound();
        if (fileId is { } f && await PhotoFiles.RefusalAsync(db, f, PhotoTargetType, "a resident's", ct) is { } refusal)
            return ServiceResult<bool>.Invalid("Photo", refusal);
        r.PhotoUrl = fileId is { } g ? PhotoFiles.UrlOf(g) : null;
        await db.SaveChangesAsync(ct);
        return ServiceResult<bool>.Success(true);
    }

    public Task<ServiceResult<bool>> ArchiveAsync(Guid id, CancellationToken ct = default) => SetStatusAsync(id, ResidentStatuses.Archived, ct);

    public Task<ServiceResult<bool>> RestoreAsync(Guid id, CancellationToken ct = default) => SetStatusAsync(id, ResidentStatuses.Active, ct);

    /// <summary>Soft delete: the row stays (deleted_at) for the audit trail, hidden from every list.</summary>
    public async Task<ServiceResult<bool>> DeleteAsync(Guid id, string reason, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Residents.Archive)) return ServiceResult<bool>.NotFound();
        if (string.IsNullOrWhiteSpace(reason)) return ServiceResult<bool>.Invalid("Reason", Texts.Say("Give a reason for deleting this record (for example, a duplicate entry)."));
        var r = await db.Residents.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return ServiceResult<bool>.NotFound();
        if (r.UserId is not null) return ServiceResult<bool>.Invalid("Reason", Texts.Say("This resident has an account; archive the record instead of deleting it."));
        await db.HouseholdMembers.Where(m => m.ResidentId == id).ExecuteDeleteAsync(ct);
        db.Residents.Remove(r);
        db.Record(AuditActions.Delete, "Resident", id.ToString(), new { reason = reason.Trim(), r.ResidentId });
        await db.SaveChangesAsync(ct);
        return ServiceResult<bool>.Success(true);
    }

    private async Task<ServiceResult<bool>> SetStatusAsync(Guid id, string status, CancellationToken ct)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Residents.Archive)) return ServiceResult<bool>.NotFound();
        var r = await db.Residents.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return ServiceResult<bool>.NotFound();
        if (r.RegistrationStatus == status) return ServiceResult<bool>.Success(false);
        r.RegistrationStatus = status;
        await db.SaveChangesAsync(ct);
        return ServiceResult<bool>.Success(true);
    }

    private static ServiceResult<ResidentEdit> Changed(Resident current) =>
        ServiceResult<ResidentEdit>.Conflict(Texts.Say("Someone else changed this record while you were editing. Reload to see their changes, then make yours again."), ToEdit(current));

    private static void RecordAgeReason(BarangayDbContext db, Resident r, ResidentEdit edit)
    {
        if (string.IsNullOrWhiteSpace(edit.AgeReason)) return;
        db.Record("AgeException", "Resident", r.Id.ToString(), new { reason = edit.AgeReason.Trim(), dob = r.Dob });
    }

    internal static async Task<HashSet<string>> ActivePuroksAsync(BarangayDbContext db, CancellationToken ct, string? also = null)
    {
        var set = (await db.LookupValues.AsNoTracking().Where(l => l.Category == LookupCategories.Purok && !l.Retired).Select(l => l.Code).ToListAsync(ct)).ToHashSet();
        if (also is not null) set.Add(also); // a record already in a retired purok can still be edited
        return set;
    }

    /// <summary>The form's values onto the row (also how an import makes its residents).</summary>
    internal static void Apply(ResidentEdit e, Resident r)
    {
        r.FirstName = e.FirstName.Trim();
        r.MiddleName = Blank(e.MiddleName);
        r.LastName = e.LastName.Trim();
        r.NameExtension = Blank(e.NameExtension);
        r.Dob = e.Dob!.Value;
        r.PlaceOfBirth = Blank(e.PlaceOfBirth);
        r.Sex = Blank(e.Sex);
        r.MaritalStatus = Blank(e.MaritalStatus);
        r.ResidentSince = e.ResidentSince;
        r.Citizenship = Blank(e.Citizenship);
        r.Purok = e.Purok;
        r.BarangayZone = Blank(e.BarangayZone);
        r.Address = Blank(e.Address);
        r.ContactNumber = Blank(e.ContactNumber);
        r.Email = Blank(e.Email)?.ToLowerInvariant();
        // Only the masked form is ever stored; an unchanged masked value round-trips as it is.
        r.NationalIdMasked = ResidentValidator.MaskNationalId(e.NationalId);
        r.Occupation = Blank(e.Occupation);
        r.IsPwd = e.IsPwd;
        r.DisabilityType = e.IsPwd ? Blank(e.DisabilityType) : null;
        r.IsSoloParent = e.IsSoloParent;
        r.IsFourPs = e.IsFourPs;
        r.IsIndigenous = e.IsIndigenous;
        r.IsOutOfSchoolYouth = e.IsOutOfSchoolYouth;
        r.IsOfw = e.IsOfw;
        r.IsRegisteredVoter = e.IsRegisteredVoter;
        r.IsEmployed = e.IsEmployed;
    }

    private static ResidentEdit ToEdit(Resident r) => new()
    {
        FirstName = r.FirstName, MiddleName = r.MiddleName, LastName = r.LastName, NameExtension = r.NameExtension, Dob = r.Dob,
        PlaceOfBirth = r.PlaceOfBirth, Sex = r.Sex, MaritalStatus = r.MaritalStatus, Citizenship = r.Citizenship, Purok = r.Purok,
        BarangayZone = r.BarangayZone, Address = r.Address, ContactNumber = r.ContactNumber, Email = r.Email, NationalId = r.NationalIdMasked,
        Occupation = r.Occupation, IsPwd = r.IsPwd, DisabilityType = r.DisabilityType, IsSoloParent = r.IsSoloParent, IsFourPs = r.IsFourPs,
        IsIndigenous = r.IsIndigenous, IsOutOfSchoolYouth = r.IsOutOfSchoolYouth, IsOfw = r.IsOfw, IsRegisteredVoter = r.IsRegisteredVoter,
        IsEmployed = r.IsEmployed, ResidentSince = r.ResidentSince, Version = r.Version,
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
