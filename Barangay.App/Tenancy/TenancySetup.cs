using Barangay.Data.Files;
using Barangay.Data.Municipality;
using Barangay.Data.Tenancy;
using Barangay.Jobs;
using Hangfire;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Barangay.App.Tenancy;

/// <summary>
/// Which barangay: the <c>Barangays</c> configuration section lists several (slug, name, host, connection string,
/// status), else the deployment is today's single barangay of <c>ConnectionStrings:Default</c> and nothing changes.
/// docs/municipality.md, "Tenant choice".
/// </summary>
public static class TenancySetup
{
    /// <summary>For the web app and the worker alike; after the data, files and jobs are registered.</summary>
    public static TenancyOptions AddBarangayTenancy(this IHostApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var services = builder.Services;
        var options = new TenancyOptions();
        config.GetSection("Tenancy").Bind(options);
        var listed = config.GetSection("Barangays").Get<List<ConfiguredBarangay>>() ?? [];
        if (Municipality.MunicipalityHosting.IsMunicipality(config))
        {
            // The municipality's catalogue is the directory (docs/municipality-rollups.md); the web app registered it
            // already (MunicipalityHosting.AddMunicipality), the worker does it here. One CatalogueDirectory instance, so
            // adding or suspending a barangay invalidates the cache the requests and jobs read.
            if (!services.Any(d => d.ServiceType == typeof(CatalogueDirectory)))
            {
                services.AddMunicipalityCatalogue(config[Municipality.MunicipalityHosting.ConnectionStringKey]!,
                    Municipality.MunicipalityHosting.ServersFrom(config), Hosting.BarangayApp.DatabaseOptionsFrom(config),
                    Municipality.MunicipalityHosting.RollupOptionsFrom(config));
            }
            services.AddBarangayDirectory(sp => sp.GetRequiredService<CatalogueDirectory>(), options);
        }
        else if (listed.Count == 0)
        {
            services.AddSingleBarangay(config.GetConnectionString("Default") ?? "", options);
        }
        else
        {
            services.AddConfiguredBarangays(listed.Select(b => b.ToListing()).ToList(), options);
        }
        if (services.Any(d => d.ServiceType == typeof(JobStorage))) services.AddBarangayJobTenancy(options);
        if (options.RequireBarangay) Decorate<IFileStore>(services, (sp, inner) => new BarangayFileStore(inner, sp.GetRequiredService<FileStorageOptions>()));
        // Which barangays are down (skipped at once by pages, pollers and jobs until a probe reaches them again).
        services.TryAddSingleton<BarangayOutages>();
        if (options.RequireBarangay)
        {
            // After the registrars (and, in the web app, the pollers): a barangay added while the app or the worker runs
            // gets its background work too.
            services.TryAddSingleton<NewBarangaysWatcher>();
            services.AddHostedService(sp => sp.GetRequiredService<NewBarangaysWatcher>());
        }
        return options;
    }

    /// <summary>The web app's part: the session's barangay claim, the shared key ring, the circuit's barangay.</summary>
    public static WebApplicationBuilder AddBarangayWebTenancy(this WebApplicationBuilder builder)
    {
        var options = builder.AddBarangayTenancy();
        var services = builder.Services;
        services.PostConfigure<KeyManagementOptions>(o =>
        {
            if (o.XmlRepository is { } inner and not HomeKeyRing) o.XmlRepository = new HomeKeyRing(inner);
        });
        if (!options.RequireBarangay) return builder;
        Decorate<IUserClaimsPrincipalFactory<Barangay.Data.Accounts.User>>(services, (_, inner) => new BarangayClaimStamp(inner));
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, BarangaySessionClaim.Attach);
        services.AddScoped<CircuitHandler, BarangayCircuitHandler>();
        PerBarangayHostedService.Apply(services,
            typeof(Notifications.NotificationPoller), typeof(Messaging.MessagePoller), typeof(Dashboard.DashboardPoller));
        return builder;
    }

    /// <summary>First in the pipeline after the trusted proxies (the host name is the forwarded one). Nothing on a single barangay.</summary>
    public static WebApplication UseBarangayTenancy(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<TenancyOptions>().RequireBarangay) return app;
        app.UseMiddleware<BarangayTenancyMiddleware>();
        // Routing after the prefix is taken off the path, so /b/{slug}/residents matches /residents.
        app.UseRouting();
        return app;
    }

    /// <summary>After the exception handler and the security headers: a barangay whose database is down says so (503).</summary>
    public static WebApplication UseBarangayOutagePage(this WebApplication app)
    {
        if (app.Services.GetRequiredService<TenancyOptions>().RequireBarangay) app.UseMiddleware<BarangayUnreachableMiddleware>();
        return app;
    }

    private static void Decorate<T>(IServiceCollection services, Func<IServiceProvider, T, T> decorate) where T : class
    {
        var d = services.LastOrDefault(x => x.ServiceType == typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} must be registered before the tenancy.");
        Func<IServiceProvider, object> inner = d.ImplementationInstance is { } instance ? _ => instance
            : d.ImplementationFactory is { } factory ? factory
            : sp => ActivatorUtilities.CreateInstance(sp, d.ImplementationType!);
        services.Replace(ServiceDescriptor.Describe(typeof(T), sp => decorate(sp, (T)inner(sp)), d.Lifetime));
    }
}
