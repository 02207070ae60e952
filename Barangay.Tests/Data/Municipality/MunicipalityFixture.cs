using Barangay.Data;
using Barangay.Data.Municipality;
using Barangay.Data.Municipality.Rollups;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Barangay.Tests.Data.Municipality;

/// <summary>
/// A municipality database of its own (migrated), barangay databases cloned from the test templates and catalogued in
/// it, and the municipality's services over them. Everything it created is dropped afterwards.
/// </summary>
public sealed class MunicipalityFixture : IAsyncLifetime
{
    private readonly List<string> _databases = [];
    private readonly string _id = Guid.NewGuid().ToString("N")[..12];
    private ServiceProvider? _services;
    private int _catalogued;

    public string Name => "t_" + _id + "_muni";

    public DatabaseOptions Options { get; } = new() { AppRole = TestEnvironment.AppRole };

    /// <summary>Databases a test provisions are named t_…_b_{slug}, so ./test.sh sweeps up any left by a killed run.</summary>
    public BarangayServers Servers => new(TestEnvironment.For("postgres", "Default"), TestEnvironment.For("postgres", "Owner"), null, $"t_{_id}_b_");

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialised.");

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        await SuperAsync($"CREATE DATABASE {Name} OWNER barangay_owner");
        _databases.Add(Name);
        await MunicipalityMigrator.MigrateMunicipalityAsync(TestEnvironment.For(Name, "Owner"), Options);
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TestClock.Running());
        services.AddMunicipalityCatalogue(TestEnvironment.For(Name, "Default"), Servers, Options, new RollupOptions { Parallelism = 4 });
        _services = services.BuildServiceProvider();
        await using var db = await MunicipalityAsync();
        db.Settings.AddRange(new MunicipalSetting { Key = MunicipalSettingKeys.Municipality, Value = "Santa Maria" },
            new MunicipalSetting { Key = MunicipalSettingKeys.Province, Value = "Bulacan" });
        await db.SaveChangesAsync();
    }

    public Task<MunicipalityDbContext> MunicipalityAsync() => Get<IDbContextFactory<MunicipalityDbContext>>().CreateDbContextAsync();

    /// <summary>Clones <paramref name="template"/> into a new database and lists it in the catalogue; returns the listing.</summary>
    public async Task<CatalogueEntry> AddClonedAsync(string name, string slug, string template, string status = BarangayStatuses.Active)
    {
        var database = $"t_{_id}_c_{slug.Replace('-', '_')}";
        await TestDatabase.CloneLock.WaitAsync();
        try
        {
            await SuperAsync($"CREATE DATABASE {database} TEMPLATE {template} OWNER barangay_owner");
        }
        finally
        {
            TestDatabase.CloneLock.Release();
        }
        _databases.Add(database);
        return await CatalogueAsync(name, slug, database, status);
    }

    /// <summary>Lists a barangay whose database does not exist: what a database that is down looks like to the app.</summary>
    public Task<CatalogueEntry> AddMissingAsync(string name, string slug) => CatalogueAsync(name, slug, $"t_{_id}_gone_{slug.Replace('-', '_')}", BarangayStatuses.Active);

    public string AppConnectionString(CatalogueEntry e) => Servers.AppConnectionString(e.Server, e.DatabaseName);

    public string OwnerConnectionString(CatalogueEntry e) => Servers.OwnerConnectionString(e.Server, e.DatabaseName);

    private async Task<CatalogueEntry> CatalogueAsync(string name, string slug, string database, string status)
    {
        var e = new CatalogueEntry
        {
            Id = Guid.NewGuid(), Name = name, Slug = slug, Psgc = "0314010" + (100 + _catalogued++).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Host = slug + ".santamaria.example", Status = status, DatabaseName = database, CreatedAt = TestClock.UtcNow,
        };
        await using var db = await MunicipalityAsync();
        db.Barangays.Add(e);
        await db.SaveChangesAsync();
        Get<CatalogueDirectory>().Invalidate();
        return e;
    }

    public static async Task SuperAsync(string sql, string database = "postgres")
    {
        var cs = new NpgsqlConnectionStringBuilder(TestEnvironment.Super) { Database = database }.ConnectionString;
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        var cs = new NpgsqlConnectionStringBuilder(TestEnvironment.Super) { Database = "postgres" }.ConnectionString;
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        var names = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE @p", conn))
        {
            list.Parameters.AddWithValue("p", $"t\\_{_id}\\_%");
            await using var r = await list.ExecuteReaderAsync();
            while (await r.ReadAsync()) names.Add(r.GetString(0));
        }
        foreach (var n in names)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {n} WITH (FORCE)", conn);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
