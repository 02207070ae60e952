using Barangay.Data.Accounts;
using Barangay.Data.Security;
using Npgsql;

namespace Barangay.Tests.Data.Events;

/// <summary>Residents with accounts, written straight to the database (hundreds at once).</summary>
internal static class CommunityTestData
{
    public sealed record Person(Guid UserId, Guid ResidentId, string UserName);

    /// <summary>Creates <paramref name="count"/> active residents of <paramref name="purok"/>, each with a resident account, an email and a mobile number.</summary>
    public static async Task<List<Person>> CreateResidentsAsync(string cs, int count, string purok, string? prefix = null)
    {
        prefix ??= "p" + Guid.NewGuid().ToString("N")[..8];
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            WITH u AS (
              INSERT INTO users (username, normalized_username, email, normalized_email, full_name, email_confirmed,
                                 phone_number_confirmed, lockout_enabled, access_failed_count, roles)
              SELECT @p || g, upper(@p || g), @p || g || '@example.test', upper(@p || g || '@example.test'), 'Resident ' || g,
                     true, false, true, 0, ARRAY['resident']
              FROM generate_series(1, @n) g
              RETURNING id, username)
            INSERT INTO residents (user_id, resident_id, first_name, last_name, dob, purok, contact_number, version)
            SELECT u.id, 'T-' || u.username, 'Test', u.username, DATE '1990-01-01', @purok,
                   '0917' || lpad((row_number() OVER ())::text, 7, '0'), gen_random_uuid()
            FROM u
            RETURNING user_id, id, last_name
            """, conn);
        cmd.Parameters.AddWithValue("p", prefix);
        cmd.Parameters.AddWithValue("n", count);
        cmd.Parameters.AddWithValue("purok", purok);
        var people = new List<Person>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) people.Add(new Person(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2)));
        return people;
    }

    public static Caller CallerOf(Person p) => Infrastructure.TestCaller.As(p.UserId, p.UserName, [AppRoles.Resident]);
}

/// <summary>An <see cref="ICurrentUser"/> that follows the async flow, so concurrent calls in one test act as different people.</summary>
internal sealed class FlowCaller : ICurrentUser
{
    private static readonly AsyncLocal<Caller?> Current = new();

    public Caller Fallback { get; set; } = Caller.Anonymous;

    public static void Set(Caller caller) => Current.Value = caller;

    public Task<Caller> GetAsync(CancellationToken ct = default) => Task.FromResult(Current.Value ?? Fallback);
}
