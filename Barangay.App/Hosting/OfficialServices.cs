using Barangay.Data.Officials;

namespace Barangay.App.Hosting;

/// <summary>The officials roster: the admins' service (the public roster is registered with the app's core services).</summary>
public static class OfficialServices
{
    public static IServiceCollection AddOfficialsRoster(this IServiceCollection services)
    {
        services.AddScoped<OfficialAdminService>();
        return services;
    }
}
