using Barangay.App.Dashboard;
using Barangay.Data.Dashboard;
using Barangay.Data.Reports;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Barangay.App.Hosting;

public static class DashboardServices
{
    /// <summary>
    /// The homes' live poll and the monitoring reports. <see cref="IKpDeadlineCounter"/> is only a default: the KP cases
    /// feature registers its own counter (before or after this call; the last registration wins).
    /// </summary>
    public static WebApplicationBuilder AddDashboards(this WebApplicationBuilder builder)
    {
        var poll = new DashboardPollOptions();
        builder.Configuration.GetSection("Dashboard").Bind(poll);
        builder.Services.AddSingleton(poll);
        builder.Services.AddHostedService<DashboardPoller>();
        AddDashboardData(builder.Services);
        return builder;
    }

    /// <summary>What the homes and reports need besides the app's own services (tests register this too).</summary>
    public static IServiceCollection AddDashboardData(IServiceCollection services)
    {
        services.TryAddSingleton<IKpDeadlineCounter, NoKpCases>();
        services.TryAddScoped<DashboardService>();
        services.TryAddScoped<ReportService>();
        return services;
    }
}
