using Barangay.Data.Common;
using Barangay.Data.Localization;
using Barangay.Data.Residents;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Barangay.Data.Households;

public sealed partial class HouseholdService
{
    public const string HeadRelation = "Head";

    public async Task<ServiceResult<Guid>> CreateAsync(HouseholdEdit edit, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Households.Edit)) return ServiceResult<Guid>.NotFound();
        if (edit.HeadResidentId is not { } headId) return ServiceResult<Guid>.Invalid(nameof(edit.HeadResidentId), Texts.Say("Choose the head of the household."));
        if (edit.Address is { Length: > ResidentValidator.MaxAddress }) return ServiceResult<Guid>.Invalid(nameof(edit.Address), Texts.Say("Address is longer than 200 characters."));
        var head = await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Id == headId && r.RegistrationStatus == ResidentStatuses.Active, ct);
        if (head is null) return ServiceResult<Guid>.Invalid(nameof(edit.HeadResidentId), Texts.Say("The head of the household must be an active resident."));
        if (await AlreadyInAsync(db, headId, ct) is { } code)
            return ServiceResult<Guid>.Invalid(nameof(edit.HeadResidentId), Texts.Say("{0} already belongs to household {1}. Move them from that household's page instead.", $"{head.FirstName} {head.LastName}", code));
        var purok = string.IsNullOrWhiteSpace(edit.Purok) ? head.Purok : edit.Purok;
        if (!(await ResidentService.ActivePuroksAsync(db, ct)).Contains(purok)) return ServiceResult<Guid>.Invalid(nameof(edit.Purok), Texts.Say("Purok is not one of the barangay's puroks."));

        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                var (attempt, _) = await dbs.OpenAsync(ct);
                await using var __ = attempt;
                await using var tx = await attempt.Database.BeginTransactionAsync(ct);
                var h = new Household { Id = Guid.NewGuid(), Purok = purok, Address = string.IsNullOrWhiteSpace(edit.Address) ? head.Address : edit.Address.Trim() };
                h.HouseholdId = await HumanIds.NextAsync(attempt, HumanIds.Household, ct: ct);
                attempt.Households.Add(h);
                await attempt.SaveChangesAsync(ct);
                attempt.HouseholdMembers.Add(new HouseholdMember { HouseholdId = h.Id, ResidentId = headId, Relation = HeadRelation });
                var r = await attempt.Residents.FirstAsync(x => x.Id == headId, ct);
                r.HouseholdId = h.Id;
                h.HeadResidentId = headId;
                await attempt.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return ServiceResult<Guid>.Success(h.Id);
            });
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another official put the same resident into a household at the same moment.
            return ServiceResult<Guid>.Invalid(nameof(edit.HeadResidentId), Texts.Say("{0} was just added to another household.", $"{head.FirstName} {head.LastName}"));
        }
    }

    public async Task<ServiceResult<bool>> UpdateAsync(Guid id, HouseholdEdit edit, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Households.Edit)) return ServiceResult<bool>.NotFound();
        var h = await db.Households.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (h is null) return ServiceResult<bool>.NotFound();
        if (edit.Address is { Length: > ResidentValidator.MaxAddress }) return ServiceResult<bool>.Invalid(nameof(edit.Address), Texts.Say("Address is longer than 200 characters."));
        if (!string.IsNullOrWhiteSpace(edit.Purok) && !(await ResidentService.ActivePuroksAsync(db, ct, also: h.Purok)).Contains(edit.Purok))
            return ServiceResult<bool>.Invalid(nameof(edit.Purok), Texts.Say("Purok is not one of the barangay's puroks."));
        if (h.Version != edit.Version) return Changed();
        db.Entry(h).Property(x => x.Version).OriginalValue = edit.Version;
        h.Address = string.IsNullOrWhiteSpace(edit.Address) ? null : edit.Address.Trim();
        if (!string.IsNullOrWhiteSpace(edit.Purok)) h.Purok = edit.Purok;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Changed();
        }
        return ServiceResult<bool>.Success(true);
    }

    public async Task<ServiceResult<bool>> AddMemberAsync(Guid householdId, Guid residentId, string? relation, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Households.Edit)) return ServiceResult<bool>.NotFound();
        var h = await db.Households.FirstOrDefaultAsync(x => x.Id == householdId, ct);
        var r = await db.Residents.FirstOrDefaultAsync(x => x.Id == residentId, ct);
        if (h is null || r is null) return ServiceResult<bool>.NotFound();
        if (Relation(relation) is { } bad) return ServiceResult<bool>.Invalid("Relation", bad);
        if (await AlreadyInAsync(db, residentId, ct) is { } code)
            return ServiceResult<bool>.Invalid("ResidentId", code == h.HouseholdId
                ? Texts.Say("{0} is already a member of this household.", $"{r.FirstName} {r.LastName}")
                : Texts.Say("{0} already belongs to household {1}. Use \"Move here\" to move them.", $"{r.FirstName} {r.LastName}", code));
        db.HouseholdMembers.Add(new HouseholdMember { HouseholdId = h.Id, ResidentId = r.Id, Relation = relation?.Trim() });
        r.HouseholdId = h.Id;
        return await SaveMembershipAsync(db, r, ct);
    }

    /// <summary>Moves a resident from the household they are in to <paramref name="toHouseholdId"/>, in one transaction.</summary>
    public async Task<ServiceResult<bool>> MoveMemberAsync(Guid residentId, Guid toHouseholdId, string? relation, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Households.Edit)) return ServiceResult<bool>.NotFound();
        var to = await db.Households.FirstOrDefaultAsync(x => x.Id == toHouseholdId, ct);
        var r = await db.Residents.FirstOrDefaultAsync(x => x.Id == residentId, ct);
        if (to is null || r is null) return ServiceResult<bool>.NotFound();
        if (Relation(relation) is { } bad) return ServiceResult<bool>.Invalid("Relation", bad);
        var current = await db.HouseholdMembers.FirstOrDefaultAsync(m => m.ResidentId == residentId, ct);
        if (current?.HouseholdId == to.Id) return ServiceResult<bool>.Invalid("ResidentId", Texts.Say("{0} is already a member of this household.", $"{r.FirstName} {r.LastName}"));
        if (current is not null)
        {
            var from = await db.Households.FirstAsync(x => x.Id == current.HouseholdId, ct);
            if (from.HeadResidentId == residentId)
                return ServiceResult<bool>.Invalid("ResidentId", Texts.Say("{0} is the head of household {1}: choose another head there first.", $"{r.FirstName} {r.LastName}", from.HouseholdId));
            db.HouseholdMembers.Remove(current);
        }
        db.HouseholdMembers.Add(new HouseholdMember { HouseholdId = to.Id, ResidentId = r.Id, Relation = relation?.Trim() });
        r.HouseholdId = to.Id;
        return await SaveMembershipAsync(db, r, ct);
    }

    public async Task<ServiceResult<bool>> RemoveMemberAsync(Guid householdId, Guid residentId, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Households.Edit)) return ServiceResult<bool>.NotFound();
        var h = await db.Households.FirstOrDefaultAsync(x => x.Id == householdId, ct);
        var m = await db.HouseholdMembers.FirstOrDefaultAsync(x => x.HouseholdId == householdId && x.ResidentId == residentId, ct);
        if (h is null || m is null) return ServiceResult<bool>.NotFound();
        if (h.HeadResidentId == residentId) return ServiceResult<bool>.Invalid("ResidentId", Texts.Say("The head of the household cannot be removed: choose another head first."));
        db.HouseholdMembers.Remove(m);
        var r = await db.Residents.FirstAsync(x => x.Id == residentId, ct);
        r.HouseholdId = null;
        await db.SaveChangesAsync(ct);
        return ServiceResult<bool>.Success(true);
    }

    public async Task<ServiceResult<bool>> SetHeadAsync(Guid householdId, Guid residentId, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Households.Edit)) return ServiceResult<bool>.NotFound();
        var h = await db.Households.FirstOrDefaultAsync(x => x.Id == householdId, ct);
        var members = await db.HouseholdMembers.Where(x => x.HouseholdId == householdId).ToListAsync(ct);
        var newHead = members.FirstOrDefault(m => m.ResidentId == residentId);
        if (h is null) return ServiceResult<bool>.NotFound();
        if (newHead is null) return ServiceResult<bool>.Invalid("ResidentId", Texts.Say("Only a member of this household can be its head."));
        foreach (var old in members.Where(m => m.Relation == HeadRelation && m.ResidentId != residentId)) old.Relation = "Relative";
        newHead.Relation = HeadRelation;
        h.HeadResidentId = residentId;
        await db.SaveChangesAsync(ct);
        return ServiceResult<bool>.Success(true);
    }

    private static async Task<ServiceResult<bool>> SaveMembershipAsync(BarangayDbContext db, Resident r, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return ServiceResult<bool>.Success(true);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return ServiceResult<bool>.Invalid("ResidentId", Texts.Say("{0} was just added to another household by someone else.", $"{r.FirstName} {r.LastName}"));
        }
    }

    private static async Task<string?> AlreadyInAsync(BarangayDbContext db, Guid residentId, CancellationToken ct) =>
        await (from m in db.HouseholdMembers.AsNoTracking()
               join h in db.Households.AsNoTracking() on m.HouseholdId equals h.Id
               where m.ResidentId == residentId
               select h.HouseholdId).FirstOrDefaultAsync(ct);

    private static string? Relation(string? relation) =>
        relation is { Length: > 50 } ? Texts.Say("Relation is longer than 50 characters.") : relation?.Trim() == HeadRelation ? Texts.Say("Use \"Make head\" to change the head of the household.") : null;

    private static ServiceResult<bool> Changed() =>
        ServiceResult<bool>.Conflict(Texts.Say("Someone else changed this household while you were editing. Reload to see their changes."));
}
