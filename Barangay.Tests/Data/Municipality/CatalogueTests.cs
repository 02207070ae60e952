using Barangay.Data;
using Barangay.Data.Municipality;
using Barangay.Data.Settings;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Barangay.Tests.Data.Municipality;

/// <summary>Adding a barangay (the command's and the admin page's one code path), the directory, suspending, migrating all.</summary>
public sealed class CatalogueTests(MunicipalityFixture muni) : IClassFixture<MunicipalityFixture>
{
    [Fact]
    public async Task Create_NewBarangay_DatabaseMigratedSeededCataloguedAndFoundByHostAndSlug()
    {
        var result = await muni.Get<BarangayProvisioner>().CreateAsync(
            new NewBarangay("Barangay Bagbaguin", "0314023005", "Bagbaguin.SantaMaria.example:443", PublicUrl: " https://bagbaguin.santamaria.example "), "test");

        result.Ok.Should().BeTrue(result.Message);
        var entry = result.Value!;
        entry.Slug.Should().Be("bagbaguin");
        entry.PublicUrl.Should().Be("https://bagbaguin.santamaria.example/", "the admin's public address is kept, trimmed, ending with a slash");
        entry.Host.Should().Be("bagbaguin.santamaria.example");
        var directory = muni.Get<IBarangayDirectory>();
        (await directory.FindByHostAsync("BAGBAGUIN.santamaria.example")).Should().NotBeNull().And.BeOfType<BarangayListing>().Which.Name.Should().Be("Barangay Bagbaguin");
        var listing = (await directory.FindBySlugAsync("bagbaguin"))!;
        listing.IsActive.Should().BeTrue();

        var factory = new BarangayContexts(muni.Options, TestClock.Running()).FactoryFor(listing.ConnectionString);
        await using var db = await factory.CreateDbContextAsync();
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        (await db.LookupValues.CountAsync()).Should().BeGreaterThan(20);
        (await new HolidayCalendar(factory).HolidaysAsync()).Should().Contain(h => h.Name == "Rizal Day");
        (await new BarangayProfileService(factory).GetAsync()).Should().Match<BarangayProfile>(p => p.Name == "Barangay Bagbaguin" && p.Municipality == "Santa Maria" && p.Province == "Bulacan");
        (await db.Residents.CountAsync()).Should().Be(0, "a new barangay starts with an empty register");
        await using var m = await muni.MunicipalityAsync();
        (await m.Audit.CountAsync(a => a.Action == "BarangayAdded" && a.Target == "bagbaguin")).Should().Be(1);
    }

    [Theory]
    [InlineData("031402300", "Psgc", "The PSGC code is ten digits (for example 0314010001).")]
    [InlineData("0314023000", "Psgc", "That PSGC code is a municipality's or city's; a barangay's code ends in its own three digits.")]
    [InlineData("03140230AB", "Psgc", "The PSGC code is ten digits (for example 0314010001).")]
    public async Task Create_BadPsgc_RefusedNamingTheField(string psgc, string field, string message)
    {
        var result = await muni.Get<BarangayProvisioner>().CreateAsync(new NewBarangay("Caypombo", psgc, "caypombo.santamaria.example"), "test");

        result.Ok.Should().BeFalse();
        result.Errors.Should().Contain(field, message);
    }

    [Theory]
    [InlineData("http://caypombo.santamaria.example/")]
    [InlineData("http://localhost:5080/b/caypombo/")]
    [InlineData("caypombo.santamaria.example")]
    [InlineData("ftp://caypombo.santamaria.example/")]
    [InlineData("https://caypombo.santamaria.example/?from=admin")]
    [InlineData("https://user:secret@caypombo.santamaria.example/")]
    public async Task Create_PublicAddressNotHttps_RefusedNamingTheField(string publicUrl)
    {
        var result = await muni.Get<BarangayProvisioner>().CreateAsync(new NewBarangay("Caypombo", "0314023010", "caypombo.santamaria.example", PublicUrl: publicUrl), "test");

        result.Ok.Should().BeFalse();
        result.Errors.Should().ContainKey("PublicUrl").WhoseValue.Should().Contain("https");
    }

    [Theory]
    [InlineData("https://caypombo.santamaria.example/", false)]
    [InlineData("https://caypombo.santamaria.example/b/caypombo", false)]
    [InlineData("http://127.0.0.1:5080/b/caypombo/", false)]
    [InlineData("http://127.0.0.2/", false)]
    [InlineData("http://10.0.0.5/", true)]
    public void PublicAddressProblem_HttpsAnywhere_PlainHttpOnlyOnLoopback(string url, bool problem) =>
        BarangayProvisioner.PublicAddressProblem(url).Should().Be(problem);

