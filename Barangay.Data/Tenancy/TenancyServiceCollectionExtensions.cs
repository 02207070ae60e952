using Barangay.Data.Municipality;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Barangay.Data.Tenancy;

public static class TenancyServiceCollectionExtensions
{
    /// <summary>Today's deployment: one barangay, every host and no prefix; nothing requires a barangay to be chosen.</summary>
    public static IServiceCollection AddSingleBarangay(this IServiceCollection services, string connectionString, TenancyOptions options)
    {
        options.RequireBarangay = false;
        if (options.ExpectedBarangays <= 0) options.ExpectedBarangays = 1;
        return services.AddDirectory(new SingleBarangayDirectory(connectionString, options), options);
    }

    /// <summary>Several barangays from configuration: every data access must then run for a chosen barangay.</summary>
    public static IServiceCollection AddConfiguredBarangays(this IServiceCollection services, IReadOnlyList<BarangayListing> listings, TenancyOptions options)
    {
        options.RequireBarangay = true;
        if (options.ExpectedBarangays <= 0) options.ExpectedBarangays = listings.Count;
        return services.AddDirectory(new ConfiguredBarangayDirectory(listings), options);
    }

    /// <summary>
    /// Another directory of several barangays (the municipality catalogue) in place of the configured one. Set
    /// <see cref="TenancyOptions.ExpectedBarangays"/> to size the pools; the default assumes 100.
    /// </summary>
    public static IServiceCollection AddBarangayDirectory<TDirectory>(this IServiceCollection services, TenancyOptions options)
        where TDirectory : class, IBarangayDirectory
    {
        options.RequireBarangay = true;
        if (options.ExpectedBarangays <= 0) options.ExpectedBarangays = 100;
        services.Replace(ServiceDescriptor.Singleton(options));
        services.Replace(ServiceDescriptor.Singleton<IBarangayDirectory, TDirectory>());
        services.TryAddScoped<ICurrentBarangay, CurrentBarangay>();
        return services;
    }

    /// <summary>The same, for a directory the container already holds (one instance, one cache).</summary>
    public static IServiceCollection AddBarangayDirectory(this IServiceCollection services, Func<IServiceProvider, IBarangayDirectory> directory, TenancyOptions options)
    {
        options.RequireBarangay = true;
        if (options.ExpectedBarangays <= 0) options.ExpectedBarangays = 100;
        services.Replace(ServiceDescriptor.Singleton(options));
        services.Replace(ServiceDescriptor.Singleton(directory));
        services.TryAddScoped<ICurrentBarangay, CurrentBarangay>();
        return services;
    }

    private static IServiceCollection AddDirectory(this IServiceCollection services, IBarangayDirectory directory, TenancyOptions options)
    {
        services.Replace(ServiceDescriptor.Singleton(options));
        services.Replace(ServiceDescriptor.Singleton(directory));
        services.TryAddScoped<ICurrentBarangay, CurrentBarangay>();
        return services;
    }
}
