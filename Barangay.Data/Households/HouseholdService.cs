using Barangay.Data.Accounts;
using Barangay.Data.Common;
using Barangay.Data.Residents;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Households;

/// <summary>Households and their members. A resident belongs to at most one household at a time.</summary>
public sealed partial class HouseholdService(BarangayDb dbs, TimeProvider clock)
{
    public async Task<Page<HouseholdRow>> SearchAsync(HouseholdFilter filter, int page, int size, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Households.View)) return new Page<HouseholdRow>([], 0);
        size = Math.Clamp(size, 1, 200);
        var q = db.Households.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Purok)) q = q.Where(h => h.Purok == filter.Purok);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var code = filter.Search.Trim().ToUpperInvariant();
            var name = $"%{NameSearch.Normalize(filter.Search)}%";
            q = q.Where(h => h.HouseholdId.Contains(code) || db.Residents.Any(r => r.Id == h.HeadResidentId && EF.Functions.ILike(r.SearchName, name)));
        }
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(h => h.HouseholdId).Skip(Math.Max(0, page) * size).Take(size)
            .Select(h => new
            {
                h.Id, h.HouseholdId, h.Purok, h.Address,
                Head = db.Residents.Where(r => r.Id == h.HeadResidentId).Select(r => new { r.LastName, r.FirstName, r.MiddleName, r.NameExtension }).FirstOrDefault(),
                Members = db.HouseholdMembers.Count(m => m.HouseholdId == h.Id),
            }).ToListAsync(ct);
        return new Page<HouseholdRow>(rows.Select(h => new HouseholdRow(h.Id, h.HouseholdId,
            h.Head is null ? null : ResidentService.FullName(h.Head.LastName, h.Head.FirstName, h.Head.MiddleName, h.Head.NameExtension),
            h.Purok, h.Address, h.Members)).ToList(), total);
    }

    public async Task<HouseholdDetail?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Households.View)) return null;
        var h = await db.Households.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (h is null) return null;
        var today = TimeZones.ManilaToday(clock);
        var members = await (from m in db.HouseholdMembers.AsNoTracking()
                             join r in db.Residents.AsNoTracking() on m.ResidentId equals r.Id
                             where m.HouseholdId == id
                             orderby r.Dob
                             select new { r.Id, r.ResidentId, r.LastName, r.FirstName, r.MiddleName, r.NameExtension, m.Relation, r.Sex, r.Dob }).ToListAsync(ct);
        var purokLabel = await PurokLabelAsync(db, h.Purok, ct);
        var rows = members
            .Select(m => new HouseholdMemberRow(m.Id, m.ResidentId, ResidentService.FullName(m.LastName, m.FirstName, m.MiddleName, m.NameExtension),
                m.Relation, m.Sex, m.Dob, Ages.On(m.Dob, today), m.Id == h.HeadResidentId))
            .OrderByDescending(m => m.IsHead).ThenByDescending(m => m.Age).ToList();
        return new HouseholdDetail(h.Id, h.HouseholdId, h.HeadResidentId, h.Purok, purokLabel, h.Address, h.Version, rows);
    }

    private static async Task<string?> PurokLabelAsync(BarangayDbContext db, string? purok, CancellationToken ct) =>
        purok is null ? null : await db.LookupValues.AsNoTracking()
            .Where(l => l.Category == LookupCategories.Purok && l.Code == purok).Select(l => l.Label).FirstOrDefaultAsync(ct);

    /// <summary>Residents matching a name, with the household they are in now (for the member picker).</summary>
    public async Task<IReadOnlyList<ResidentPick>> FindResidentsAsync(string search, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var q = NameSearch.Normalize(search);
        if (!caller.Can(Permissions.Households.Edit) || q.Length < 2) return [];
        var today = TimeZones.ManilaToday(clock);
        var rows = await db.Residents.AsNoTracking()
            .Where(r => r.RegistrationStatus == ResidentStatuses.Active && EF.Functions.ILike(r.SearchName, $"%{q}%"))
            .OrderBy(r => r.LastName).ThenBy(r => r.FirstName).Take(20)
            .Select(r => new { r.Id, r.ResidentId, r.LastName, r.FirstName, r.MiddleName, r.NameExtension, r.Dob,
                Household = db.Households.Where(h => h.Id == r.HouseholdId).Select(h => h.HouseholdId).FirstOrDefault() })
            .ToListAsync(ct);
        return rows.Select(r => new ResidentPick(r.Id, r.ResidentId, ResidentService.FullName(r.LastName, r.FirstName, r.MiddleName, r.NameExtension), Ages.On(r.Dob, today), r.Household)).ToList();
    }
}
