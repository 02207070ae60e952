using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// Issue 26 item 6, the hall's side of the review: the secretary's main pages once at the hall's desk (1366×900), her
/// browser preferring Filipino (nothing saved on the shared demo account). Each screen is kept as
/// hall-fil-review-NN-*-desktop.png for people to read (what was fixed: docs/filipino-glossary.md, "Reviewed on a phone")
/// and checked to fit the window. The queue, a resident's record, complaints and the inbox have their own tests.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class HallMainPagesInFilipinoTests(EndToEndFixture e2e)
{
    private static readonly (string Path, string Name, string Heading)[] Pages =
    [
        ("/", "01-home", "Kalagayan ng barangay hall"),
        ("/residents", "02-residents", "Mga residente"),
        ("/households", "03-households", "Mga sambahayan"),
        ("/registrations", "04-registrations", "Mga pagpaparehistrong susuriin"),
        ("/hall/events", "05-events", "Mga aktibidad"),
        ("/hall/announcements", "06-announcements", "Mga anunsiyo"),
        ("/reports", "07-reports", "Mga ulat"),
        ("/exports", "08-exports", "Mga export"),
        ("/notifications", "09-notifications", "Mga abiso"),
    ];

    [Fact]
    public async Task HallMainPages_SecretaryWhoseBrowserPrefersFilipino_ReadFilipino_FitTheDesk()
    {
        var page = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop, locale: "fil-PH");
        try
        {
            foreach (var (path, name, heading) in Pages)
            {
                await page.GotoAsync(path);
                await EndToEndFixture.WaitInteractiveAsync(page);
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fil");
                await Expect(page.Locator("main h1").First).ToContainTextAsync(heading);
                // The page's data has arrived (no loading bar left) before the screen is kept.
                await Expect(page.Locator("main .mud-table-loading, main .mud-progress-linear")).ToHaveCountAsync(0);
                await Screenshots.SaveAsync(page, $"hall-fil-review-{name}-desktop");
                (await PageFit.SidewaysAsync(page)).Should().BeLessThanOrEqualTo(0, $"{path} fits the hall's screen in Filipino");
                (await PageFit.CutAsync(page)).Should().BeEmpty($"nothing on {path} runs off the hall's screen");
                (await PageFit.SpilledAsync(page)).Should().BeEmpty($"no text on {path} spills out of its box");
            }
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
