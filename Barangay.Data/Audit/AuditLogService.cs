using Barangay.Data.Accounts;
using Barangay.Data.Common;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Audit;

/// <summary>The read-only audit viewer. Nothing here changes an audit row; callers without <see cref="Permissions.Audit.View"/> get an empty page.</summary>
public sealed class AuditLogService(BarangayDb dbs)
{
    public const int MaxPageSize = 200;

    /// <summary>Every <c>action_type</c> the app writes, for the filter.</summary>

    /// <summary>Newest first, <paramref name="page"/> counted from 0.</summary>
    public async Task<Page<AuditRow>> SearchAsync(AuditFilter filter, int page, int size, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Audit.View)) return new Page<AuditRow>([], 0);
        size = Math.Clamp(size, 1, MaxPageSize);
        var q = db.AuditLogs.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var s = "%" + EscapeLike(filter.Actor.Trim()) + "%";
            var users = db.Users.IgnoreQueryFilters();
            q = q.Where(a => EF.Functions.ILike(a.ActorName ?? "", s)
                || users.Any(u => u.Id == a.ActorUserId && (EF.Functions.ILike(u.UserName ?? "", s) || EF.Functions.ILike(u.FullName, s))));
        }
        if (!string.IsNullOrWhiteSpace(filter.ActionType)) q = q.Where(a => a.ActionType == filter.ActionType);
        if (!string.IsNullOrWhiteSpace(filter.TargetType)) q = q.Where(a => a.TargetType == filter.TargetType);
        if (!string.IsNullOrWhiteSpace(filter.TargetId))
        {
            var id = filter.TargetId.Trim();
            q = q.Where(a => a.TargetId == id);
        }
        if (filter.From is { } from)
        {
            var start = TimeZones.ManilaToUtc(from.ToDateTime(TimeOnly.MinValue));
            q = q.Where(a => a.Timestamp >= start);
        }
        if (filter.To is { } to)
        {
            var end = TimeZones.ManilaToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            q = q.Where(a => a.Timestamp < end);
        }
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(a => a.Timestamp).ThenByDescending(a => a.Id)
            .Skip(Math.Max(0, page) * size).Take(size)
            .Select(a => new AuditRow(a.Id, a.Timestamp, a.ActorUserId, a.ActorName, a.ActionType, a.TargetType, a.TargetId, a.IpAddress, a.UserAgent, a.CorrelationId, a.Details))
            .ToListAsync(ct);
        return new Page<AuditRow>(items, total);
    }

    /// <summary>The target types present in the log, for the filter; empty for callers who may not view it.</summary>
    /// <summary>
    /// The actions the log holds, for the filter: the features record their own (KP steps, texted codes, refunds...),
    /// not only the <see cref="AuditActions"/>, and an admin must be able to pick any of them.
    /// </summary>
    public async Task<IReadOnlyList<string>> ActionTypesAsync(CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Audit.View)) return [];
        return await db.AuditLogs.AsNoTracking().Select(a => a.ActionType).Distinct().OrderBy(t => t).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<string>> TargetTypesAsync(CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Audit.View)) return [];
        return await db.AuditLogs.AsNoTracking().Where(a => a.TargetType != null).Select(a => a.TargetType!).Distinct().OrderBy(t => t).ToListAsync(ct);
    }

    private static string EscapeLike(string s) =>
        s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
