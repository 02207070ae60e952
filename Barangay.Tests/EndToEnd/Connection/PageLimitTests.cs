using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd.Connection;

/// <summary>
/// Issue 29, limits per person: one account may hold only so many live pages (circuits) at once
/// (Circuits:MaxPagesPerAccount, 30 in production; 2 here). Past it the page says why and how to go on, instead of
/// sitting there with buttons that do nothing; another person is not affected; closing a page frees its place.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class PageLimitTests(EndToEndFixture e2e)
{
    [Fact]
    public async Task OneAccount_PastItsLiveLimit_IsToldToCloseSome_OthersUnaffected_AClosedPageFreesItsPlace()
    {
        await using var app = await AppProcess.StartAsync(e2e.Database.AppConnectionString, new Dictionary<string, string>
        {
            ["Circuits__MaxPagesPerAccount"] = "2",
            ["Circuits__Diagnostics"] = "true",
        });
        var first = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Phone, app.Url);
        await Expect(first.Locator("#app-interactive")).ToBeAttachedAsync();
        var second = await first.Context.NewPageAsync();
        await second.GotoAsync(app.Url + "/my/requests");
        await Expect(second.Locator("#app-interactive")).ToBeAttachedAsync();

        var third = await first.Context.NewPageAsync();
        await third.GotoAsync(app.Url + "/my/requests/new");
        var banner = third.GetByTestId("connection-banner");
        await Expect(banner).ToBeVisibleAsync();
        await Expect(banner).ToContainTextAsync("you have too many pages of the app open");
        (await banner.BoundingBoxAsync())!.Height.Should().BeLessThan(200, "a small banner, not a full-screen block");
        // Nothing on the page pretends to work: every button that needs the server is disabled.
        await Expect(third.Locator("main button:enabled, header button:enabled")).ToHaveCountAsync(0);
        await Expect(third.GetByLabel("Open the menu")).ToBeDisabledAsync();
        await Expect(third.Locator("#app-interactive")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(third, "connection-too-many-pages-phone");

        // Another person on the same server opens pages as usual.
        var secretary = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop, app.Url);
        await Expect(secretary.Locator("#app-interactive")).ToBeAttachedAsync();
        await secretary.Context.CloseAsync();

        // The resident closes a page; "Try again" then opens this one live.
        await first.CloseAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Url) };
        (await http.GetAsync("/_diag/circuits/wait?connected=1&seconds=60")).IsSuccessStatusCode.Should().BeTrue("the closed page's connection ends");
        await third.GetByTestId("connection-again").ClickAsync();
        await Expect(third.Locator("#app-interactive")).ToBeAttachedAsync();
        await Expect(third.GetByTestId("connection-banner")).ToBeHiddenAsync();
        await third.Context.CloseAsync();
    }
}
