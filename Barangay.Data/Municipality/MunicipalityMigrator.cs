using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Barangay.Data.Municipality;

/// <summary>
/// Migrates the municipality database (its own migrations and history table), then every barangay database in the
/// catalogue: in parallel up to a bound, skipping those already up to date (so a run that was stopped resumes where it
/// was), reporting each one as it finishes; one that fails is reported and the others carry on.
/// </summary>
public static class MunicipalityMigrator
{
    public sealed record Target(string Slug, string Name, string OwnerConnectionString);

    public sealed record Outcome(string Slug, string Name, string State, int Applied, string? Error, TimeSpan Took)
    {
        public const string Migrated = "migrated";
        public const string UpToDate = "up to date";
        public const string Failed = "FAILED";

        public string Line => State switch
        {
            Migrated => $"{Slug,-24} migrated ({Applied} migration{(Applied == 1 ? "" : "s")}, {Took.TotalSeconds:0.0} s)",
            UpToDate => $"{Slug,-24} up to date",
            _ => $"{Slug,-24} FAILED: {Error}",
        };
    }

    public static async Task MigrateMunicipalityAsync(string ownerConnectionString, DatabaseOptions options, CancellationToken ct = default)
    {
        var cs = options.IsCockroach
            ? new NpgsqlConnectionStringBuilder(ownerConnectionString) { Options = "-c autocommit_before_ddl=false" }.ConnectionString
            : ownerConnectionString;
        var b = new DbContextOptionsBuilder<MunicipalityDbContext>();
        MunicipalityDbContext.Configure(b, cs, options);
        await using var db = new MunicipalityDbContext(b.Options);
        await db.Database.MigrateAsync(ct);
        if (!string.IsNullOrWhiteSpace(options.AppRole))
        {
            await using var conn = new NpgsqlConnection(ownerConnectionString);
            await conn.OpenAsync(ct);
            var r = new NpgsqlCommandBuilder().QuoteIdentifier(options.AppRole);
            foreach (var sql in new[]
            {
                $"GRANT USAGE ON SCHEMA public TO {r}",
                $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {r}",
                // The municipality's audit trail cannot be rewritten by the app either.
                $"REVOKE UPDATE, DELETE, TRUNCATE ON municipal_audit_logs FROM {r}",
            })
            {
                await using var cmd = new NpgsqlCommand(sql, conn);
                await cmd.ExecuteNonQueryAsync(ct);
            }
        }
    }

    public static async Task<IReadOnlyList<Outcome>> MigrateBarangaysAsync(
        IReadOnlyList<Target> targets, DatabaseOptions options, int parallelism, Action<Outcome> report, CancellationToken ct = default)
    {
        var outcomes = new List<Outcome>();
        await Parallel.ForEachAsync(targets, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = ct }, async (t, token) =>
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            Outcome outcome;
            try
            {
                var pending = await PendingAsync(t.OwnerConnectionString, options, token);
                if (pending == 0) outcome = new Outcome(t.Slug, t.Name, Outcome.UpToDate, 0, null, started.Elapsed);
                else
                {
                    await DatabaseMigrator.MigrateAsync(t.OwnerConnectionString, options, token);
                    outcome = new Outcome(t.Slug, t.Name, Outcome.Migrated, pending, null, started.Elapsed);
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException or DbUpdateException)
            {
                // One barangay's failure (its server down, a migration that fails on its data) is reported, not fatal.
                outcome = new Outcome(t.Slug, t.Name, Outcome.Failed, 0, ex.GetBaseException().Message, started.Elapsed);
            }
            lock (outcomes)
            {
                outcomes.Add(outcome);
                report(outcome);
            }
        });
        return outcomes;
    }

    private static async Task<int> PendingAsync(string ownerConnectionString, DatabaseOptions options, CancellationToken ct)
    {
        var b = new DbContextOptionsBuilder<BarangayDbContext>();
        DataServiceCollectionExtensions.Configure(b, ownerConnectionString, options);
        await using var db = new BarangayDbContext(b.Options);
        return (await db.Database.GetPendingMigrationsAsync(ct)).Count();
    }
}
