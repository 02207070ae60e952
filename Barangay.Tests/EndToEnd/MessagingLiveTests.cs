using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// Done when: a resident on a phone and an official on a desktop hold a conversation that updates live on both
/// screens, in two browser contexts, with no reload on either side.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class MessagingLiveTests(EndToEndFixture e2e)
{
    private static readonly LocatorAssertionsToContainTextOptions Live = new() { Timeout = 5_000 };

    [Fact]
    public async Task ResidentOnPhoneAndOfficialOnDesktop_ConversationUpdatesLiveOnBothScreens()
    {
        var official = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        var resident = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Phone);
        var tag = Guid.NewGuid().ToString("N")[..6];
        try
        {
            await official.GotoAsync("/messages/hall");
            await EndToEndFixture.WaitInteractiveAsync(official);
            await EndToEndFixture.WaitLiveAsync(official, "hall-inbox");
            var officialNavigations = 0;
            official.FrameNavigated += (_, f) => { if (f == official.MainFrame) officialNavigations++; };

            // The resident writes to the hall from the phone.
            await resident.GotoAsync("/messages");
            await EndToEndFixture.WaitInteractiveAsync(resident);
            await resident.GetByTestId("new-message").ClickAsync();
            await resident.WaitForURLAsync(u => u.EndsWith("/messages/new", StringComparison.Ordinal));
            await EndToEndFixture.WaitInteractiveAsync(resident);
            await EndToEndFixture.Field(resident, "new-subject").FillAsync($"Streetlight out on Mabini St. {tag}");
            await EndToEndFixture.Field(resident, "new-body").FillAsync("The streetlight near the chapel has been out since Monday.\nIt is very dark at night.");
            await Screenshots.SaveAsync(resident, "messaging-new-phone");
            await resident.GetByTestId("new-send").ClickAsync();
            await resident.WaitForURLAsync(u => u.Contains("/messages/", StringComparison.Ordinal) && !u.EndsWith("/new", StringComparison.Ordinal));
            await EndToEndFixture.WaitInteractiveAsync(resident);
            await Expect(resident.GetByTestId("message-body")).ToContainTextAsync("since Monday");
            await EndToEndFixture.WaitLiveAsync(resident, "conversation");
            var residentNavigations = 0;
            resident.FrameNavigated += (_, f) => { if (f == resident.MainFrame) residentNavigations++; };

            // It appears in the hall inbox on the official's desktop, unanswered, without a reload.
            var item = official.GetByTestId("conversation-item").Filter(new() { HasText = tag });
            await Expect(item).ToContainTextAsync("Awaiting reply", Live);
            officialNavigations.Should().Be(0, "the inbox updates over the live circuit");
            await Screenshots.SaveAsync(official, "messaging-hall-inbox-desktop");

            await item.ClickAsync();
            await official.WaitForURLAsync(u => u.Contains("/messages/", StringComparison.Ordinal) && !u.EndsWith("/hall", StringComparison.Ordinal));
            await EndToEndFixture.WaitInteractiveAsync(official);
            await Expect(official.GetByTestId("conversation-resident")).ToContainTextAsync("Dela Cruz, Juan");
            await Expect(official.GetByTestId("message-body")).ToContainTextAsync("It is very dark at night.");
            await EndToEndFixture.WaitLiveAsync(official, "conversation");
            officialNavigations = 0;

            // The official replies; the reply shows on the resident's phone live (the thread is column-reverse: the first in the DOM is the newest, shown at the bottom).
            await EndToEndFixture.Field(official, "composer-text").FillAsync("Salamat po. A team will fix it tomorrow morning.");
            await official.GetByTestId("composer-send").ClickAsync();
            await Expect(official.GetByTestId("message").First).ToContainTextAsync("A team will fix it", Live);
            await Expect(resident.GetByTestId("message").First).ToContainTextAsync("A team will fix it tomorrow morning.", Live);
            await Expect(resident.GetByTestId("message").First).ToContainTextAsync("Barangay hall");
            residentNavigations.Should().Be(0, "the reply arrives over the live circuit, not by reloading");

            // The resident answers from the phone's composer; it shows on the official's desktop live.
            await EndToEndFixture.Field(resident, "composer-text").FillAsync("Thank you! <b>See you</b> tomorrow.");
            await resident.GetByTestId("composer-send").ClickAsync();
            await Expect(EndToEndFixture.Field(resident, "composer-text")).ToHaveValueAsync("");
            await Expect(official.GetByTestId("message").First).ToContainTextAsync("Thank you! <b>See you</b> tomorrow.", Live);
            officialNavigations.Should().Be(0);
            (await official.Locator(".msg-thread b").CountAsync()).Should().Be(0, "messages are text, never HTML");
            await Expect(official.GetByTestId("message-time").First).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d{1,2}:\d{2} (AM|PM)"));

            await Screenshots.SaveAsync(resident, "messaging-conversation-phone");
            await Screenshots.SaveAsync(official, "messaging-conversation-desktop");

            // The resident's list shows the conversation with an unread badge when the official writes while they are elsewhere.
            await resident.GetByRole(AriaRole.Link, new() { Name = "Back to messages" }).ClickAsync();
            await resident.WaitForURLAsync(u => u.EndsWith("/messages", StringComparison.Ordinal));
            await EndToEndFixture.WaitInteractiveAsync(resident);
            await EndToEndFixture.WaitLiveAsync(resident, "messages");
            await EndToEndFixture.Field(official, "composer-text").FillAsync("Also: the team needs the pole number if you see it.");
            await official.GetByTestId("composer-send").ClickAsync();
            var mine = resident.GetByTestId("conversation-item").Filter(new() { HasText = tag });
            await Expect(mine).ToHaveAttributeAsync("data-unread", "1", new() { Timeout = 5_000 });
            await Expect(resident.GetByTestId("messages-unread")).ToHaveTextAsync("1", new() { Timeout = 5_000 });
            await Screenshots.SaveAsync(resident, "messaging-list-phone");
        }
        finally
        {
            await official.Context.CloseAsync();
            await resident.Context.CloseAsync();
            await e2e.ClearMessageNotificationsAsync();
        }
    }

    [Fact]
    public async Task Official_MessageThisResidentFromTheRegister_ArrivesLiveInTheResidentsList()
    {
        // Juan has his messages open on the phone, so he is online: no notification or email (the shared database's
        // other tests count his notifications and emails).
        var resident = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Phone);
        var official = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        var tag = Guid.NewGuid().ToString("N")[..6];
        try
        {
            await resident.GotoAsync("/messages");
            await EndToEndFixture.WaitInteractiveAsync(resident);
            await EndToEndFixture.WaitLiveAsync(resident, "messages");
            var residentNavigations = 0;
            resident.FrameNavigated += (_, f) => { if (f == resident.MainFrame) residentNavigations++; };

            await using (var conn = new NpgsqlConnection(e2e.Database.AppConnectionString))
            {
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand("SELECT r.id FROM residents r JOIN users u ON u.id = r.user_id WHERE u.username = 'juan'", conn);
                var juan = (Guid)(await cmd.ExecuteScalarAsync())!;
                await official.GotoAsync($"/residents/{juan}");
            }
            await EndToEndFixture.WaitInteractiveAsync(official);
            await Screenshots.SaveAsync(official, "messaging-resident-detail-desktop");
            await official.GetByTestId("message-resident").ClickAsync();
            await official.WaitForURLAsync(u => u.Contains("/messages/new?resident=", StringComparison.Ordinal));
            await EndToEndFixture.WaitInteractiveAsync(official);
            await Expect(official.GetByTestId("new-title")).ToContainTextAsync("Dela Cruz, Juan");
            await official.GetByTestId("new-send").ClickAsync();
            await Expect(official.Locator("text=Subject is required.")).ToBeVisibleAsync();
            await EndToEndFixture.Field(official, "new-subject").FillAsync($"Your barangay ID {tag}");
            await EndToEndFixture.Field(official, "new-body").FillAsync("Your barangay ID is ready. Please pick it up at the hall.");
            await official.GetByTestId("new-send").ClickAsync();
            await official.WaitForURLAsync(u => u.Contains("/messages/", StringComparison.Ordinal) && !u.Contains("/new", StringComparison.Ordinal));
            await Expect(official.GetByTestId("message-body")).ToContainTextAsync("Your barangay ID is ready.");

            var item = resident.GetByTestId("conversation-item").Filter(new() { HasText = tag });
            await Expect(item).ToHaveAttributeAsync("data-unread", "1", new() { Timeout = 5_000 });
            residentNavigations.Should().Be(0, "the new conversation appears in the open list without a reload");
            await item.ClickAsync();
            await Expect(resident.GetByTestId("message-body")).ToContainTextAsync("Please pick it up at the hall.");
            await Expect(resident.GetByTestId("message-sender")).ToContainTextAsync("Barangay hall");
        }
        finally
        {
            await resident.Context.CloseAsync();
            await official.Context.CloseAsync();
            await e2e.ClearMessageNotificationsAsync();
        }
    }
}
