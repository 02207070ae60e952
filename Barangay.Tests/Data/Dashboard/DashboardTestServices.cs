using Barangay.Data.Announcements;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Barangay.Tests.Data.Dashboard;

/// <summary>What the homes and reports need in <see cref="Infrastructure.TestServices"/>: the app's registrations plus the announcement feed.</summary>
public static class DashboardTestServices
{
    public static void Add(IServiceCollection services)
    {
        Barangay.App.Hosting.DashboardServices.AddDashboardData(services);
        services.TryAddScoped<AnnouncementService>();
        // Reading the feed never starts a fan-out; a test that publishes registers its own dispatcher.
        services.TryAddSingleton<IAnnouncementDispatcher, NoFanOut>();
    }

    private sealed class NoFanOut : IAnnouncementDispatcher
    {
        public Task StartAsync(Guid deliveryId, CancellationToken ct = default) => Task.CompletedTask;
    }
}
