using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// Counts that open their lists: the resident's "My open complaints" card leads to a list of exactly that many, and
/// the paged lists (feed, calendar, the hall's announcements) as they look on a phone and a desktop.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class FullListsEndToEndTests(EndToEndFixture e2e)
{
    [Fact]
    public async Task ResidentOnPhone_OpenComplaintsCard_OpensAListOfThatMany()
    {
        var page = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Phone);
        var card = page.GetByTestId("card-my-complaints");
        await Expect(card).ToBeVisibleAsync();
        var counted = (await card.Locator(".summary-value").InnerTextAsync()).Trim();
        await EndToEndFixture.WaitInteractiveAsync(page);

        await card.ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/my/complaints\\?open=true$"));
        await Expect(page.GetByTestId("my-complaints-count")).ToHaveTextAsync($"{counted} open");
        await Expect(page.GetByTestId("my-complaint")).ToHaveCountAsync(int.Parse(counted, System.Globalization.CultureInfo.InvariantCulture));
        await Screenshots.SaveAsync(page, "my-open-complaints-phone");

        await page.GotoAsync("/announcements");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Announcements");
        await Screenshots.SaveAsync(page, "announcements-feed-phone");
        await page.GotoAsync("/events");
        await EndToEndFixture.WaitInteractiveAsync(page);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Tab, new() { Name = "Calendar" }).ClickAsync();
        await Expect(page.GetByTestId("event-calendar")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "events-calendar-phone");
        await page.GotoAsync("/notifications");
        await Expect(page.GetByTestId("unread-summary")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "notifications-grouped-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SecretaryOnDesktop_AnnouncementsList_ShowsItsCount()
    {
        var page = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await page.GotoAsync("/hall/announcements");
        await Expect(page.GetByTestId("ann-count")).ToContainTextAsync("in all");
        await Screenshots.SaveAsync(page, "hall-announcements-desktop");
        await page.GotoAsync("/registrations");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Registrations to review");
        await Screenshots.SaveAsync(page, "registrations-desktop");
        await page.Context.CloseAsync();
    }
}
