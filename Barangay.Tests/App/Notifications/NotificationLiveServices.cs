using Barangay.App.Live;
using Barangay.App.Notifications;
using Barangay.Data;
using Barangay.Data.Notifications;
using Barangay.Data.Security;
using Barangay.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Barangay.Tests.App.Notifications;

/// <summary>What the bell, the page and the poller need, over a real database, with the caller under the test's control.</summary>
internal static class NotificationLiveServices
{
    public static TestCaller Add(IServiceCollection services, string connectionString)
    {
        var caller = new TestCaller();
        services.AddLogging();
        services.AddBarangayData(connectionString, new DatabaseOptions());
        services.AddHttpContextAccessor();
        services.AddSingleton<ICurrentUser>(caller);
        services.AddScoped<BarangayDb>();
        services.AddSingleton(new NotificationOptions());
        services.AddScoped<NotificationService>();
        services.AddSingleton<LiveNotifier>();
        services.AddSingleton(new NotificationPollOptions());
        services.AddSingleton<NotificationPoller>();
        return caller;
    }

    public static LiveNotifier Notifier() => new(NullLogger<LiveNotifier>.Instance);
}
