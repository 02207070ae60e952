using Barangay.App.Components.Layout;
using Barangay.App.Live;
using Barangay.App.Notifications;
using Barangay.Data.Seed;
using Barangay.Tests.Data.Notifications;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Barangay.Tests.App.Notifications;

/// <summary>The app bar's bell over the real service and the demo database.</summary>
public class NotificationBellTests : ComponentTestBase, IClassFixture<DemoDatabase>
{
    private readonly DemoDatabase _database;
    private readonly TestCaller _caller;

    public NotificationBellTests(DemoDatabase database)
    {
        _database = database;
        _caller = NotificationLiveServices.Add(Services, database.AppConnectionString);
    }

    private async Task<Guid> SignInJuanAsync()
    {
        await using var conn = new NpgsqlConnection(_database.AppConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT id FROM users WHERE username = @u", conn);
        cmd.Parameters.AddWithValue("u", DemoAccounts.ResidentUser);
        var id = (Guid)(await cmd.ExecuteScalarAsync())!;
        _caller.Current = TestCaller.As(id, DemoAccounts.ResidentUser, ["resident"]);
        return id;
    }

    [Fact]
    public async Task Bell_DemoResident_ShowsUnreadCountAndUpdatesWhenSignalled()
    {
        var juan = await SignInJuanAsync();
        var cut = Render<NotificationBell>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=notification-bell]").GetAttribute("data-unread").Should().Be("2"), TimeSpan.FromSeconds(10));
        cut.Find(".mud-badge").TextContent.Trim().Should().Be("2");
        cut.Find("[data-testid=notification-bell]").GetAttribute("aria-label").Should().Be("Notifications, 2 unread");

        var id = await NotificationTestData.InsertAsync(_database.AppConnectionString, juan, "New one");
        try
        {
            await Services.GetRequiredService<LiveNotifier>().NotifyAsync(NotificationKeys.ForUser(juan));
            cut.WaitForAssertion(() => cut.Find(".mud-badge").TextContent.Trim().Should().Be("3"), TimeSpan.FromSeconds(10));
        }
        finally
        {
            await NotificationTestData.DeleteAsync(_database.AppConnectionString, id);
        }
    }

    [Fact]
    public async Task Bell_Disposed_Unsubscribes()
    {
        var juan = await SignInJuanAsync();
        var cut = Render<NotificationBell>();
        var live = Services.GetRequiredService<LiveNotifier>();
        cut.WaitForAssertion(() => live.KeysStartingWith(NotificationKeys.Prefix).Should().Contain(NotificationKeys.ForUser(juan)), TimeSpan.FromSeconds(10));

        await DisposeComponentsAsync();

        live.KeysStartingWith(NotificationKeys.Prefix).Should().BeEmpty();
    }
}