    [Fact]
    public async Task Create_HostOfAnotherBarangay_RefusedBeforeAnyDatabaseIsMade()
    {
        var existing = await muni.AddClonedAsync("Guyong", "guyong", TestEnvironment.AppTemplate);

        var result = await muni.Get<BarangayProvisioner>().CreateAsync(new NewBarangay("Guyong Two", "0314023099", existing.Host, "guyong-two"), "test");

        result.Errors.Should().ContainKey("Host").WhoseValue.Should().Contain("Guyong");
        await using var conn = new NpgsqlConnection(TestEnvironment.Super);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @n", conn);
        cmd.Parameters.AddWithValue("n", muni.Servers.DatabaseNameFor("guyong-two"));
        ((long)(await cmd.ExecuteScalarAsync())!).Should().Be(0);
    }

    [Fact]
    public async Task Suspend_Barangay_DirectoryShowsItAtOnceAndRollupsLeaveItOut()
    {
        var entry = await muni.AddClonedAsync("Parada", "parada", TestEnvironment.AppTemplate);
        var directory = muni.Get<IBarangayDirectory>();
        (await directory.FindBySlugAsync("parada"))!.IsActive.Should().BeTrue();

        var suspended = await muni.Get<MunicipalCatalogue>().SuspendAsync(entry.Id, "mlgoo", null);

        suspended.Ok.Should().BeTrue();
        (await directory.FindBySlugAsync("parada"))!.Status.Should().Be(BarangayStatuses.Suspended);
        var report = await muni.Get<Barangay.Data.Municipality.Rollups.MunicipalRollupService>().FormCAsync(Barangay.Data.Reports.Quarter.Of(TestClock.ManilaToday));
        report.Barangays.Should().NotContain(b => b.Slug == "parada");
        (await muni.Get<MunicipalCatalogue>().ReactivateAsync(entry.Id, "mlgoo", null)).Ok.Should().BeTrue();
        (await directory.FindBySlugAsync("parada"))!.IsActive.Should().BeTrue();
    }

    [Fact]
    public async Task MigrateAll_UpToDatePendingAndUnreachable_EachReportedAndTheFailureNotFatal()
    {
        var upToDate = await muni.AddClonedAsync("Lalakhan", "lalakhan", TestEnvironment.AppTemplate);
        // Pending: an empty database (every migration to apply). Unreachable: a database that does not exist.
        var fresh = muni.Servers.DatabaseNameFor("mag-asawang-sapa");
        await MunicipalityFixture.SuperAsync($"CREATE DATABASE {fresh} OWNER barangay_owner");
        var lines = new List<string>();
        MunicipalityMigrator.Target[] targets =
        [
            new("lalakhan", "Lalakhan", muni.OwnerConnectionString(upToDate)),
            new("mag-asawang-sapa", "Mag-asawang Sapa", muni.Servers.OwnerConnectionString(null, fresh)),
            new("manggahan", "Manggahan", muni.Servers.OwnerConnectionString(null, muni.Servers.DatabaseNameFor("manggahan"))),
        ];

        var outcomes = await MunicipalityMigrator.MigrateBarangaysAsync(targets, muni.Options, parallelism: 3, o => lines.Add(o.Line));

        outcomes.Single(o => o.Slug == "lalakhan").State.Should().Be(MunicipalityMigrator.Outcome.UpToDate);
        await using (var db = new BarangayContexts(muni.Options, TestClock.Running()).Open(muni.Servers.AppConnectionString(null, fresh)))
        {
            outcomes.Single(o => o.Slug == "mag-asawang-sapa").Should().Match<MunicipalityMigrator.Outcome>(
                o => o.State == MunicipalityMigrator.Outcome.Migrated && o.Applied == db.Database.GetMigrations().Count());
            (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        }
        outcomes.Single(o => o.Slug == "manggahan").State.Should().Be(MunicipalityMigrator.Outcome.Failed);
        lines.Should().HaveCount(3).And.Contain(l => l.StartsWith("manggahan") && l.Contains("FAILED"));

        var again = await MunicipalityMigrator.MigrateBarangaysAsync(targets[..2], muni.Options, 2, _ => { });
        again.Should().OnlyContain(o => o.State == MunicipalityMigrator.Outcome.UpToDate, "a second run resumes: what is done is skipped");
    }
}
