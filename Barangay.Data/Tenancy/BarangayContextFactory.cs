using System.Collections.Concurrent;
using Barangay.Data.Municipality;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Barangay.Data.Tenancy;

/// <summary>
/// The one place a database is chosen: every <see cref="BarangayDbContext"/> (services, Identity's store, jobs, and the
/// raw SQL, COPY and batches that borrow a context's connection) comes from here, on the database of
/// <see cref="BarangayAmbient.Current"/>. With no barangay current it is the deployment's own database (the single-barangay
/// path, unchanged) unless a directory of several barangays is registered, when it refuses instead of guessing.
/// Options are built once per barangay and cached, so choosing costs a dictionary lookup.
/// </summary>
public sealed class BarangayContextFactory(
    DbContextOptions<BarangayDbContext> home, IServiceProvider services, DatabaseOptions database, TenancyOptions tenancy)
    : IDbContextFactory<BarangayDbContext>
{
    private readonly ConcurrentDictionary<string, DbContextOptions<BarangayDbContext>> _byConnection = new(StringComparer.Ordinal);

    public BarangayDbContext CreateDbContext() => new(OptionsFor(BarangayAmbient.Current));

    public Task<BarangayDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(CreateDbContext());

    public DbContextOptions<BarangayDbContext> OptionsFor(BarangayListing? barangay)
    {
        if (barangay is null)
        {
            return tenancy.RequireBarangay && !BarangayAmbient.IsHome
                ? throw new InvalidOperationException("No barangay is chosen for this database access: it runs outside a barangay's request or job.")
                : home;
        }
        if (!barangay.IsActive)
            throw new BarangaySuspendedException(barangay);
        return _byConnection.GetOrAdd(barangay.ConnectionString, Build);
    }

    /// <summary>The connection string a barangay's contexts use (its pool sized from the budget).</summary>
    public string ConnectionStringFor(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString)
    {
        MaxPoolSize = tenancy.PoolPerBarangay(tenancy.ExpectedBarangays),
    }.ConnectionString;

    private DbContextOptions<BarangayDbContext> Build(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<BarangayDbContext>();
        DataServiceCollectionExtensions.Configure(builder, ConnectionStringFor(connectionString), database);
        DataServiceCollectionExtensions.AddInterceptors(builder, services);
        return builder.Options;
    }
}

/// <summary>A suspended barangay's database is not opened, not even by a job queued before the suspension.</summary>
public sealed class BarangaySuspendedException(BarangayListing barangay)
    : InvalidOperationException($"Barangay {barangay.Name} is suspended.")
{
    public BarangayListing Barangay { get; } = barangay;
}
