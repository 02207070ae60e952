using Barangay.Data;
using Barangay.Jobs;
using Microsoft.AspNetCore.DataProtection;

namespace Barangay.App.Hosting;

/// <summary>`Barangay.App worker`: a Hangfire server with the services the jobs need, and no web UI.</summary>
public static class WorkerHost
{
    public static IHost Build(string[] args, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ApplicationName = typeof(WorkerHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder);
        var config = builder.Configuration;
        var cs = config.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(cs))
            throw new InvalidOperationException("ConnectionStrings:Default is not set. Start the worker the way ./run.sh starts the app, with the same settings.");
        builder.Services.AddBarangayData(cs, BarangayApp.DatabaseOptionsFrom(config));
        // The SMS job reads one-time codes' texts that the app protected (SmsSecrets): the app's key ring, shared in the database.
        builder.Services.AddDataProtection().SetApplicationName("Barangay").PersistKeysToDbContext<BarangayDbContext>();
        // Jobs read and write stored files (exports, imports, the purge of expired export files).
        builder.AddFiles();
        var jobs = JobsServices.JobsOptionsFrom(config);
        jobs.RunServer = true;
        builder.Services.AddBarangayJobs(jobs, JobsServices.EmailOptionsFrom(config));
        Barangay.Jobs.Announcements.AnnouncementJobs.AddAnnouncementJobs(builder.Services, CommunityServices.SmsOptionsFrom(config), jobs.RecurringJobs);
        TestingClock.AddTestingClock(builder.Services, builder.Configuration);
        Tenancy.TenancySetup.AddBarangayTenancy(builder);
        return builder.Build();
    }
}
