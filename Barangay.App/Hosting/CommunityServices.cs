using System.Data;
using Barangay.App.Events;
using Barangay.Data.Announcements;
using Barangay.Data.Events;
using Barangay.Data.Sms;
using Barangay.Jobs.Announcements;
using Barangay.Jobs.Sms;

namespace Barangay.App.Hosting;

/// <summary>Events and announcements: their services, the fan-out and scheduler jobs, SMS sending, and the .ics / CSV endpoints.</summary>
public static class CommunityServices
{
    public static WebApplicationBuilder AddEventsAndAnnouncements(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var events = new EventOptions();
        config.GetSection("Events").Bind(events);
        // CockroachDB runs every transaction SERIALIZABLE; say so, so the retry path is the one exercised.
        if (BarangayApp.DatabaseOptionsFrom(config).IsCockroach) events.RegistrationIsolation = IsolationLevel.Serializable;
        builder.Services.AddSingleton(events);
        // One desk per process: registrations for the same event are written together (group commit).
        builder.Services.AddSingleton<RegistrationDesk>();
        builder.Services.AddScoped<EventService>();
        builder.Services.AddScoped<AnnouncementService>();
        builder.Services.AddScoped<SmsOutboxService>();
        builder.Services.AddAnnouncementJobs(SmsOptionsFrom(config), JobsServices.JobsOptionsFrom(config).RecurringJobs);
        return builder;
    }

    /// <summary><c>Sms:Gateway:BaseUrl</c>, <c>Sms:Gateway:ApiKey</c>, then <c>Sms:*</c> (MaxAttempts, RetryBaseDelay, SenderName).</summary>
    public static SmsOptions SmsOptionsFrom(IConfiguration config)
    {
        var o = new SmsOptions();
        config.GetSection("Sms").Bind(o);
        o.GatewayBaseUrl = config["Sms:Gateway:BaseUrl"];
        o.GatewayApiKey = config["Sms:Gateway:ApiKey"];
        return o;
    }
}
