using Barangay.Data.Common;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;
using Barangay.Data.Localization;

namespace Barangay.Data.Residents;

/// <summary>
/// The signed-in resident's own record: read it, change the contact details, ask the hall to correct the rest, and
/// set privacy choices. The record is always the one whose <c>user_id</c> is the caller's; no method takes a record
/// id, so another resident's record cannot be reached from here (it is simply "not found").
/// </summary>
public sealed partial class ResidentSelfService(BarangayDb dbs, TimeProvider clock)
{
    public static string ConflictMessage => Texts.Say(
        "Your record was changed by someone else (perhaps the barangay hall, or you on another device) while you were editing. " +
        "The latest details are shown; make your change again.");

    public static string ArchivedMessage => Texts.Say("Your record is archived. Please visit or message the barangay hall to update it.");

    /// <summary>My record, or null when the caller has no resident permission or no record is linked to the account.</summary>
    public async Task<MyProfile?> GetMyProfileAsync(CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var r = await MineAsync(db, caller, tracked: false, ct);
        return r is null ? null : await ToProfileAsync(db, r, ct);
    }

    /// <summary>Saves my mobile number, email and address if nobody changed the record since <see cref="MyContactEdit.Version"/>.</summary>
    public async Task<ServiceResult<MyProfile>> UpdateMyContactAsync(MyContactEdit edit, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var r = await MineAsync(db, caller, tracked: true, ct);
        if (r is null) return ServiceResult<MyProfile>.NotFound();
        var errors = ResidentValidator.ValidateContact(edit);
        if (errors.Count > 0) return ServiceResult<MyProfile>.Invalid(errors);
        if (r.RegistrationStatus == ResidentStatuses.Archived) return ServiceResult<MyProfile>.Invalid("Record", ArchivedMessage);
        if (r.Version != edit.Version) return ServiceResult<MyProfile>.Conflict(ConflictMessage, await ToProfileAsync(db, r, ct));

        r.ContactNumber = Blank(edit.ContactNumber);
        r.Email = Blank(edit.Email)?.ToLowerInvariant();
        r.Address = Blank(edit.Address);
        if (!db.ChangeTracker.HasChanges()) return ServiceResult<MyProfile>.Success(await ToProfileAsync(db, r, ct));
        // The row is updated only where its version is still the one the form was loaded with.
        db.Entry(r).Property(x => x.Version).OriginalValue = edit.Version;
        try
        {
            await db.SaveChangesAsync(ct); // the audit interceptor records old → new in the same transaction
        }
        catch (DbUpdateConcurrencyException)
        {
            return await CurrentAsConflictAsync(ct);
        }
        return ServiceResult<MyProfile>.Success(await ToProfileAsync(db, r, ct));
    }

    /// <summary>Saves my privacy choices (other keys in the column are kept). Choices are not a form anyone else edits, so the last save wins.</summary>
    public async Task<ServiceResult<MyProfile>> UpdatePrivacyAsync(MyPrivacy privacy, CancellationToken ct = default)
    {
        // One retry: a contact save on another device between our read and write only moves the version on.
        for (var attempt = 0; ; attempt++)
        {
            var (db, caller) = await dbs.OpenAsync(ct);
            await using var _ = db;
            var r = await MineAsync(db, caller, tracked: true, ct);
            if (r is null) return ServiceResult<MyProfile>.NotFound();
            if (MyPrivacy.Parse(r.PrivacySettings) != privacy) r.PrivacySettings = privacy.MergeInto(r.PrivacySettings);
            try
            {
                await db.SaveChangesAsync(ct);
                return ServiceResult<MyProfile>.Success(await ToProfileAsync(db, r, ct));
            }
            catch (DbUpdateConcurrencyException) when (attempt == 0)
            {
            }
        }
    }

    /// <summary>The caller's own record, or null. Needs <see cref="Permissions.Self.Profile"/> and an account.</summary>
    private static async Task<Resident?> MineAsync(BarangayDbContext db, Caller caller, bool tracked, CancellationToken ct)
    {
        if (!caller.Can(Permissions.Self.Profile) || caller.UserId is not { } me) return null;
        var q = tracked ? db.Residents : db.Residents.AsNoTracking();
        // The oldest record if an account was ever linked twice, so the answer never flips between calls.
        return await q.Where(r => r.UserId == me).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).FirstOrDefaultAsync(ct);
    }

    private async Task<ServiceResult<MyProfile>> CurrentAsConflictAsync(CancellationToken ct)
    {
        var (fresh, caller) = await dbs.OpenAsync(ct);
        await using var _ = fresh;
        var current = await MineAsync(fresh, caller, tracked: false, ct);
        return current is null
            ? ServiceResult<MyProfile>.NotFound()
            : ServiceResult<MyProfile>.Conflict(ConflictMessage, await ToProfileAsync(fresh, current, ct));
    }

    private async Task<MyProfile> ToProfileAsync(BarangayDbContext db, Resident r, CancellationToken ct)
    {
        var household = r.HouseholdId is null ? null
            : await db.Households.AsNoTracking().Where(h => h.Id == r.HouseholdId).Select(h => h.HouseholdId).FirstOrDefaultAsync(ct);
        var purok = await PurokLabelAsync(db, r.Purok, ct);
        return new MyProfile(
            r.ResidentId, ResidentService.FullName(r.LastName, r.FirstName, r.MiddleName, r.NameExtension),
            r.FirstName, r.MiddleName, r.LastName, r.NameExtension, r.Dob, Ages.On(r.Dob, TimeZones.ManilaToday(clock)),
            r.Sex, r.MaritalStatus, r.PlaceOfBirth, r.Citizenship, r.Occupation, r.Purok, purok, r.BarangayZone,
            r.Address, r.ContactNumber, r.Email, household, r.NationalIdMasked, Sectors(r, TimeZones.ManilaToday(clock)), MyPrivacy.Parse(r.PrivacySettings),
            r.RegistrationStatus, r.Version);
    }

    private static async Task<string> PurokLabelAsync(BarangayDbContext db, string code, CancellationToken ct) =>
        await db.LookupValues.AsNoTracking().Where(l => l.Category == LookupCategories.Purok && l.Code == code)
            .Select(l => l.Label).FirstOrDefaultAsync(ct) ?? code;

    /// <summary>The resident's sectors in the reader's language (the page shows them as they come).</summary>
    private static List<string> Sectors(Resident r, DateOnly today)
    {
        var list = new List<string>();
        if (r.IsPwd) list.Add(string.IsNullOrWhiteSpace(r.DisabilityType) ? Texts.Say("Person with disability") : Texts.Say("Person with disability ({0})", r.DisabilityType));
        if (r.IsSoloParent) list.Add(Texts.Say("Solo parent"));
        if (r.IsFourPs) list.Add(Texts.Say("4Ps beneficiary"));
        if (r.IsIndigenous) list.Add(Texts.Say("Indigenous people"));
        if (r.IsOutOfSchoolYouth) list.Add(Texts.Say("Out-of-school youth"));
        if (r.IsOfw) list.Add(Texts.Say("Overseas Filipino worker (OFW)"));
        if (r.IsRegisteredVoter) list.Add(Texts.Say("Registered voter"));
        if (r.IsEmployed) list.Add(Texts.Say("Employed"));
        if (Ages.On(r.Dob, today) >= 60) list.Add(Texts.Say("Senior citizen"));
        return list;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
