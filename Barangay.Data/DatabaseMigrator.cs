using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Barangay.Data;

/// <summary>
/// The <c>migrate</c> command: run as the owner role, from one place (never from every replica at start-up).
/// On PostgreSQL it first creates pg_trgm (CockroachDB has trigram indexes built in), so the migration
/// script itself holds no CREATE EXTENSION. Afterwards it (re)grants the application role everything but
/// UPDATE and DELETE on audit_logs, so the audit trail cannot be rewritten by the app. On CockroachDB it then adds
/// the steps of <see cref="Scale.CockroachFeatures"/> (row-level TTLs, a hash-sharded audit index). Plaintext left in an
/// encrypted column is encrypted in place (<see cref="Security.EncryptedColumnsBackfill"/>).
/// </summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAsync(string ownerConnectionString, DatabaseOptions options, CancellationToken ct = default)
    {
        if (!options.IsCockroach)
        {
            await using var conn = new NpgsqlConnection(ownerConnectionString);
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_trgm", conn);
            await cmd.ExecuteNonQueryAsync(ct);
        }

        var cs = options.IsCockroach
            ? new NpgsqlConnectionStringBuilder(ownerConnectionString) { Options = "-c autocommit_before_ddl=false" }.ConnectionString
            : ownerConnectionString;
        var b = new DbContextOptionsBuilder<BarangayDbContext>();
        DataServiceCollectionExtensions.Configure(b, cs, options);
        await using (var db = new BarangayDbContext(b.Options))
        {
            await db.Database.MigrateAsync(ct);
            await Security.EncryptedColumnsBackfill.RunAsync(db, ct);
        }
        if (options.IsCockroach)
            await ExecuteAsync(cs, Scale.CockroachFeatures.Statements, ct);

        if (!string.IsNullOrWhiteSpace(options.AppRole))
            await GrantAppRoleAsync(ownerConnectionString, options.AppRole, ct);
    }

    private static async Task GrantAppRoleAsync(string ownerConnectionString, string role, CancellationToken ct)
    {
        var r = new NpgsqlCommandBuilder().QuoteIdentifier(role);
        string[] statements =
        [
            $"GRANT USAGE ON SCHEMA public TO {r}",
            $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {r}",
            $"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {r}",
            $"REVOKE UPDATE, DELETE, TRUNCATE ON audit_logs FROM {r}",
            $"REVOKE INSERT, UPDATE, DELETE ON \"__EFMigrationsHistory\" FROM {r}",
        ];
        await ExecuteAsync(ownerConnectionString, statements, ct);
    }

    private static async Task ExecuteAsync(string connectionString, IEnumerable<string> statements, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        foreach (var sql in statements)
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}
