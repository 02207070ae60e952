using Barangay.App.Accounts;
using Barangay.Data.Email;
using Barangay.Jobs;
using Barangay.Jobs.Email;
using Hangfire;
using Microsoft.AspNetCore.Identity.UI.Services;

namespace Barangay.App.Hosting;

/// <summary>Hangfire (storage in its own database, server, dashboard at /jobs) and the email outbox.</summary>
public static class JobsServices
{
    public const string DashboardPath = "/jobs";

    public static WebApplicationBuilder AddBarangayJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddBarangayJobs(JobsOptionsFrom(builder.Configuration), EmailOptionsFrom(builder.Configuration));
        builder.Services.AddScoped<EmailOutboxService>();
        builder.Services.AddTransient<IEmailSender, OutboxEmailSender>();
        return builder;
    }

    /// <summary>The Hangfire dashboard, for admins only (<see cref="JobsDashboardAuthorization"/>).</summary>
    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [new JobsDashboardAuthorization()],
            AppPath = "/",
            DashboardTitle = "Barangay jobs",
            DisplayStorageConnectionString = false,
        });
        return app;
    }

    /// <summary><c>ConnectionStrings:Jobs</c>, then <c>Hangfire:*</c> (Schema, QueuePollInterval, …) and <c>Jobs:*</c> (RunServer, …).</summary>
    public static JobsOptions JobsOptionsFrom(IConfiguration config)
    {
        var o = new JobsOptions { ConnectionString = config.GetConnectionString("Jobs") ?? "" };
        config.GetSection("Hangfire").Bind(o);
        config.GetSection("Jobs").Bind(o);
        return o;
    }

    /// <summary><c>Email:*</c> (MaxAttempts, RetryBaseDelay, …), <c>Email:SendGrid:ApiKey|BaseUrl</c>; .eml files go to <c>&lt;Storage:DataRoot&gt;/mail</c>.</summary>
    public static EmailOptions EmailOptionsFrom(IConfiguration config)
    {
        var o = new EmailOptions();
        config.GetSection("Email").Bind(o);
        o.SendGridApiKey = config["Email:SendGrid:ApiKey"];
        o.SendGridBaseUrl = config["Email:SendGrid:BaseUrl"];
        o.MailDirectory = Path.Combine(DataRoot(config), "mail");
        return o;
    }

    /// <summary><c>Storage:DataRoot</c> (./run.sh sets it), else <c>.data</c> next to the repository, else in the working directory.</summary>
    public static string DataRoot(IConfiguration config)
    {
        if (config["Storage:DataRoot"] is { Length: > 0 } configured) return Path.GetFullPath(configured);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Barangay.Blazor.sln"))) return Path.Combine(dir.FullName, ".data");
        }
        return Path.GetFullPath(".data");
    }
}
