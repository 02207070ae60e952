using Barangay.App.Dashboard;
using Barangay.App.Live;
using Barangay.Data;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Barangay.Tests.App.Dashboard;

/// <summary>The official cards' live poll: a count changed in the database (by anyone) signals the open homes once.</summary>
public sealed class DashboardPollerTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncDisposable
{
    private readonly ServiceProvider _services = Build(database.AppConnectionString);

    private static ServiceProvider Build(string cs)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBarangayData(cs, new DatabaseOptions());
        services.AddSingleton(new DashboardPollOptions());
        services.AddSingleton(new LiveNotifier(NullLogger<LiveNotifier>.Instance));
        services.AddSingleton<DashboardPoller>();
        return services.BuildServiceProvider();
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    [Fact]
    public async Task PollOnce_PendingRegistrationAddedElsewhere_SignalsTheHomesOnce()
    {
        var live = _services.GetRequiredService<LiveNotifier>();
        var poller = _services.GetRequiredService<DashboardPoller>();
        (await poller.PollOnceAsync(default)).Should().BeFalse("nobody is watching: no query, no signal");

        var signals = 0;
        using var home = live.Subscribe(DashboardKeys.Official, () => { Interlocked.Increment(ref signals); return Task.CompletedTask; });
        (await poller.PollOnceAsync(default)).Should().BeTrue("the first reading signals: the home may have loaded before a change it would miss");
        (await poller.PollOnceAsync(default)).Should().BeFalse("nothing changed");

        await using (var conn = new NpgsqlConnection(database.AppConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(
                "INSERT INTO registration_pending (id, registration_id, user_payload, status, version) VALUES (gen_random_uuid(), 'REG-POLL-1', '{}', 'pending', gen_random_uuid())", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        (await poller.PollOnceAsync(default)).Should().BeTrue();
        (await poller.PollOnceAsync(default)).Should().BeFalse("the change was signalled once");
        signals.Should().Be(2, "once for the first reading, once for the change");
    }

    [Fact]
    public async Task PollOnce_RequestMovesToAnotherStatus_Signals()
    {
        var live = _services.GetRequiredService<LiveNotifier>();
        var poller = _services.GetRequiredService<DashboardPoller>();
        using var home = live.Subscribe(DashboardKeys.Official, () => Task.CompletedTask);
        await poller.PollOnceAsync(default);

        await using var db = await _services.GetRequiredService<IDbContextFactory<BarangayDbContext>>().CreateDbContextAsync();
        var moved = await db.DocumentRequests.Where(r => r.Status == "submitted").OrderBy(r => r.Id).Take(1)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, "reviewed"));
        moved.Should().Be(1);

        (await poller.PollOnceAsync(default)).Should().BeTrue("the requests-by-status card changed even though the open total did not");
    }
}
