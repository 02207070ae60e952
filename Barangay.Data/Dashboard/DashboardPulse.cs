using Barangay.Data.Complaints;
using Barangay.Data.Documents;
using Barangay.Data.Events;
using Barangay.Data.Residents;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Barangay.Data.Dashboard;

/// <summary>
/// Every number behind the official's cards, hall-wide, in one statement: the live poll compares one reading with the
/// next and signals the homes when anything moved. Reads the database (never memory), so changes made by another
/// replica, a job or straight in SQL show too. No caller: it returns only counts and is used by the app's poller.
/// </summary>
public static class DashboardPulse
{
    private const string Sql = """
        SELECT concat_ws(',',
          (SELECT count(*) FROM residents WHERE deleted_at IS NULL AND registration_status = @active),
          (SELECT count(*) FROM households WHERE deleted_at IS NULL),
          (SELECT count(*) FROM registration_pending WHERE status = 'pending'),
          (SELECT count(*) FROM document_requests WHERE status = ANY(@req_pending) AND due_at < @now),
          (SELECT string_agg(status || ':' || n, ';' ORDER BY status) FROM (SELECT status, count(*) AS n FROM document_requests GROUP BY status) s),
          (SELECT count(*) FROM complaints),
          (SELECT count(*) FROM complaints WHERE status = ANY(@cmp_open)),
          (SELECT count(*) FROM events WHERE status = @published AND start_at >= @now),
          (SELECT count(*) FROM conversations WHERE awaiting_reply),
          (SELECT COALESCE(sum(unread_count), 0) FROM conversation_participants))
        """;

    /// <summary>A reading: equal strings mean nothing on the cards changed.</summary>
    public static async Task<string> ReadAsync(IDbContextFactory<BarangayDbContext> factory, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(Sql, conn);
        cmd.Parameters.Add(new NpgsqlParameter<string>("active", ResidentStatuses.Active));
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("req_pending", [.. DocumentRequestStatuses.Pending]));
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("cmp_open", [.. ComplaintStatuses.Open]));
        cmd.Parameters.Add(new NpgsqlParameter<string>("published", EventStatuses.Published));
        // The app's clock, not the database's now(): due dates and start times were computed on it (and tests pin it).
        cmd.Parameters.Add(new NpgsqlParameter<DateTime>("now", Common.ContextClock.UtcNow(db)));
        return (string)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
