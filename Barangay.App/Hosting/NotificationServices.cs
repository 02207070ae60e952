using Barangay.App.Live;
using Barangay.App.Notifications;
using Barangay.Data.Notifications;

namespace Barangay.App.Hosting;

public static class NotificationServices
{
    /// <summary>The notification service, the process's live notifier and the poll that feeds it from the database.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration config)
    {
        var write = new NotificationOptions();
        config.GetSection("Notifications").Bind(write);
        var poll = new NotificationPollOptions();
        config.GetSection("Notifications:Poll").Bind(poll);
        services.AddSingleton(write);
        services.AddSingleton(poll);
        services.AddScoped<NotificationService>();
        services.AddSingleton<LiveNotifier>();
        services.AddHostedService<NotificationPoller>();
        return services;
    }
}
