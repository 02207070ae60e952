using Barangay.Data.Exports;

namespace Barangay.App.Hosting;

public static class ExportServices
{
    /// <summary>Exports: requested on the Exports page, made by <c>ExportJob</c> (registered with the jobs).</summary>
    public static IServiceCollection AddExports(this IServiceCollection services)
    {
        services.AddScoped<ExportService>();
        return services;
    }
}
