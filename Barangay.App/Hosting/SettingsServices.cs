using Barangay.Data.Audit;
using Barangay.Data.Settings;

namespace Barangay.App.Hosting;

/// <summary>Settings, lookup values, the working-day calendar and the audit viewer.</summary>
public static class SettingsServices
{
    public static IServiceCollection AddSettingsAndAudit(this IServiceCollection services)
    {
        services.AddSingleton<SettingsNotifier>();
        services.AddSingleton<HolidayCalendar>();
        services.AddScoped<SettingsService>();
        services.AddScoped<LookupService>();
        services.AddScoped<Barangay.App.Components.Shared.PurokLabelCache>();
        services.AddScoped<AuditLogService>();
        return services;
    }
}
