using Barangay.Data.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Barangay.Data.Replicas;

public static class ReplicaServiceCollectionExtensions
{
    /// <summary>The stale-read path (<see cref="StaleReadContextFactory"/>, <see cref="BarangayReadDb"/>); replace the
    /// <see cref="ReadReplicaOptions"/> singleton to point it elsewhere.</summary>
    public static IServiceCollection AddStaleReads(this IServiceCollection services, ReadReplicaOptions options)
    {
        services.TryAddSingleton(options);
        services.TryAddSingleton<StaleReadContextFactory>();
        services.TryAddScoped(sp => new BarangayReadDb(sp.GetRequiredService<StaleReadContextFactory>(), sp.GetRequiredService<ICurrentUser>()));
        return services;
    }
}
