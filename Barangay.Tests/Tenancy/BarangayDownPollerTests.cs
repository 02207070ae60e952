using Barangay.App.Live;
using Barangay.App.Notifications;
using Barangay.Data.Municipality;
using Barangay.Data.Tenancy;
using Barangay.Tests.App.Notifications;
using Barangay.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Tenancy;

/// <summary>A poller's copy for a barangay whose database cannot be reached marks it down, then skips its ticks at once.</summary>
public sealed class BarangayDownPollerTests(TestDatabase up) : IClassFixture<TestDatabase>, IAsyncDisposable
{
    private readonly ServiceProvider _services = Build(up.AppConnectionString);

    private static ServiceProvider Build(string cs)
    {
        var services = new ServiceCollection();
        NotificationLiveServices.Add(services, cs);
        services.AddSingleton<BarangayOutages>();
        return services.BuildServiceProvider();
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    [Fact]
    public async Task PollerOfABarangayFoundDown_SkipsItsTicks_WhileAnotherKeepsPolling()
    {
        var down = new ConfiguredBarangay { Slug = "d", ConnectionString = TestEnvironment.For("t_gone_" + Guid.NewGuid().ToString("N")[..12], "Default") }.ToListing();
        var live = new ConfiguredBarangay { Slug = "a", ConnectionString = up.AppConnectionString }.ToListing();
        var outages = _services.GetRequiredService<BarangayOutages>();
        var poller = _services.GetRequiredService<NotificationPoller>();
        var notifier = _services.GetRequiredService<LiveNotifier>();

        using (BarangayAmbient.Use(down))
        {
            // Someone of the barangay listens (live keys carry the barangay), so a tick queries its database.
            using var subscription = notifier.Subscribe(NotificationKeys.ForUser(Guid.NewGuid()), () => Task.CompletedTask);
            var first = () => poller.TickAsync(CancellationToken.None);
            await first.Should().ThrowAsync<Exception>("its database does not exist");
            outages.IsMarked(down).Should().BeTrue("the tick that found the database unreachable marks the barangay");
            (await poller.TickAsync(CancellationToken.None)).Should().BeFalse("while it is down its ticks are skipped without touching the database");
        }
        using (BarangayAmbient.Use(live))
        {
            using var subscription = notifier.Subscribe(NotificationKeys.ForUser(Guid.NewGuid()), () => Task.CompletedTask);
            (await poller.TickAsync(CancellationToken.None)).Should().BeTrue("another barangay's ticks still poll");
        }
        outages.IsMarked(live).Should().BeFalse();
    }
}
