using Barangay.Data.Residents;

namespace Barangay.App.Hosting;

/// <summary>The resident's own pages: "My profile", contact details, correction requests and privacy.</summary>
public static class ProfileServices
{
    public static IServiceCollection AddResidentSelfService(this IServiceCollection services)
    {
        services.AddScoped<ResidentSelfService>();
        return services;
    }
}
