using Barangay.Data.Imports;
using Barangay.Jobs.Imports;
using Barangay.Jobs.Maintenance;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Barangay.App.Hosting;

public static class ImportsServices
{
    /// <summary>Imports: uploaded and previewed on the Imports page, committed by <see cref="ImportJob"/>, re-run by the queue sweeper after a crash.</summary>
    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.AddScoped<ImportService>();
        services.AddSingleton<IImportDispatcher, HangfireImportDispatcher>();
        services.AddTransient<ImportJob>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IQueuedWorkSource, ImportQueueWorkSource>());
        return services;
    }
}
