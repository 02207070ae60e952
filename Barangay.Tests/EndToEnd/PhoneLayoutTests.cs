using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>Residents use phones: on a 390×844 screen the menu stays out of the way and nothing scrolls sideways.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class PhoneLayoutTests(EndToEndFixture e2e)
{
    [Fact]
    public async Task ResidentHome_OnPhone_DrawerClosedAndNoSidewaysScroll()
    {
        var page = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Phone);
        await Expect(page.Locator("#resident-home")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "resident-home-phone");

        await Expect(page.Locator(".mud-drawer--open")).ToHaveCountAsync(0);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.Should().BeLessThanOrEqualTo(0, "the page must not scroll sideways on a phone");

        // The menu opens from the app bar and shows the resident's links.
        await EndToEndFixture.WaitInteractiveAsync(page);
        await EndToEndFixture.OpenMenuAsync(page);
        await Expect(page.GetByText("Barangay officials")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignInPage_OnPhone_FitsTheScreen()
    {
        var page = await e2e.NewPageAsync(EndToEndFixture.Phone);
        await page.GotoAsync("/Identity/Account/Login");
        await Screenshots.SaveAsync(page, "sign-in-phone");
        var box = await page.Locator("#login-submit").BoundingBoxAsync();
        box!.Width.Should().BeGreaterThan(250).And.BeLessThanOrEqualTo(390);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.Should().BeLessThanOrEqualTo(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OfficialHome_OnDesktop_ShowsCardsBesideTheDrawer()
    {
        var page = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await Expect(page.Locator("#official-home")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "official-home-desktop");
        var drawer = await page.Locator(".mud-drawer").BoundingBoxAsync();
        var card = await page.GetByTestId("card-population").BoundingBoxAsync();
        card!.X.Should().BeGreaterThanOrEqualTo(drawer!.X + drawer.Width - 1, "on a desktop the drawer sits beside the content");
        await page.Context.CloseAsync();
    }
}
