using Barangay.Data.Accounts;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Households;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Residents;

/// <summary>The hall's Records of Barangay Inhabitants: search, create, edit, archive, restore and delete.</summary>
public sealed partial class ResidentService(BarangayDb dbs, TimeProvider clock)
{
    /// <summary>How many matches of a name search are counted (and can be paged through).</summary>
    public const int SearchCountCap = 1000;

    public async Task<Page<ResidentRow>> SearchAsync(ResidentFilter filter, int page, int size, ResidentSort sort = ResidentSort.Name, bool descending = false, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Residents.View)) return new Page<ResidentRow>([], 0);
        size = Math.Clamp(size, 1, 200);
        var today = TimeZones.ManilaToday(clock);
        var search = NameSearch.Normalize(filter.Search);
        var q = Filter(db, (await NameMatchesAsync(db, search, ct)).AsNoTracking(), filter, today);

        // A common surname matches thousands; counting them all costs more than the page itself and helps nobody,
        // so a name search counts up to the cap and the grid asks for a narrower search beyond it.
        var total = search.Length > 0 ? await q.Take(SearchCountCap + 1).CountAsync(ct) : await q.CountAsync(ct);
        var capped = search.Length > 0 && total > SearchCountCap;
        if (capped) total = SearchCountCap;
        var ordered = (sort, descending) switch
        {
            (ResidentSort.ResidentId, false) => q.OrderBy(r => r.ResidentId),
            (ResidentSort.ResidentId, true) => q.OrderByDescending(r => r.ResidentId),
            (ResidentSort.Age, false) => q.OrderByDescending(r => r.Dob).ThenBy(r => r.Id),
            (ResidentSort.Age, true) => q.OrderBy(r => r.Dob).ThenBy(r => r.Id),
            (ResidentSort.Purok, false) => q.OrderBy(r => r.Purok).ThenBy(r => r.LastName).ThenBy(r => r.FirstName).ThenBy(r => r.Id),
            (ResidentSort.Purok, true) => q.OrderByDescending(r => r.Purok).ThenBy(r => r.LastName).ThenBy(r => r.FirstName).ThenBy(r => r.Id),
            (ResidentSort.Updated, _) => q.OrderByDescending(r => r.UpdatedAt).ThenBy(r => r.Id),
            (_, true) => q.OrderByDescending(r => r.LastName).ThenByDescending(r => r.FirstName).ThenBy(r => r.Id),
            _ when search.Length > 0 => NameRank(q, search).ThenBy(r => r.LastName).ThenBy(r => r.FirstName).ThenBy(r => r.Id),
            _ => q.OrderBy(r => r.LastName).ThenBy(r => r.FirstName).ThenBy(r => r.Id),
        };
        var rows = await ordered.Skip(Math.Max(0, page) * size).Take(size)
            .Select(r => new
            {
                r.Id, r.ResidentId, r.FirstName, r.MiddleName, r.LastName, r.NameExtension, r.Sex, r.Dob, r.Purok, r.RegistrationStatus,
                Household = db.Households.Where(h => h.Id == r.HouseholdId).Select(h => h.HouseholdId).FirstOrDefault(),
                HasAccount = r.UserId != null,
            })
            .ToListAsync(ct);
        return new Page<ResidentRow>(rows.Select(r => new ResidentRow(
            r.Id, r.ResidentId, FullName(r.LastName, r.FirstName, r.MiddleName, r.NameExtension), r.Sex, r.Dob, Ages.On(r.Dob, today),
            r.Purok, r.RegistrationStatus, r.Household, r.HasAccount)).ToList(), total, capped);
    }

    /// <summary>
    /// Residents whose normalized name contains the search, or (from 4 letters) is one typo away from it: a surname
    /// or first name like the search, or a first name and surname that the search, split in two, is one typo from
    /// (<see cref="ResidentNames"/> resolves the typo against the name dictionary, in one round trip). Each test here
    /// is then one an index answers cheaply — <c>LIKE</c> through the trigram index on <c>search_name</c>, the rest
    /// exact lookups in btree indexes — so no resident's name is compared by similarity except the few a pair
    /// lookup returns. <c>OFFSET 0</c> keeps the matches a subquery of their own: without it PostgreSQL may walk the
    /// whole name index in order to fill a page, which is slow when the matches are rare or all under one surname.
    /// </summary>
    internal static async Task<IQueryable<Resident>> NameMatchesAsync(BarangayDbContext db, string search, CancellationToken ct)
    {
        if (search.Length == 0) return db.Residents;
        var like = $"%{search}%";
        if (search.Length < 4) return db.Residents.Where(r => EF.Functions.Like(r.SearchName, like));
        var alike = await ResidentNames.AlikeAsync(db, search, ct);
        return db.Residents.FromSql($"""
            SELECT * FROM residents
            WHERE search_name LIKE {like}
               OR search_last = ANY({alike.Lasts})
               OR search_first = ANY({alike.Firsts})
               OR (search_last = ANY({alike.PairLasts}) AND search_first = ANY({alike.PairFirsts}) AND (search_first || search_last) % {search})
            OFFSET 0
            """);
    }

    /// <summary>
    /// A name search lists the people it most likely means first: those whose surname is exactly the search (or whose
    /// whole name is, in either order), then those whose given name is, then the rest, each group by name. "dela cruz"
    /// then lists the Dela Cruzes before the people whose middle name is Dela Cruz, and an exact hyphenated surname
    /// ("Santos-Reyes") is on the first page. Compared on the normalized columns, so spaces, hyphens and accents do not count.
    /// </summary>
    internal static IOrderedQueryable<Resident> NameRank(IQueryable<Resident> q, string search) =>
        q.OrderBy(r => r.SearchLast == search || r.SearchFirst + r.SearchLast == search || r.SearchLast + r.SearchFirst == search ? 0
            : r.SearchFirst == search ? 1 : 2);

    internal static IQueryable<Resident> Filter(BarangayDbContext db, IQueryable<Resident> q, ResidentFilter f, DateOnly today)
    {
        if (!string.IsNullOrWhiteSpace(f.Purok)) q = q.Where(r => r.Purok == f.Purok);
        if (!string.IsNullOrWhiteSpace(f.Status)) q = q.Where(r => r.RegistrationStatus == f.Status);
        if (!string.IsNullOrWhiteSpace(f.Sex)) q = q.Where(r => r.Sex == f.Sex);
        if (f.HasAccount is { } has) q = has ? q.Where(r => r.UserId != null) : q.Where(r => r.UserId == null);
        if (!string.IsNullOrWhiteSpace(f.HouseholdId))
        {
            var code = f.HouseholdId.Trim();
            q = q.Where(r => db.Households.Any(h => h.Id == r.HouseholdId && h.HouseholdId == code));
        }
        switch (f.AgeBand)
        {
            case AgeBands.Children: q = q.Where(r => r.Dob > today.AddYears(-15)); break;
            case AgeBands.Youth: q = q.Where(r => r.Dob <= today.AddYears(-15) && r.Dob > today.AddYears(-18)); break;
            case AgeBands.Adults: q = q.Where(r => r.Dob <= today.AddYears(-18) && r.Dob > today.AddYears(-60)); break;
            case AgeBands.Seniors: q = q.Where(r => r.Dob <= today.AddYears(-60)); break;
        }
        return q;
    }

    public static string FullName(string last, string first, string? middle, string? ext) =>
        $"{last}, {first}{(string.IsNullOrWhiteSpace(middle) ? "" : " " + middle)}{(string.IsNullOrWhiteSpace(ext) ? "" : " " + ext)}";
}
