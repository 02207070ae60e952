using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Sms;

/// <summary>One row of the SMS outbox page.</summary>
public sealed record SmsRow(Guid Id, string ToNumber, string Body, string? Source, string Status, int Attempts, string? LastResult, DateTime CreatedAt);

/// <summary>The admins' SMS outbox: every text message, newest first (the local default's "sent" messages live only here).</summary>
public sealed class SmsOutboxService(BarangayDb dbs)
{
    public const string Permission = Permissions.Settings.Manage;

    public async Task<(IReadOnlyList<SmsRow> Rows, int Total)> ListAsync(int page, int size, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permission)) return ([], 0);
        var q = db.Set<SmsMessage>().AsNoTracking();
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Id).Skip(Math.Max(0, page) * size).Take(Math.Clamp(size, 1, 200))
            .Select(m => new SmsRow(m.Id, m.ToNumber, m.Body, m.Source, m.Status, m.AttemptCount, m.LastResult, m.CreatedAt)).ToListAsync(ct);
        return (rows.Select(r => r with { CreatedAt = DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc) }).ToList(), total);
    }
}
