using Barangay.App.Messaging;
using Barangay.Data.Messaging;

namespace Barangay.App.Hosting;

public static class MessagingServices
{
    /// <summary>Messaging between residents and the hall, its live signals and the poll that brings other replicas' messages.</summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        services.AddScoped<MessagingService>();
        services.AddSingleton<LiveMessaging>();
        services.AddSingleton<IMessagingLive>(sp => sp.GetRequiredService<LiveMessaging>());
        services.AddSingleton<MessagePoller>();
        services.AddHostedService(sp => sp.GetRequiredService<MessagePoller>());
        return services;
    }
}
