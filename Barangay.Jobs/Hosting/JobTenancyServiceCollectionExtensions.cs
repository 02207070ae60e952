using Barangay.Data.Tenancy;
using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Barangay.Jobs;

public static class JobTenancyServiceCollectionExtensions
{
    /// <summary>
    /// After <see cref="JobsServiceCollectionExtensions.AddBarangayJobs"/> and the barangay directory: every job carries
    /// its barangay (<see cref="BarangayJobFilter"/>) and, with several barangays, recurring jobs run per barangay.
    /// </summary>
    public static IServiceCollection AddBarangayJobTenancy(this IServiceCollection services, TenancyOptions tenancy)
    {
        services.TryAddSingleton<BarangayOutages>();
        services.TryAddSingleton<BarangayJobFilter>();
        services.Replace(ServiceDescriptor.Singleton<IJobFilterProvider, BarangayJobFilterProvider>());
        if (!tenancy.RequireBarangay) return services;
        var hangfires = services.LastOrDefault(d => d.ServiceType == typeof(IRecurringJobManager));
        if (hangfires?.ImplementationFactory is not { } inner) return services;
        services.Replace(ServiceDescriptor.Singleton<IRecurringJobManager>(sp =>
            new PerBarangayRecurringJobs((IRecurringJobManager)inner(sp), sp.GetRequiredService<Barangay.Data.Municipality.IBarangayDirectory>())));
        return services;
    }
}
