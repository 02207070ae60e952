using System.Diagnostics;
using System.Globalization;
using Barangay.Bench.Infrastructure;
using Barangay.Data;
using Barangay.Data.Municipality;
using Barangay.Data.Municipality.Rollups;
using Barangay.Data.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Barangay.Bench.Municipality;

/// <summary>
/// A municipality of N barangays (BENCH_MUNICIPAL_BARANGAYS, default 100) of 5,000 residents each on this one
/// PostgreSQL server: one barangay database is migrated to the second-newest migration and filled server-side
/// (INSERT … SELECT generate_series), then cloned N times with CREATE DATABASE … TEMPLATE (not timed). Timed:
/// <c>migrate_N_barangays_s</c>, the migrate command's code applying the one pending migration to all N in parallel,
/// and <c>municipal_form_c_N_s</c>, the consolidated Form C over all N (target ≤ 10 s at N = 100). Needs the owner's
/// connection (BENCH_OWNER_CONNECTION, which ./bench.sh sets) to create databases; the clones are dropped afterwards.
/// </summary>
internal sealed class MunicipalBench : IBenchmark
{
    private const int Residents = 5_000;
    private const string Prefix = "bench_muni_";

    public string Name => "municipal";

    public string Description => $"Form C and migrate over N barangays of {Residents:N0} residents (N = BENCH_MUNICIPAL_BARANGAYS, default 100)";

