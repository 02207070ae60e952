using Barangay.App.Components.Layout;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd.Connection;

/// <summary>
/// Issue 29, capacity: the theme's CSS is one cached stylesheet linked from the head (ThemeStyles) instead of a
/// MudThemeProvider in every circuit. The live page still follows the browser's light/dark setting and its toggle.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class ThemeInPageHeadTests(EndToEndFixture e2e)
{
    [Fact]
    public async Task ResidentHome_FollowsTheBrowsersDarkSettingAndTheToggle_WithTheThemeInItsOwnStylesheet()
    {
        var page = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Desktop);
        await Expect(page.Locator("#resident-home")).ToBeVisibleAsync();
        var theme = page.Locator("#app-interactive");
        await Expect(theme).ToHaveAttributeAsync("data-theme", "light");
        (await BackgroundAsync(page)).Should().Be(Rgb(BarangayTheme.Theme.PaletteLight.Background));
        (await page.EvaluateAsync<int>("() => [...document.querySelectorAll('body style')].filter(s => s.textContent.includes('--mud-palette-background')).length"))
            .Should().Be(0, "the circuit no longer renders the theme's style sheet");

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await Expect(theme).ToHaveAttributeAsync("data-theme", "dark", new() { Timeout = 15_000 });
        (await BackgroundAsync(page)).Should().Be(Rgb(BarangayTheme.Theme.PaletteDark.Background));
        await Screenshots.SaveAsync(page, "resident-home-dark-desktop");

        await page.GetByLabel("Switch light or dark mode").ClickAsync();
        await Expect(theme).ToHaveAttributeAsync("data-theme", "light", new() { Timeout = 15_000 });
        (await BackgroundAsync(page)).Should().Be(Rgb(BarangayTheme.Theme.PaletteLight.Background));
        await page.Context.CloseAsync();
    }

    /// <summary>The page's background colour variable as the browser resolves it (no transition applies to a variable).</summary>
    private static Task<string> BackgroundAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
            const v = getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-background').trim();
            const probe = document.createElement('i');
            probe.style.color = v;
            document.body.append(probe);
            const c = getComputedStyle(probe).color;
            probe.remove();
            return c;
        }
        """);

    private static string Rgb(MudBlazor.Utilities.MudColor c) => c.A == 255 ? $"rgb({c.R}, {c.G}, {c.B})" : $"rgba({c.R}, {c.G}, {c.B}, {c.APercentage})";
}
