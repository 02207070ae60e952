using Barangay.Data.Residents;

namespace Barangay.App.Hosting;

/// <summary>The Records of Barangay Inhabitants.</summary>
public static class ResidentServices
{
    public static IServiceCollection AddRecordsOfInhabitants(this IServiceCollection services)
    {
        services.AddScoped<ResidentService>();
        services.AddScoped<Barangay.Data.Households.HouseholdService>();
        return services;
    }
}
