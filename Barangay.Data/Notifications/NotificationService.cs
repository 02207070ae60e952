using Barangay.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Barangay.Data.Notifications;

/// <summary>
/// Writes notifications for features and jobs (any number of recipients) and serves the signed-in user's own
/// notifications (see the reading half in NotificationService.Mine.cs). Features call the writing half after
/// their own permission checks; it does not check the caller, only records it as the audit actor.
/// </summary>
public sealed partial class NotificationService(BarangayDb dbs, NotificationOptions options)
{
    internal const string CopySql = "COPY notifications (user_id, type, payload) FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// Notifies every user in <paramref name="userIds"/> (duplicates once; ids of no account are skipped and
    /// reported) in one transaction, with one audit row for the fan-out. Large fan-outs go through a binary COPY.
    /// </summary>
    public async Task<NotifyResult> NotifyAsync(IReadOnlyCollection<Guid> userIds, string type, NotificationPayload payload, CancellationToken ct = default)
    {
        var error = NotificationPayloads.Validate(type, payload);
        if (error is not null) return NotifyResult.Invalid(error);
        var ids = userIds.Distinct().ToArray();
        if (ids.Length == 0) return new NotifyResult(0, [], null);
        type = type.Trim();
        var json = NotificationPayloads.Serialize(payload);

        var (first, _) = await dbs.OpenAsync(ct);
        await using var __ = first;
        // Fresh context per attempt: a retried transaction (SQLSTATE 40001 on CockroachDB) starts clean.
        return await first.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            var (db, _) = await dbs.OpenAsync(token);
            await using var ___ = db;
            await using var tx = await db.Database.BeginTransactionAsync(token);
            var known = await KnownUsersAsync(db, ids, token);
            if (known.Count >= options.CopyThreshold)
                await CopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), known, type, json, token);
            else
                db.Notifications.AddRange(known.Select(id => new Notification { UserId = id, Type = type, Payload = json }));
            RecordFanOut(db, type, known.Count, ids.Length - known.Count);
            await db.SaveChangesAsync(token);
            await tx.CommitAsync(token);
            return Result(ids, known);
        }, ct);
    }

    /// <summary>
    /// Adds the notifications to <paramref name="db"/>, to be written by the caller's own SaveChanges, in the
    /// same transaction as the change they announce (the caller's change carries the audit row).
    /// </summary>
    public static async Task<NotifyResult> AddAsync(BarangayDbContext db, IReadOnlyCollection<Guid> userIds, string type, NotificationPayload payload, CancellationToken ct = default)
    {
        var error = NotificationPayloads.Validate(type, payload);
        if (error is not null) return NotifyResult.Invalid(error);
        var ids = userIds.Distinct().ToArray();
        if (ids.Length == 0) return new NotifyResult(0, [], null);
        var json = NotificationPayloads.Serialize(payload);
        var known = await KnownUsersAsync(db, ids, ct);
        db.Notifications.AddRange(known.Select(id => new Notification { UserId = id, Type = type.Trim(), Payload = json }));
        return Result(ids, known);
    }

    /// <summary>The recipients that are accounts (soft-deleted ones are left out: they cannot sign in to read it).</summary>
    private static async Task<List<Guid>> KnownUsersAsync(BarangayDbContext db, Guid[] ids, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);

    internal static async Task<ulong> CopyAsync(NpgsqlConnection conn, IReadOnlyCollection<Guid> users, string type, string json, CancellationToken ct)
    {
        // id and created_at come from the column defaults, as with the EF path.
        await using var writer = await conn.BeginBinaryImportAsync(CopySql, ct);
        foreach (var user in users)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(user, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(type, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(json, NpgsqlDbType.Jsonb, ct);
        }
        return await writer.CompleteAsync(ct);
    }

    private static void RecordFanOut(BarangayDbContext db, string type, int created, int skipped) =>
        db.Record(AuditActions.Create, "Notification", type, new { type, recipients = created, skipped });

    private static NotifyResult Result(Guid[] asked, List<Guid> known)
    {
        var set = known.ToHashSet();
        return new NotifyResult(known.Count, asked.Where(id => !set.Contains(id)).ToList(), null);
    }
}
