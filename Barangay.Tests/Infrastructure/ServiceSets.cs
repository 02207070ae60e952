using Barangay.Data.Complaints;
using Barangay.Data.Email;
using Barangay.Data.Events;
using Barangay.Data.Messaging;
using Barangay.Tests.Data.Documents;
using Barangay.Tests.Data.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Infrastructure;

/// <summary>
/// Groups of services several tests register together on top of their base (a page test, a test host), so that a test
/// names the feature it needs instead of copying the list.
/// </summary>
public static class ServiceSets
{
    /// <summary>Complaints and the hall's messages: mail is recorded (not sent) and live message updates are faked.</summary>
    public static IServiceCollection AddComplaintsAndMessaging(this IServiceCollection services)
    {
        services.AddSingleton<IEmailDispatcher>(new DocumentsTestHost.RecordingDispatcher());
        services.AddSingleton<IMessagingLive>(new FakeMessagingLive());
        services.AddScoped<MessagingService>();
        services.AddScoped<ComplaintService>();
        return services;
    }

    /// <summary>Events and their registrations, with the default options, as the app wires them.</summary>
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddSingleton(new EventOptions());
        services.AddSingleton<RegistrationDesk>();
        services.AddScoped<EventService>();
        return services;
    }
}
