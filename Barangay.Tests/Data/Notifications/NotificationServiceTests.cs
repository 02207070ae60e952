using Barangay.Data.Accounts;
using Barangay.Data.Notifications;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Data.Notifications;

/// <summary>The signed-in user's side: counts, paging, marking read, and never another user's notifications.</summary>
public class NotificationServiceTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = new TestServices(database.AppConnectionString, s =>
        {
            s.AddSingleton(new NotificationOptions());
            s.AddScoped<NotificationService>();
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private NotificationService Service => _services.Get<NotificationService>();

    private async Task<User> SignInAsync(string userName)
    {
        await using var db = await _services.DbAsync();
        var u = await db.Users.AsNoTracking().SingleAsync(x => x.UserName == userName);
        _services.Caller.Current = TestCaller.As(u.Id, u.UserName!, u.Roles);
        return u;
    }

    /// <summary>A user of its own per test, so tests in this class do not see each other's rows.</summary>
    private async Task<Guid> SignInFreshUserAsync()
    {
        var id = (await NotificationTestData.CreateUsersAsync(database.AppConnectionString, 1, "n" + Guid.NewGuid().ToString("N")[..8]))[0];
        _services.Caller.Current = TestCaller.As(id, "fresh", [AppRoles.Resident]);
        return id;
    }

    [Fact]
    public async Task UnreadCount_DemoResident_SeesHisTwoUnread()
    {
        await SignInAsync(DemoAccounts.ResidentUser);
        (await Service.UnreadCountAsync()).Should().Be(2);
        var page = await Service.ListMineAsync(0, 10);
        page.Items.Select(i => i.Text).Should().Equal(
            "The medical mission is next week. See you there!", "Your Barangay Clearance request is being processed.");
        page.Items.Should().OnlyContain(i => !i.Read && i.Href == "/");
    }

    [Fact]
    public async Task Grouped_NoticesLeadingToOnePage_AreOneRowWithTheirCounts_AndOpeningItReadsThemAll()
    {
        var me = await SignInFreshUserAsync();
        var cs = database.AppConnectionString;
        var readOne = await NotificationTestData.InsertAsync(cs, me, "New message 1", "/messages/abc");
        await NotificationTestData.InsertAsync(cs, me, "New message 2", "/messages/abc");
        await NotificationTestData.InsertAsync(cs, me, "New message 3", "/messages/abc");
        await NotificationTestData.InsertAsync(cs, me, "Your request is ready", "/my/requests/xyz");
        await NotificationTestData.InsertAsync(cs, me, "Welcome", "/");
        await NotificationTestData.InsertAsync(cs, me, "Fiesta on Sunday", "/");
        await NotificationTestData.InsertAsync(cs, me, "No link");
        (await Service.MarkReadAsync(readOne)).Should().Be(MarkReadOutcome.Marked);

        var page = await Service.ListMineGroupedAsync(0, 10);

        page.Total.Should().Be(5, "three notices about one thread are one row; home-page and link-less notices stay apart");
        page.Unread.Should().Be(6, "the bell still counts notices");
        var thread = page.Items.Single(g => g.Latest.Href == "/messages/abc");
        (thread.Count, thread.Unread, thread.Latest.Read).Should().Be((3, 2, false));
        page.Items.Count(g => g.Latest.Href == "/").Should().Be(2);
        (await Service.ListMineGroupedAsync(0, 2)).Items.Should().HaveCount(2, "pages count groups");

        (await Service.MarkGroupReadAsync(thread.Latest.Id)).Should().Be(MarkReadOutcome.Marked);

        var after = await Service.ListMineGroupedAsync(0, 10);
        after.Unread.Should().Be(4);
        after.Items.Single(g => g.Latest.Href == "/messages/abc").Unread.Should().Be(0);
        after.Items.Single(g => g.Latest.Href == "/my/requests/xyz").Unread.Should().Be(1, "other groups stay unread");
        _services.Caller.Current = TestCaller.As(Guid.NewGuid(), "someone", [AppRoles.Resident]);
        (await Service.MarkGroupReadAsync(thread.Latest.Id)).Should().Be(MarkReadOutcome.NotFound);
    }

    [Fact]
    public async Task UnreadCount_Anonymous_IsZeroAndListIsEmpty()
    {
        _services.Caller.Current = Caller.Anonymous;
        (await Service.UnreadCountAsync()).Should().Be(0);
        (await Service.ListMineAsync(0, 10)).Total.Should().Be(0);
        (await Service.MarkAllReadAsync()).Should().Be(0);
    }

    [Fact]
    public async Task ListMine_SevenRows_NewestFirstInServerPages()
    {
        var me = await SignInFreshUserAsync();
        var now = TestClock.UtcNow;
        await using (var db = await _services.DbAsync())
        {
            for (var i = 1; i <= 7; i++)
                db.Notifications.Add(new Notification { UserId = me, Type = "test", Payload = $$"""{"text":"n{{i}}"}""", CreatedAt = now.AddMinutes(-i), Read = i == 3 });
            await db.SaveChangesAsync();
        }

        var first = await Service.ListMineAsync(0, 3);
        var third = await Service.ListMineAsync(2, 3);

        first.Total.Should().Be(7);
        first.Unread.Should().Be(6);
        first.Items.Select(i => i.Text).Should().Equal("n1", "n2", "n3");
        first.Items[2].Read.Should().BeTrue();
        first.Items.Should().BeInDescendingOrder(i => i.CreatedAt);
        third.Items.Select(i => i.Text).Should().Equal("n7");
        (await Service.ListMineAsync(0, 10_000)).Items.Should().HaveCount(7, "the page size is capped, not refused");
    }

    [Fact]
    public async Task MarkRead_OwnNotification_MarkedAndCountDrops()
    {
        var me = await SignInFreshUserAsync();
        var id = await NotificationTestData.InsertAsync(database.AppConnectionString, me, "hello", "/officials");
        await NotificationTestData.InsertAsync(database.AppConnectionString, me, "second");

        (await Service.MarkReadAsync(id)).Should().Be(MarkReadOutcome.Marked);

        (await Service.UnreadCountAsync()).Should().Be(1);
        var row = (await Service.ListMineAsync(0, 10)).Items.Single(i => i.Id == id);
        row.Read.Should().BeTrue();
        row.Href.Should().Be("/officials");
    }

    [Fact]
    public async Task MarkRead_AnotherUsersNotification_NotFoundAndUnchanged()
    {
        await SignInAsync(DemoAccounts.ResidentUser);
        Guid adminsId;
        await using (var db = await _services.DbAsync())
        {
            var admin = await db.Users.SingleAsync(u => u.UserName == DemoAccounts.AdminUser);
            adminsId = await db.Notifications.Where(n => n.UserId == admin.Id).Select(n => n.Id).FirstAsync();
        }

        (await Service.MarkReadAsync(adminsId)).Should().Be(MarkReadOutcome.NotFound);
        (await Service.MarkReadAsync(Guid.NewGuid())).Should().Be(MarkReadOutcome.NotFound);

        await using var check = await _services.DbAsync();
        (await check.Notifications.SingleAsync(n => n.Id == adminsId)).Read.Should().BeFalse();
        (await Service.ListMineAsync(0, 100)).Items.Should().NotContain(i => i.Id == adminsId);
    }

    [Fact]
    public async Task MarkAllRead_MarksOnlyTheCallersOwn()
    {
        var me = await SignInFreshUserAsync();
        var other = (await NotificationTestData.CreateUsersAsync(database.AppConnectionString, 1, "o" + Guid.NewGuid().ToString("N")[..8]))[0];
        await NotificationTestData.InsertAsync(database.AppConnectionString, me, "a");
        await NotificationTestData.InsertAsync(database.AppConnectionString, me, "b");
        var theirs = await NotificationTestData.InsertAsync(database.AppConnectionString, other, "c");

        (await Service.MarkAllReadAsync()).Should().Be(2);

        (await Service.UnreadCountAsync()).Should().Be(0);
        await using var db = await _services.DbAsync();
        (await db.Notifications.SingleAsync(n => n.Id == theirs)).Read.Should().BeFalse();
    }

    [Fact]
    public async Task ListMine_PayloadWithForeignLink_LinkDropped()
    {
        var me = await SignInFreshUserAsync();
        await NotificationTestData.InsertAsync(database.AppConnectionString, me, "phish", "//evil.example/login");
        var row = (await Service.ListMineAsync(0, 10)).Items.Single();
        row.Text.Should().Be("phish");
        row.Href.Should().BeNull("a link to another site is never followed");
    }
}
