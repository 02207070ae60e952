using Npgsql;

namespace Barangay.Tests.Data.Notifications;

/// <summary>Rows for notification tests, written straight to the database as another replica or a job would.</summary>
internal static class NotificationTestData
{
    /// <summary>Creates <paramref name="count"/> plain resident accounts and returns their ids.</summary>
    public static async Task<List<Guid>> CreateUsersAsync(string connectionString, int count, string prefix)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO users (username, normalized_username, full_name, email_confirmed, phone_number_confirmed, lockout_enabled, access_failed_count)
            SELECT @p || g, upper(@p || g), 'Test ' || g, false, false, true, 0 FROM generate_series(1, @n) g
            RETURNING id
            """, conn);
        cmd.Parameters.AddWithValue("p", prefix);
        cmd.Parameters.AddWithValue("n", count);
        var ids = new List<Guid>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
        return ids;
    }

    /// <summary>Inserts one notification with the database's own defaults (id, created_at = now()); returns its id.</summary>
    public static async Task<Guid> InsertAsync(string connectionString, Guid userId, string text, string? href = null)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "INSERT INTO notifications (user_id, type, payload) VALUES (@u, 'test.direct', jsonb_build_object('text', @t::text, 'href', @h::text)) RETURNING id", conn);
        cmd.Parameters.AddWithValue("u", userId);
        cmd.Parameters.AddWithValue("t", text);
        cmd.Parameters.AddWithValue("h", (object?)href ?? DBNull.Value);
        return (Guid)(await cmd.ExecuteScalarAsync())!;
    }

    public static async Task DeleteAsync(string connectionString, Guid id)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("DELETE FROM notifications WHERE id = @id", conn);
        cmd.Parameters.AddWithValue("id", id);
        await cmd.ExecuteNonQueryAsync();
    }
}
