using Barangay.Data.Announcements;
using Barangay.Data.Sms;
using Barangay.Jobs.Maintenance;
using Barangay.Jobs.Sms;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Barangay.Jobs.Announcements;

public static class AnnouncementJobs
{
    /// <summary>The fan-out, the scheduler (every minute), SMS sending (gateway or local outbox) and their sweeper sources.</summary>
    public static IServiceCollection AddAnnouncementJobs(this IServiceCollection services, SmsOptions sms, bool recurring)
    {
        services.AddSingleton(sms);
        services.AddSingleton<AnnouncementFanOut>();
        services.AddSingleton<IAnnouncementDispatcher, HangfireAnnouncementDispatcher>();
        services.AddSingleton<ISmsDispatcher, HangfireSmsDispatcher>();
        if (sms.UsesGateway) services.AddHttpClient<ISmsSender, HttpSmsGateway>(c => c.Timeout = TimeSpan.FromSeconds(20));
        else services.AddSingleton<ISmsSender, OutboxSmsSender>();
        services.AddTransient<AnnouncementFanOutJob>();
        services.AddTransient<ScheduledAnnouncementsJob>();
        services.AddTransient<SmsDeliveryJob>();
        services.TryAddSingleton<SmsSecrets>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IQueuedWorkSource, AnnouncementDeliveryWorkSource>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IQueuedWorkSource, SmsWorkSource>());
        if (recurring) services.AddHostedService<Registrar>();
        return services;
    }

    private sealed class Registrar(IRecurringJobManager manager) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            manager.AddOrUpdate<ScheduledAnnouncementsJob>(ScheduledAnnouncementsJob.RecurringId, j => j.RunAsync(CancellationToken.None),
                "* * * * *", new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
