using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// Issue 26 item 1: the secretary's two most-used screens, the request queue and a resident's record, in Filipino on a
/// desktop and on a phone; the longer Filipino words must not push the page sideways. Screenshots are kept to look at.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class QueueAndRecordInFilipinoTests(EndToEndFixture e2e)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task QueueAndResidentRecord_SecretaryWhoseBrowserPrefersFilipino_FitTheScreen(string device)
    {
        var viewport = device == "phone" ? EndToEndFixture.Phone : EndToEndFixture.Desktop;
        // The browser's language only: nothing is saved on the shared demo secretary's account.
        var page = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, viewport, locale: "fil-PH");

        await page.GotoAsync("/documents");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Mga kahilingan ng dokumento", new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("queue-grid").Locator("tbody tr a").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("walk-in")).ToContainTextAsync("Kahilingang personal na idinulog");
        (await PageFit.SidewaysAsync(page)).Should().BeLessThanOrEqualTo(1, "the queue in Filipino fits the screen");
        (await PageFit.CutAsync(page)).Should().BeEmpty("no label or button of the queue runs off the screen");
        await Screenshots.SaveAsync(page, $"hall-fil-queue-{device}");

        await page.GotoAsync("/residents");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Mga residente", new() { Timeout = 15_000 });
        await page.GetByTestId("residents-grid").Locator("tbody tr a").First.ClickAsync();
        await Expect(page.GetByTestId("resident-name")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.Locator("main")).ToContainTextAsync("Petsa ng kapanganakan");
        (await PageFit.SidewaysAsync(page)).Should().BeLessThanOrEqualTo(1, "the resident's record in Filipino fits the screen");
        (await PageFit.CutAsync(page)).Should().BeEmpty("no label or button of the record runs off the screen");
        await Screenshots.SaveAsync(page, $"hall-fil-resident-{device}");
        await page.Context.CloseAsync();
    }
}
