using Barangay.Data.Email;
using Barangay.Data.Exports;
using Barangay.Jobs.Email;
using Barangay.Jobs.Exports;
using Barangay.Jobs.Maintenance;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Barangay.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Hangfire over PostgreSQL (storage and activator owned by this container, not Hangfire's globals, so several
    /// hosts can live in one process), the server when <see cref="JobsOptions.RunServer"/>, the recurring jobs,
    /// and email delivery.
    /// </summary>
    public static IServiceCollection AddBarangayJobs(this IServiceCollection services, JobsOptions jobs, EmailOptions email)
    {
        if (string.IsNullOrWhiteSpace(jobs.ConnectionString))
            throw new InvalidOperationException("ConnectionStrings:Jobs is not set (Hangfire's own database). Start the app with ./run.sh, which sets it.");
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(jobs);
        services.AddSingleton(email);
        services.AddSingleton<JobStorage>(_ => CreateStorage(jobs));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(c =>
        {
            c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            if (!jobs.HostLogging) c.UseLogProvider(new SilentLogProvider());
        });
        if (jobs.RunServer)
        {
            services.AddHangfireServer((_, o) =>
            {
                o.WorkerCount = jobs.WorkerCount;
                o.SchedulePollingInterval = jobs.SchedulePollingInterval;
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }
        if (jobs.RecurringJobs) services.AddHostedService<RecurringJobsRegistrar>();

        services.AddSingleton<IEmailTransport>(_ => email.UsesSendGrid ? new SendGridTransport(email) : new EmlFileTransport(email));
        services.AddSingleton<EmailSenderAddress>();
        services.AddSingleton<IEmailDispatcher, HangfireEmailDispatcher>();
        services.AddTransient<EmailDeliveryJob>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IQueuedWorkSource, EmailQueueWorkSource>());
        services.AddSingleton<IExportDispatcher, HangfireExportDispatcher>();
        services.AddTransient<ExportJob>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IQueuedWorkSource, ExportQueueWorkSource>());
        services.TryAddSingleton<SessionPurge>();
        // Needs the file store (AddBarangayFiles), which every host that runs jobs registers.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPurgeStep, ExportFilePurge>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPurgeStep, NotificationPurge>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPurgeStep, EmailQueuePurge>());
        services.AddTransient<QueueSweeperJob>();
        services.AddTransient<PurgeJob>();
        services.AddTransient<Documents.OverdueDigestJob>();
        return services;
    }

    public static PostgreSqlStorage CreateStorage(JobsOptions jobs)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = jobs.Schema,
            QueuePollInterval = jobs.QueuePollInterval,
            PrepareSchemaIfNecessary = true,
            EnableLongPolling = true,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(jobs.ConnectionString, options), options);
    }
}
