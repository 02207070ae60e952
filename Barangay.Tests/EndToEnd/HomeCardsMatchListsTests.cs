using System.Globalization;
using System.Text.RegularExpressions;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// Counts equal lists: a card on the hall's home opens a list holding exactly what the card counts. "Open document
/// requests" and "Open complaints" used to open the whole queue (released, rejected and closed ones too: 38 on the card,
/// 61 in the list), with no filter on screen to say why the numbers differ.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public partial class HomeCardsMatchListsTests(EndToEndFixture e2e)
{
    [Theory]
    [InlineData("card-requests", "queue-open")]
    [InlineData("card-complaints", "complaint-filter-open")]
    public async Task OpenCard_Tapped_ListTotalIsTheCardsNumber_AndTheFilterIsShownOn(string card, string filterSwitch)
    {
        var page = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await Expect(page.Locator("#official-home")).ToBeVisibleAsync();
        var counted = int.Parse((await page.GetByTestId(card).Locator(".summary-value").InnerTextAsync()).Trim(), NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("en-PH"));

        await page.GetByTestId(card).ClickAsync();
        await EndToEndFixture.WaitInteractiveAsync(page);
        var pager = page.Locator(".mud-table-pagination-caption").Filter(new() { HasTextRegex = OfTotal() }).First;
        await Expect(pager).ToContainTextAsync(OfTotal());
        await Expect(pager).ToContainTextAsync(new Regex($@"\bof {counted}$"));
        // The filter that makes the difference is on screen and on, so the secretary sees why the list is shorter than the queue.
        await Expect(page.Locator($"[data-testid={filterSwitch}] input, input[data-testid={filterSwitch}]").First).ToBeCheckedAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// "Upcoming events" counts published events not yet started; it opened the hall's whole events list (drafts and
    /// past events too: 2 on the card, 4 in the list).
    /// </summary>
    [Fact]
    public async Task UpcomingEventsCard_Tapped_ListsExactlyThePublishedEventsNotYetStarted()
    {
        var page = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await Expect(page.Locator("#official-home")).ToBeVisibleAsync();
        var counted = int.Parse((await page.GetByTestId("card-events").Locator(".summary-value").InnerTextAsync()).Trim(), CultureInfo.InvariantCulture);

        await page.GetByTestId("card-events").ClickAsync();
        await EndToEndFixture.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("events-total")).ToHaveTextAsync($"Events listed: {counted}");
        await Expect(page.Locator("[data-testid=events-table] tbody tr.mud-table-row")).ToHaveCountAsync(counted);
        await Expect(page.Locator("[data-testid=events-table] tbody")).Not.ToContainTextAsync("Draft");
        await Expect(page.Locator("[data-testid=events-filter-upcoming] input, input[data-testid=events-filter-upcoming]").First).ToBeCheckedAsync();

        // Switched off: everything the hall manages, more than the card counts in the demo barangay (a draft, a past event).
        await page.GetByText("Upcoming published events only").ClickAsync();
        await Expect(page.GetByTestId("events-total")).Not.ToHaveTextAsync($"Events listed: {counted}");
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"\d+-\d+ of \d+")]
    private static partial Regex OfTotal();
}
