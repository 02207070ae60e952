using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd.Connection;

/// <summary>
/// Issue 29, capacity: the app bar and the menu drawer of every signed-in page. On a phone the menu stays shut until
/// the app bar's button opens it over the page (a tap on the shade or a followed link shuts it); on a desktop it sits
/// beside the page and the same button puts it away and brings it back. Pictures of each screen and theme are kept
/// (resident-layout-*.png) to compare before and after a change of the layout.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class LayoutDrawerTests(EndToEndFixture e2e)
{
    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Phone_MenuOpensOverThePage_AndAFollowedLinkShutsIt(string theme)
    {
        var page = await ResidentHomeAsync(EndToEndFixture.Phone, theme);
        var menu = page.GetByLabel("Open the menu");
        await Expect(page.Locator(".mud-drawer--open")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Barangay officials" })).Not.ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, $"resident-layout-phone-{theme}");

        await EndToEndFixture.OpenMenuAsync(page);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Barangay officials" })).ToBeVisibleAsync();
        await SettledAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Directory, $"resident-layout-phone-menu-{theme}.png") });

        // The shade over the page shuts the menu.
        await page.Mouse.ClickAsync(370, 400);
        await Expect(page.Locator(".mud-drawer--open")).ToHaveCountAsync(0);

        // A link followed from the menu opens its page and the menu is out of the way.
        await EndToEndFixture.OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Announcements" }).First.ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/announcements", StringComparison.Ordinal));
        await Expect(page.Locator(".mud-drawer--open")).ToHaveCountAsync(0);
        await Expect(menu).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Desktop_DrawerBesideThePage_TheButtonPutsItAwayAndBack(string theme)
    {
        var page = await ResidentHomeAsync(EndToEndFixture.Desktop, theme);
        var officials = page.GetByRole(AriaRole.Link, new() { Name = "Barangay officials" });
        await Expect(officials).ToBeVisibleAsync();
        await Expect(page.Locator(".mud-drawer--closed")).ToHaveCountAsync(0);
        await SettledAsync(page);
        var drawer = await page.Locator(".mud-drawer").BoundingBoxAsync();
        var heading = await page.Locator("#resident-home").BoundingBoxAsync();
        heading!.X.Should().BeGreaterThanOrEqualTo(drawer!.X + drawer.Width - 1, "on a desktop the drawer sits beside the page");
        await Screenshots.SaveAsync(page, $"resident-layout-desktop-{theme}");

        // The theme button's tooltip (CSS, as MudTooltip drew it) shows on hover and says what a press does.
        var themeButton = page.GetByLabel("Switch light or dark mode");
        await themeButton.HoverAsync();
        await page.WaitForFunctionAsync("() => getComputedStyle(document.querySelector('.css-tooltip'), '::after').opacity === '1'");
        (await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.css-tooltip'), '::after').content"))
            .Should().Be(theme == "dark" ? "\"Light mode\"" : "\"Dark mode\"");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Directory, $"resident-layout-desktop-tooltip-{theme}.png"), Clip = new() { X = 900, Y = 0, Width = 466, Height = 120 } });
        await page.Mouse.MoveAsync(700, 500);

        await page.GetByLabel("Open the menu").ClickAsync();
        await Expect(page.Locator(".mud-drawer--closed")).ToHaveCountAsync(1);
        await SettledAsync(page);
        await Expect(officials).Not.ToBeInViewportAsync();
        (await page.Locator("#resident-home").BoundingBoxAsync())!.X.Should().BeLessThan(heading.X, "the page takes the room");

        await page.GetByLabel("Open the menu").ClickAsync();
        await Expect(page.Locator(".mud-drawer--open")).ToHaveCountAsync(1);
        await Expect(officials).ToBeInViewportAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>The demo resident's home on this screen, in the browser's light or dark setting, once it is drawn and still.</summary>
    private async Task<IPage> ResidentHomeAsync(ViewportSize viewport, string theme)
    {
        var page = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, viewport);
        await page.EmulateMediaAsync(new() { ColorScheme = theme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        await Expect(page.Locator("#app-interactive")).ToHaveAttributeAsync("data-theme", theme);
        await Expect(page.Locator("#resident-home")).ToBeVisibleAsync();
        await SettledAsync(page);
        return page;
    }

    /// <summary>Every running transition (the drawer's slide, the theme's fade) has ended and the frame after it is painted.</summary>
    private static Task SettledAsync(IPage page) => page.EvaluateAsync("""
        () => new Promise(r => requestAnimationFrame(() =>
            Promise.allSettled(document.getAnimations().filter(a => a instanceof CSSTransition).map(a => a.finished))
                .then(() => requestAnimationFrame(() => requestAnimationFrame(r)))))
        """);
}
