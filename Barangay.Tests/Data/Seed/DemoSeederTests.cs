using Barangay.Data;
using Barangay.Data.Accounts;
using Barangay.Data.Seed;
using Barangay.Data.Settings;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Barangay.Tests.Data.Seed;

/// <summary>Runs on a clone of the template that ./test.sh seeded with `seed-demo` through the real command.</summary>
public class DemoSeederTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = new TestServices(database.AppConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Seed_DemoBarangay_IsBelievable()
    {
        await using var db = await _services.DbAsync();
        var residents = await db.Residents.CountAsync();
        residents.Should().BeInRange(850, 1200);
        (await db.Households.CountAsync()).Should().Be(300);
        (await db.Residents.Select(r => r.Purok).Distinct().CountAsync()).Should().BeInRange(6, 8);
        (await db.Residents.AnyAsync(r => r.LastName == "Dela Cruz")).Should().BeTrue();
        (await db.Residents.AnyAsync(r => r.LastName.Contains("ñ") || r.FirstName.Contains("ñ"))).Should().BeTrue("Filipino names include Ñ");
        (await db.Households.CountAsync(h => h.HeadResidentId == null)).Should().Be(0);
        (await db.HouseholdMembers.CountAsync()).Should().Be(residents);
        (await db.Officials.Select(o => o.Position).Distinct().ToListAsync()).Should().Contain(["Punong Barangay", "Kagawad", "Secretary", "Treasurer"]);
        (await db.Residents.CountAsync(r => r.ResidentId.StartsWith("RES-"))).Should().Be(residents);
    }

    [Fact]
    public async Task Seed_DemoAccounts_HaveTheirRoles()
    {
        await using var db = await _services.DbAsync();
        (await db.Users.SingleAsync(u => u.UserName == DemoAccounts.AdminUser)).Roles.Should().Equal(AppRoles.Admin);
        (await db.Users.SingleAsync(u => u.UserName == DemoAccounts.OfficialUser)).Roles.Should().Equal(AppRoles.Official);
        var juan = await db.Users.SingleAsync(u => u.UserName == DemoAccounts.ResidentUser);
        juan.Roles.Should().Equal(AppRoles.Resident);
        (await db.Residents.SingleAsync(r => r.UserId == juan.Id)).LastName.Should().Be("Dela Cruz");
    }

    [Fact]
    public async Task Seed_DemoBarangay_HasTheKpOfficers()
    {
        await using var db = await _services.DbAsync();
        var serving = await db.Officials.Where(o => o.Status == Barangay.Data.Officials.OfficialStatuses.Active)
            .Select(o => o.Position).ToListAsync();
        // The Lupon chairman (Punong Barangay), the Lupon secretary (barangay secretary) and a Pangkat of three Lupon members (LGC secs. 399, 404).
        serving.Count(p => p == Barangay.Data.Security.OfficialPositions.PunongBarangay).Should().Be(1);
        serving.Count(p => p == Barangay.Data.Security.OfficialPositions.Secretary).Should().Be(1);
        serving.Count(p => p == Barangay.Data.Security.OfficialPositions.LuponMember).Should().BeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Seed_RunTwice_ChangesNothing()
    {
        var before = await CountsAsync();
        await _services.Get<DemoSeeder>().SeedAsync();
        (await CountsAsync()).Should().Equal(before);
    }

    private async Task<long[]> CountsAsync()
    {
        string[] tables = ["users", "residents", "households", "household_members", "officials", "document_requests", "complaints", "events", "event_registrations", "announcements", "lookup_values", "app_settings", "audit_logs", "id_counters", "notifications"];
        await using var conn = new NpgsqlConnection(database.OwnerConnectionString);
        await conn.OpenAsync();
        var counts = new List<long>();
        foreach (var t in tables)
        {
            await using var cmd = new NpgsqlCommand($"SELECT count(*) FROM {t}", conn);
            counts.Add((long)(await cmd.ExecuteScalarAsync())!);
        }
        return [.. counts];
    }

    [Fact]
    public async Task Migrate_RunAgain_ChangesNothing()
    {
        var before = await SchemaFingerprintAsync();
        await DatabaseMigrator.MigrateAsync(database.OwnerConnectionString, new DatabaseOptions { AppRole = TestEnvironment.AppRole });
        (await SchemaFingerprintAsync()).Should().Be(before);
        (await CountsAsync()).Should().NotBeEmpty();
    }

    private async Task<string> SchemaFingerprintAsync()
    {
        await using var conn = new NpgsqlConnection(database.OwnerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            """
            SELECT (SELECT string_agg(table_name || '.' || column_name || ':' || data_type, ',' ORDER BY table_name, column_name) FROM information_schema.columns WHERE table_schema = 'public')
                || '|' || (SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'public')
                || '|' || (SELECT string_agg(migration_id, ',' ORDER BY migration_id) FROM "__EFMigrationsHistory")
            """, conn);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Profile_Seeded_NamesTheBarangay()
    {
        var profile = await _services.Get<BarangayProfileService>().GetAsync();
        profile.Name.Should().Be("Barangay San Isidro");
        profile.Locality.Should().Be("Santa Maria, Bulacan");
    }
}
