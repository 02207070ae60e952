using Barangay.Data.Localization;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// The events page on a 390×844 phone: its three tabs (Upcoming, Calendar, My event registrations) are all on the screen,
/// in English and in Filipino — MudTabs' default put the last one past the edge behind a scroll arrow, cut mid-word.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class EventsTabsOnPhoneTests(EndToEndFixture e2e)
{
    [Theory]
    [InlineData("en-PH")]
    [InlineData("fil-PH")]
    public async Task EventsPage_OnPhone_EveryTabIsOnTheScreenAndTheLastOneOpens(string language)
    {
        var page = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Phone, locale: language);
        await page.GotoAsync("/events");
        await EndToEndFixture.WaitInteractiveAsync(page);
        // The account's saved language wins over the browser's (another test may have saved one): switch in the app bar if needed.
        var lang = language == "fil-PH" ? "fil" : "en";
        var switched = await page.Locator("html").GetAttributeAsync("lang") != lang;
        if (switched) await page.GetByTestId("language-switch").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
        var tabs = page.Locator(".mud-tab");
        await Expect(tabs).ToHaveCountAsync(3);
        var culture = language == "fil-PH" ? AppLanguages.FilipinoCulture : null;
        string T(string english) => culture is null ? english : Texts.Get(english, culture);
        await Expect(tabs.Nth(2)).ToHaveTextAsync(T("My event registrations"), new() { IgnoreCase = true });
        await Screenshots.SaveAsync(page, "events-tabs-phone-" + language);

        for (var i = 0; i < 3; i++)
        {
            var box = await tabs.Nth(i).BoundingBoxAsync();
            box.Should().NotBeNull();
            box!.X.Should().BeGreaterThanOrEqualTo(0, "tab {0} starts on the screen", i);
            (box.X + box.Width).Should().BeLessThanOrEqualTo(390, "tab {0} ends on the screen, not behind a scroll arrow", i);
        }
        await Expect(page.Locator(".mud-tabs-scroll-button:visible")).ToHaveCountAsync(0);

        await tabs.Nth(2).ClickAsync();
        await Expect(page.GetByTestId("mine-list").Or(page.GetByTestId("mine-none"))).ToBeVisibleAsync();
        // Leave the demo resident as he was found: switched back only if this test switched (an account with no saved
        // language keeps none, so the browser's language still decides for the next test).
        if (switched)
        {
            await page.GetByTestId("language-switch").ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang == "fil" ? "en" : "fil");
        }
        await page.Context.CloseAsync();
    }
}
