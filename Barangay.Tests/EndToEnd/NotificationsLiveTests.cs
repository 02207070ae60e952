using Barangay.Data.Seed;
using Barangay.Tests.Data.Notifications;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// A notification written straight into the database (as another replica or a job would) reaches the signed-in
/// resident's open page within 2 seconds, with no reload: the bell's count and the list both change.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class NotificationsLiveTests(EndToEndFixture e2e)
{
    private async Task<Guid> UserIdAsync(string userName)
    {
        await using var conn = new NpgsqlConnection(e2e.Database.AppConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT id FROM users WHERE username = @u", conn);
        cmd.Parameters.AddWithValue("u", userName);
        return (Guid)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Resident_RowInsertedInDatabase_BellAndListUpdateWithin2sWithoutReload()
    {
        var juan = await UserIdAsync(DemoAccounts.ResidentUser);
        var page = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Phone);
        var bell = page.GetByTestId("notification-bell");
        // The end-to-end database is shared: other tests may have left juan more notifications, so count from what the bell says.
        await Expect(bell).ToHaveAttributeAsync("data-unread", new System.Text.RegularExpressions.Regex(@"^[1-9]\d*$"));
        var before = int.Parse((await bell.GetAttributeAsync("data-unread"))!, System.Globalization.CultureInfo.InvariantCulture);

        await bell.ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/notifications", StringComparison.Ordinal));
        await EndToEndFixture.WaitInteractiveAsync(page);
        var items = page.GetByTestId("notification-item");
        await Expect(items.Filter(new() { HasText = "The medical mission is next week." })).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("mark-all-read")).ToBeEnabledAsync();
        // The page and the bell subscribe after their first render: the row lands once both listen.
        await EndToEndFixture.WaitLiveAsync(page, "notifications");
        await EndToEndFixture.WaitBellLiveAsync(page);
        var navigations = 0;
        page.FrameNavigated += (_, f) => { if (f == page.MainFrame) navigations++; };

        var mark = Guid.NewGuid().ToString("N")[..6];
        var text = $"Your Certificate of Residency is ready ({mark}).";
        // Its own link: notices that lead to the same page are grouped, and opening the group reads all of them.
        var id = await NotificationTestData.InsertAsync(e2e.Database.AppConnectionString, juan, text, $"/officials?n={mark}");
        try
        {
            var within2s = new LocatorAssertionsToHaveAttributeOptions { Timeout = 2_000 };
            await Expect(bell).ToHaveAttributeAsync("data-unread", (before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), within2s);
            await Expect(items.First).ToContainTextAsync(text, new() { Timeout = 2_000 });
            await Expect(items.First).ToHaveAttributeAsync("data-read", "false");
            navigations.Should().Be(0, "the update arrives over the live circuit, not by reloading");

            // The end-to-end database is shared: another test's announcement may land on top meanwhile, so open this one by its text.
            var unread = int.Parse((await bell.GetAttributeAsync("data-unread"))!, System.Globalization.CultureInfo.InvariantCulture);
            await items.Filter(new() { HasText = text }).ClickAsync();
            await page.WaitForURLAsync(u => u.EndsWith($"/officials?n={mark}", StringComparison.Ordinal));
            await Expect(bell).ToHaveAttributeAsync("data-unread", (unread - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            // The end-to-end database is shared: leave the demo resident with his two unread notifications.
            await NotificationTestData.DeleteAsync(e2e.Database.AppConnectionString, id);
            await page.Context.CloseAsync();
        }
    }
}