    public async Task<BenchOutcome> RunAsync(BenchDatabase database, CancellationToken ct)
    {
        var outcome = new BenchOutcome();
        var n = int.TryParse(Environment.GetEnvironmentVariable("BENCH_MUNICIPAL_BARANGAYS"), out var v) && v > 0 ? v : 100;
        var owner = Environment.GetEnvironmentVariable("BENCH_OWNER_CONNECTION") ?? Environment.GetEnvironmentVariable("ConnectionStrings__Owner");
        if (string.IsNullOrWhiteSpace(owner))
        {
            outcome.Errors.Add("BENCH_OWNER_CONNECTION is not set (run ./bench.sh): creating barangay databases needs the owner role.");
            return outcome;
        }
        var app = database.ConnectionString;
        var appRole = new NpgsqlConnectionStringBuilder(app).Username;
        var options = new DatabaseOptions { AppRole = appRole };
        var servers = new BarangayServers(app, owner, null, Prefix);
        string Db(string name) => new NpgsqlConnectionStringBuilder(owner) { Database = name, Pooling = false }.ConnectionString;

        var template = Prefix + "template";
        var started = Stopwatch.StartNew();
        await DropAsync(owner, ct);
        await ExecAsync(Db("postgres"), $"CREATE DATABASE {template}", ct);
        await MigrateToSecondNewestAsync(Db(template), options, ct);
        await FillAsync(Db(template), ct);
        for (var i = 1; i <= n; i++)
            await ExecAsync(Db("postgres"), $"CREATE DATABASE {Prefix}b{i:D3} TEMPLATE {template}", ct);
        var catalogue = Prefix + "catalogue";
        await ExecAsync(Db("postgres"), $"CREATE DATABASE {catalogue}", ct);
        await MunicipalityMigrator.MigrateMunicipalityAsync(Db(catalogue), options, ct);
        await using (var conn = new NpgsqlConnection(Db(catalogue)))
        {
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO barangays (slug, name, psgc, host, status, database_name, created_at)
                SELECT 'b' || lpad(g::text, 3, '0'), 'Barangay ' || g, '0314' || lpad(g::text, 6, '0'), 'b' || g || '.bench.example', 'active',
                       @prefix || 'b' || lpad(g::text, 3, '0'), now()
                FROM generate_series(1, @n) g
                """, conn);
            cmd.Parameters.AddWithValue("prefix", Prefix);
            cmd.Parameters.AddWithValue("n", n);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        outcome.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"prepared {n} barangay databases of {Residents:N0} residents in {started.Elapsed.TotalSeconds:F1} s (template + CREATE DATABASE … TEMPLATE)"));

        try
        {
            var targets = Enumerable.Range(1, n).Select(i => new MunicipalityMigrator.Target($"b{i:D3}", $"Barangay {i}", Db($"{Prefix}b{i:D3}"))).ToList();
            var migrating = Stopwatch.StartNew();
            var migrated = await MunicipalityMigrator.MigrateBarangaysAsync(targets, options, parallelism: 4, _ => { }, ct);
            var migrateSeconds = migrating.Elapsed.TotalSeconds;
            if (migrated.Count(o => o.State == MunicipalityMigrator.Outcome.Migrated && o.Applied == 1) != n)
                outcome.Errors.Add("migrate: expected every barangay to apply its one pending migration: " + string.Join("; ", migrated.Where(o => o.State != MunicipalityMigrator.Outcome.Migrated).Select(o => o.Line)));
            outcome.Results.Add(new BenchResult($"migrate_{n}_barangays_s", migrateSeconds, "s"));

            var services = new ServiceCollection();
            services.AddMunicipalityCatalogue(new NpgsqlConnectionStringBuilder(app) { Database = catalogue }.ConnectionString, servers, options,
                new RollupOptions { Parallelism = 8, PerBarangayTimeout = TimeSpan.FromSeconds(60) });
            await using var provider = services.BuildServiceProvider();
            var rollups = provider.GetRequiredService<MunicipalRollupService>();
            var quarter = Quarter.Of(DateOnly.FromDateTime(DateTime.UtcNow));
            var timings = new List<double>();
            MunicipalFormC? report = null;
            for (var round = 0; round < 2; round++)
            {
                var t = Stopwatch.StartNew();
                report = await rollups.FormCAsync(quarter, ct);
                timings.Add(t.Elapsed.TotalSeconds);
            }
            outcome.Notes.Add("Form C rounds (s): " + string.Join(", ", timings.Select(x => x.ToString("F2", CultureInfo.InvariantCulture))) + " (the first opens every database cold)");
            if (report!.Missing.Count > 0 || report.Barangays.Count != n) outcome.Errors.Add($"Form C: {report.Barangays.Count} of {n} barangays answered; missing: {string.Join(", ", report.Missing.Select(m => m.Name))}");
            if (report.Total.Inhabitants != report.Barangays.Sum(b => b.Figures.Inhabitants) || report.Barangays.Any(b => b.Figures.Inhabitants != report.Barangays[0].Figures.Inhabitants))
                outcome.Errors.Add("Form C: the municipal total is not the sum of identical barangays.");
            outcome.Notes.Add($"Form C: {report.Total.Inhabitants:N0} inhabitants in {n} barangays");
            outcome.Results.Add(new BenchResult($"municipal_form_c_{n}_s", timings[0], "s", Decimals: 2));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await DropAsync(owner, ct);
        }
        return outcome;
    }

    /// <summary>Migrated to the second-newest migration, so the newest is pending in every clone (what a release brings).</summary>
    private static async Task MigrateToSecondNewestAsync(string ownerCs, DatabaseOptions options, CancellationToken ct)
    {
        await ExecAsync(ownerCs, "CREATE EXTENSION IF NOT EXISTS pg_trgm", ct);
        var b = new DbContextOptionsBuilder<BarangayDbContext>();
        DataServiceCollectionExtensions.Configure(b, ownerCs, options);
        await using var db = new BarangayDbContext(b.Options);
        var all = db.Database.GetMigrations().ToList();
        await db.GetService<IMigrator>().MigrateAsync(all[^2], ct);
        var r = new NpgsqlCommandBuilder().QuoteIdentifier(options.AppRole!);
        await ExecAsync(ownerCs, $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {r}", ct);
    }

    private static Task FillAsync(string ownerCs, CancellationToken ct) => ExecAsync(ownerCs, $"""
        INSERT INTO lookup_values (category, code, label, sort_order) SELECT 'purok', 'purok-' || g, 'Purok ' || g, g FROM generate_series(1, 7) g;
        INSERT INTO households (household_id, purok, version) SELECT 'HH-B-' || lpad(g::text, 6, '0'), 'purok-' || (g % 7 + 1), gen_random_uuid() FROM generate_series(1, 1100) g;
        INSERT INTO residents (resident_id, first_name, last_name, dob, sex, purok, marital_status, registration_status, is_pwd, is_registered_voter, version, created_at)
        SELECT 'RES-B-' || lpad(g::text, 6, '0'), 'Juan' || g, 'Cruz', DATE '2026-01-01' - (g % 90) * 365 - g % 300,
               CASE WHEN g % 2 = 0 THEN 'Male' ELSE 'Female' END, 'purok-' || (g % 7 + 1), CASE WHEN g % 3 = 0 THEN 'Married' ELSE 'Single' END,
               'active', g % 40 = 0, g % 3 <> 0, gen_random_uuid(), now() - interval '400 days'
        FROM generate_series(1, {Residents}) g;
        INSERT INTO household_members (household_id, resident_id, relation)
        SELECT h.id, r.id, 'Head' FROM (SELECT id, row_number() OVER (ORDER BY household_id) n FROM households) h
        JOIN (SELECT id, row_number() OVER (ORDER BY resident_id) n FROM residents) r ON r.n = h.n;
        ANALYZE;
        """, ct);

    private static async Task DropAsync(string owner, CancellationToken ct)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(owner) { Database = "postgres" }.ConnectionString;
        var names = new List<string>();
        await using (var conn = new NpgsqlConnection(maintenance))
        {
            await conn.OpenAsync(ct);
            await using var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'bench\\_muni\\_%'", conn);
            await using var r = await list.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) names.Add(r.GetString(0));
        }
        foreach (var name in names) await ExecAsync(maintenance, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", ct);
    }

    private static async Task ExecAsync(string cs, string sql, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
