using Barangay.Data.Accounts.Throttling;
using Barangay.Data.Municipality.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Barangay.Data.Municipality;

public static class MunicipalityServiceCollectionExtensions
{
    /// <summary>
    /// The municipality database and what runs on it: the catalogue (<see cref="CatalogueDirectory"/>, also registered as
    /// <see cref="IBarangayDirectory"/>), provisioning, roll-ups and moves. Only called when <c>Municipality:ConnectionString</c>
    /// is set; without it the deployment is one barangay, as before.
    /// </summary>
    public static IServiceCollection AddMunicipalityCatalogue(
        this IServiceCollection services, string municipalityConnectionString, BarangayServers servers, DatabaseOptions options, RollupOptions? rollups = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddDbContextFactory<MunicipalityDbContext>(o => MunicipalityDbContext.Configure(o, municipalityConnectionString, options));
        services.AddSingleton(servers);
        services.AddSingleton(rollups ?? new RollupOptions());
        services.AddSingleton(sp => new BarangayContexts(options, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<CatalogueDirectory>();
        // The registration point of the catalogue as the deployment's directory (replaces a single-barangay one).
        services.Replace(ServiceDescriptor.Singleton<IBarangayDirectory>(sp => sp.GetRequiredService<CatalogueDirectory>()));
        services.AddSingleton<BarangayProvisioner>();
        services.AddSingleton<MunicipalCatalogue>();
        services.AddSingleton<MunicipalRollupService>();
        services.AddSingleton<MunicipalAccounts>();
        // Municipal sign-in passes the same PasswordGate as a barangay's (its parts need Data Protection from the host).
        services.AddPasswordGate();
        services.AddSingleton<MunicipalPasswordFailures>();
        services.AddScoped<MunicipalSignIn>();
        return services;
    }
}
