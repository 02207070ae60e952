using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Municipality;

/// <summary>
/// A context on one named barangay's database, for the municipality's own work that spans barangays (provisioning,
/// roll-ups, moves), which runs outside any barangay's request. Same options and interceptors as the app's factory
/// (DataServiceCollectionExtensions), so stamps and the audit trail behave the same. Each context is short-lived.
/// </summary>
public sealed class BarangayContexts(DatabaseOptions options, TimeProvider clock)
{
    private readonly Common.TimestampInterceptor _stamps = new(clock);
    private readonly Audit.AuditInterceptor _audit = new(clock);
    private readonly Accounts.AccountAccessInterceptor _access = new();
    private readonly Residents.ResidentNamesInterceptor _names = new();

    public DatabaseOptions Options => options;

    public BarangayDbContext Open(string connectionString, Audit.AuditActor? actor = null)
    {
        var b = new DbContextOptionsBuilder<BarangayDbContext>();
        DataServiceCollectionExtensions.Configure(b, connectionString, options).AddInterceptors(_stamps, _access, _audit, _names);
        return new BarangayDbContext(b.Options) { Actor = actor };
    }

    /// <summary>A factory over one database, for the existing services that take <see cref="IDbContextFactory{TContext}"/>.</summary>
    public IDbContextFactory<BarangayDbContext> FactoryFor(string connectionString) => new One(this, connectionString);

    private sealed class One(BarangayContexts contexts, string connectionString) : IDbContextFactory<BarangayDbContext>
    {
        public BarangayDbContext CreateDbContext() => contexts.Open(connectionString);
    }
}
