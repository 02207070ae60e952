using System.Text.RegularExpressions;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// Issue 26 item 1 on the hall's desk and phone: a secretary whose browser prefers Filipino reads the complaint queue
/// and the hall inbox in Filipino, and the longer Filipino words fit (the page is no wider than the screen).
/// Screenshots hall-fil-{complaints,inbox}-{desktop,phone} are kept for people to look at.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class HallInFilipinoTests(EndToEndFixture e2e)
{
    private static readonly LocatorAssertionsToHaveTextOptions Slow = new() { Timeout = 15_000 };

    [Fact]
    public async Task ComplaintQueueAndHallInbox_InFilipino_FitTheDeskAndThePhone()
    {
        // A resident writes to the hall, so the inbox has a conversation to show.
        var tag = Guid.NewGuid().ToString("N")[..6];
        var resident = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Phone);
        try
        {
            await resident.GotoAsync("/messages/new");
            await EndToEndFixture.WaitInteractiveAsync(resident);
            await EndToEndFixture.Field(resident, "new-subject").FillAsync($"Sirang ilaw sa kanto ng Mabini {tag}");
            await EndToEndFixture.Field(resident, "new-body").FillAsync("Patay po ang ilaw sa may kapilya mula pa noong Lunes.");
            await resident.GetByTestId("new-send").ClickAsync();
            await resident.WaitForURLAsync(u => u.Contains("/messages/", StringComparison.Ordinal) && !u.EndsWith("/new", StringComparison.Ordinal));

            foreach (var (device, viewport) in new[] { ("desktop", EndToEndFixture.Desktop), ("phone", EndToEndFixture.Phone) })
                await LookAsync(device, viewport, tag);
        }
        finally
        {
            await resident.Context.CloseAsync();
            await e2e.ClearMessageNotificationsAsync();
        }
    }

    private async Task LookAsync(string device, ViewportSize viewport, string tag)
    {
        var page = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, viewport, locale: "fil-PH");
        try
        {
            await page.GotoAsync("/complaints");
            await EndToEndFixture.WaitInteractiveAsync(page);
            await Expect(page.Locator("h1")).ToHaveTextAsync("Mga reklamo", Slow);
            await Expect(page.GetByTestId("complaint-count")).ToHaveTextAsync(new Regex(@"^\d[\d,]* reklamo$"), Slow);
            await Expect(page.GetByTestId("complaint-walk-in")).ToHaveTextAsync("Personal o sa telepono", new() { IgnoreCase = true, Timeout = 15_000 });
            await Expect(page.Locator("[data-testid=complaint-grid] tbody tr a").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Screenshots.SaveAsync(page, $"hall-fil-complaints-{device}");
            (await PageFit.SidewaysAsync(page)).Should().BeLessThanOrEqualTo(0, "the queue must not be wider than the screen");

            await page.GotoAsync("/messages/hall");
            await EndToEndFixture.WaitInteractiveAsync(page);
            await Expect(page.Locator("h1")).ToHaveTextAsync("Inbox ng barangay hall", Slow);
            await Expect(page.GetByTestId("hall-summary")).ToContainTextAsync("naghihintay ng sagot", new() { Timeout = 15_000 });
            var mine = page.GetByTestId("conversation-item").Filter(new() { HasText = tag });
            await Expect(mine.GetByTestId("awaiting-reply")).ToHaveTextAsync("Naghihintay ng sagot", Slow);
            await Screenshots.SaveAsync(page, $"hall-fil-inbox-{device}");
            (await PageFit.SidewaysAsync(page)).Should().BeLessThanOrEqualTo(0, "the inbox must not be wider than the screen");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
