using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// Issue 26: the admin's users and settings pages in Filipino, on the hall's desktop and on a phone. Filipino words run
/// longer than English ones; the pages must still fit the screen. The language comes from the browser's cookie (as after
/// the switch on a shared device), so the admin account's own choice, which other tests read, is left alone.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class AdminInFilipinoScreenshotTests(EndToEndFixture e2e)
{
    public static TheoryData<string> Sizes => new() { "desktop", "phone" };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task UsersAndSettings_InFilipino_FitTheScreen(string size)
    {
        var viewport = size == "phone" ? EndToEndFixture.Phone : EndToEndFixture.Desktop;
        var page = await e2e.NewPageAsync(viewport);
        try
        {
            await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=fil-PH|uic=fil-PH", Url = e2e.App.Url }]);
            await EndToEndFixture.SignInOnAsync(page, DemoAccounts.AdminUser, DemoAccounts.AdminPassword);

            await page.GotoAsync("/admin/users");
            await EndToEndFixture.WaitInteractiveAsync(page);
            await Expect(page.Locator("h1")).ToHaveTextAsync("Mga user account");
            await Expect(page.GetByTestId("user-mfa").First).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, $"admin-users-fil-{viewport.Width}");
            await TopAsync(page, $"admin-users-fil-{viewport.Width}-top");
            (await PageFit.SidewaysAsync(page)).Should().BeLessThanOrEqualTo(0, "the users page fits the screen's width in Filipino");

            await page.GotoAsync("/admin/settings");
            await EndToEndFixture.WaitInteractiveAsync(page);
            await Expect(page.Locator("h1")).ToHaveTextAsync("Mga setting");
            await Expect(page.Locator("#settings-save")).ToHaveTextAsync("I-save ang mga setting");
            await Screenshots.SaveAsync(page, $"admin-settings-fil-{viewport.Width}");
            await TopAsync(page, $"admin-settings-fil-{viewport.Width}-top");
            (await PageFit.SidewaysAsync(page)).Should().BeLessThanOrEqualTo(0, "the settings page fits the screen's width in Filipino");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>What the screen shows first, at its real size (a long full-page shot is shrunk to look at).</summary>
    private static Task TopAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots.Directory, name + ".png"), FullPage = false });
}
