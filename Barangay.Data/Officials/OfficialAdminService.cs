using Barangay.Data.Files;
using Barangay.Data.Accounts;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Officials;

/// <summary>
/// The admins' roster of officials: every status, add from an existing account, edit, change status, set the photo.
/// Everything needs <see cref="Permissions.Officials.Manage"/>; anyone else gets an empty list or "not found".
/// </summary>
public sealed partial class OfficialAdminService(BarangayDb dbs)
{
    public const string TargetType = "Official";

    public async Task<Page<OfficialRow>> ListAsync(OfficialFilter filter, int page, int size, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Officials.Manage)) return new Page<OfficialRow>([], 0);
        size = Math.Clamp(size, 1, 100);
        var q = db.Officials.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Status)) q = q.Where(o => o.Status == filter.Status);
        if (!string.IsNullOrWhiteSpace(filter.Position)) q = q.Where(o => o.Position == filter.Position);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var like = $"%{filter.Search.Trim()}%";
            q = q.Where(o => EF.Functions.ILike(o.FullName, like) || EF.Functions.ILike(o.OfficialId, like));
        }
        var total = await q.CountAsync(ct);
        // In office first, then by rank (the order of OfficialPositions.All), then by name; former officials newest term first.
        var rows = await q
            .OrderBy(o => o.Status == OfficialStatuses.Active ? 0 : o.Status == OfficialStatuses.OnLeave ? 1 : 2)
            .ThenBy(o => o.Position == OfficialPositions.PunongBarangay ? 0
                : o.Position == OfficialPositions.Kagawad ? 1
                : o.Position == OfficialPositions.Secretary ? 2
                : o.Position == OfficialPositions.Treasurer ? 3
                : o.Position == OfficialPositions.SkChairperson ? 4
                : o.Position == OfficialPositions.LuponMember ? 5
                : o.Position == OfficialPositions.Tanod ? 6 : 7)
            .ThenByDescending(o => o.TermStart)
            .ThenBy(o => o.FullName).ThenBy(o => o.Id)
            .Skip(Math.Max(0, page) * size).Take(size)
            .Select(o => new { o, UserName = db.Users.IgnoreQueryFilters().Where(u => u.Id == o.UserId).Select(u => u.UserName).FirstOrDefault() })
            .ToListAsync(ct);
        return new Page<OfficialRow>(rows.Select(r => ToRow(r.o, r.UserName ?? "")).ToList(), total);
    }

    public async Task<OfficialDetail?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Officials.Manage)) return null;
        var o = await db.Officials.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return o is null ? null : await DetailAsync(db, o, ct);
    }

    /// <summary>Accounts matching a username, email or name (at least two characters), for the "add official" picker.</summary>
    public async Task<IReadOnlyList<OfficialAccountOption>> SearchAccountsAsync(string? text, int take = 10, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Officials.Manage) || string.IsNullOrWhiteSpace(text) || text.Trim().Length < 2) return [];
        var like = $"%{text.Trim()}%";
        var rows = await db.Users.AsNoTracking()
            .Where(u => EF.Functions.ILike(u.UserName!, like) || EF.Functions.ILike(u.Email ?? "", like) || EF.Functions.ILike(u.FullName, like))
            .OrderBy(u => u.UserName).Take(Math.Clamp(take, 1, 50))
            .Select(u => new
            {
                u.Id, u.UserName, u.FullName, u.Email, u.Roles,
                Position = db.Officials.Where(o => o.UserId == u.Id && (o.Status == OfficialStatuses.Active || o.Status == OfficialStatuses.OnLeave))
                    .Select(o => o.Position).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Select(r => new OfficialAccountOption(r.Id, r.UserName!, r.FullName, r.Email, r.Roles, r.Position)).ToList();
    }

    private static async Task<OfficialDetail> DetailAsync(BarangayDbContext db, Official o, CancellationToken ct)
    {
        var userName = await db.Users.IgnoreQueryFilters().AsNoTracking().Where(u => u.Id == o.UserId).Select(u => u.UserName).FirstOrDefaultAsync(ct);
        return new OfficialDetail(ToRow(o, userName ?? ""), ToEdit(o));
    }

    internal static OfficialRow ToRow(Official o, string userName) => new(
        o.Id, o.OfficialId, o.FullName, o.Position, o.TermStart, o.TermEnd, o.Status, o.ContactNumber, o.Email,
        PhotoFiles.FileIdOf(o.PhotoUrl), o.UserId, userName, Microseconds(o.UpdatedAt));

    internal static OfficialEdit ToEdit(Official o) => new()
    {
        FullName = o.FullName, Position = o.Position, TermStart = o.TermStart, TermEnd = o.TermEnd, ContactNumber = o.ContactNumber,
        Email = o.Email, Status = o.Status, UpdatedAt = Microseconds(o.UpdatedAt),
    };

    /// <summary>timestamptz keeps microseconds; a value stamped in .NET has 100 ns ticks. Compare and hand out what the column holds.</summary>
    internal static DateTime Microseconds(DateTime t) => new(t.Ticks - t.Ticks % 10, DateTimeKind.Utc);
}
