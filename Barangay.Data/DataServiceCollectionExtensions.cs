using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Replicas;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Barangay.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers the context factory (one short-lived context per operation) and its interceptors.</summary>
    public static IServiceCollection AddBarangayData(this IServiceCollection services, string connectionString, DatabaseOptions options)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<TimestampInterceptor>();
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<Accounts.AccountAccessInterceptor>();
        services.AddSingleton<Residents.ResidentNamesInterceptor>();
        services.AddSingleton<Sms.SmsAfterCommit>(); // a committed text starts its send at once (issue 24)
        services.AddDbContextFactory<BarangayDbContext>((sp, o) => AddInterceptors(Configure(o, connectionString, options), sp));
        // The tenant choice (Tenancy/BarangayContextFactory): these options are the deployment's own database, used
        // as they are when no barangay is current on a single-barangay deployment.
        services.TryAddSingleton(new Tenancy.TenancyOptions());
        services.Replace(ServiceDescriptor.Singleton<IDbContextFactory<BarangayDbContext>, Tenancy.BarangayContextFactory>());
        services.TryAddSingleton(sp => (Tenancy.BarangayContextFactory)sp.GetRequiredService<IDbContextFactory<BarangayDbContext>>());
        services.AddStaleReads(options.Read); // dashboards and reports: Replicas/StaleReadContextFactory
        return services;
    }

    public static DbContextOptionsBuilder AddInterceptors(DbContextOptionsBuilder o, IServiceProvider sp) =>
        o.UseApplicationServiceProvider(sp)
            .AddInterceptors(sp.GetRequiredService<TimestampInterceptor>(),
                // Before the audit interceptor, so the trail shows the stamp it rotates.
                sp.GetRequiredService<Accounts.AccountAccessInterceptor>(), sp.GetRequiredService<AuditInterceptor>(),
                sp.GetRequiredService<Residents.ResidentNamesInterceptor>(), sp.GetRequiredService<Sms.SmsAfterCommit>());

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder o, string connectionString, DatabaseOptions options)
    {
        o.UseNpgsql(SessionSettings.For(connectionString, options), npgsql =>
        {
            npgsql.MigrationsHistoryTable("__EFMigrationsHistory");
            // What is retried (40001, a leader change, a lost connection) and for how long: Resilience/FailoverRetryStrategy.
            npgsql.ExecutionStrategy(d => new Resilience.FailoverRetryStrategy(d));
        })
        .UseSnakeCaseNamingConvention()
        .UseColumnEncryption(ColumnCipher.For(options.Keys));
        if (options.IsCockroach)
            o.ReplaceService<IHistoryRepository, CockroachHistoryRepository>();
        else if (options.SettleLostCommits)
            o.AddInterceptors(Resilience.CommitOutcomeInterceptor.Instance); // a COMMIT lost in a failover is settled, not retried blind
        return o;
    }
}
