using Barangay.App.Live;
using Barangay.App.Notifications;
using Barangay.Tests.Data.Notifications;
using Barangay.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.App.Notifications;

/// <summary>The per-process poll: rows written straight into the database reach this process's subscribers once.</summary>
public sealed class NotificationPollerTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncDisposable
{
    private readonly ServiceProvider _services = Build(database.AppConnectionString);

    private static ServiceProvider Build(string cs)
    {
        var services = new ServiceCollection();
        NotificationLiveServices.Add(services, cs);
        return services.BuildServiceProvider();
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    [Fact]
    public async Task PollOnce_RowInsertedDirectly_SignalsItsUserOnce()
    {
        var users = await NotificationTestData.CreateUsersAsync(database.AppConnectionString, 2, "poll" + Guid.NewGuid().ToString("N")[..6]);
        var (listening, silent) = (users[0], users[1]);
        var live = _services.GetRequiredService<LiveNotifier>();
        var poller = _services.GetRequiredService<NotificationPoller>();
        var signals = 0;
        using var subscription = live.Subscribe(NotificationKeys.ForUser(listening), () => { Interlocked.Increment(ref signals); return Task.CompletedTask; });
        (await poller.PollOnceAsync(CancellationToken.None)).Should().Be(0, "nothing is new yet");

        await NotificationTestData.InsertAsync(database.AppConnectionString, silent, "not for a subscriber here");
        (await poller.PollOnceAsync(CancellationToken.None)).Should().Be(0);
        await NotificationTestData.InsertAsync(database.AppConnectionString, listening, "for the subscriber");
        (await poller.PollOnceAsync(CancellationToken.None)).Should().Be(1);
        (await poller.PollOnceAsync(CancellationToken.None)).Should().Be(0, "a row is signalled once, though the look-back window still covers it");

        signals.Should().Be(1);
    }

    [Fact]
    public async Task PollOnce_NoSubscribers_DoesNothing()
    {
        var poller = _services.GetRequiredService<NotificationPoller>();
        var user = (await NotificationTestData.CreateUsersAsync(database.AppConnectionString, 1, "none" + Guid.NewGuid().ToString("N")[..6]))[0];
        await NotificationTestData.InsertAsync(database.AppConnectionString, user, "nobody listens");
        (await poller.PollOnceAsync(CancellationToken.None)).Should().Be(0);
    }

    [Fact]
    public async Task Notifier_FailingSubscriber_OthersStillCalled()
    {
        var live = NotificationLiveServices.Notifier();
        var called = false;
        using var bad = live.Subscribe("k", () => throw new InvalidOperationException("boom"));
        using var good = live.Subscribe("k", () => { called = true; return Task.CompletedTask; });

        await live.NotifyAsync("k");

        called.Should().BeTrue();
    }
}
