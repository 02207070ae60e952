using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>The admin renames the barangay on the settings page and the app bar follows at once; officials are kept out.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class SettingsEndToEndTests(EndToEndFixture e2e)
{
    private const string Original = "Barangay San Isidro";

    [Fact]
    public async Task Admin_RenamesTheBarangay_AppBarShowsTheNewName()
    {
        var page = await e2e.SignInAsync(DemoAccounts.AdminUser, DemoAccounts.AdminPassword, EndToEndFixture.Desktop);
        try
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/settings$"));
            await RenameAsync(page, "Barangay San Isidro Labrador");
            await Expect(page.GetByTestId("barangay-name")).ToHaveTextAsync("Barangay San Isidro Labrador");

            // A fresh page load reads it from the database too.
            await page.ReloadAsync();
            await Expect(page.GetByTestId("barangay-name")).ToHaveTextAsync("Barangay San Isidro Labrador");
        }
        finally
        {
            // Other end-to-end tests share this database and expect the demo's name.
            await EndToEndFixture.WaitInteractiveAsync(page);
            await RenameAsync(page, Original);
            await Expect(page.GetByTestId("barangay-name")).ToHaveTextAsync(Original);
            await page.Context.CloseAsync();
        }
    }

    /// <summary>
    /// The seal uploaded on the settings page heads the app bar. Waits on the picture having loaded (it used to read
    /// img.complete once, right after the reload, which failed whenever the picture was still on its way).
    /// </summary>
    [Fact]
    public async Task Admin_UploadsTheSeal_AppBarShowsItThenGoesBackToTheDefault()
    {
        var page = await e2e.SignInAsync(DemoAccounts.AdminUser, DemoAccounts.AdminPassword, EndToEndFixture.Desktop);
        try
        {
            await page.GotoAsync("/admin/settings");
            await EndToEndFixture.WaitInteractiveAsync(page);
            await EndToEndFixture.SetBlazorFilesAsync(page.Locator("[data-testid=seal-upload] input[type=file]"), new FilePayload
            {
                Name = "seal.png", MimeType = "image/png", Buffer = Barangay.Tests.Data.Officials.SamplePhoto.Png(),
            });
            await Expect(page.Locator("[data-testid=setting-seal] img")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^/files/"));
            await Screenshots.SaveAsync(page, "settings-seal-desktop");
            await page.Locator("#settings-save").ClickAsync();
            await Expect(page.GetByText("Settings saved.")).ToBeVisibleAsync();
            await page.ReloadAsync();
            await Expect(page.Locator("header img.barangay-seal")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^/files/.*sig="));
            await page.WaitForFunctionAsync("() => { const i = document.querySelector('header img.barangay-seal'); return !!i && i.complete && i.naturalWidth > 0; }");
        }
        finally
        {
            await EndToEndFixture.WaitInteractiveAsync(page);
            if (await page.GetByTestId("seal-default").CountAsync() > 0 || await page.GetByTestId("municipal-seal-remove").CountAsync() > 0)
            {
                if (await page.GetByTestId("seal-default").CountAsync() > 0) await page.GetByTestId("seal-default").ClickAsync();
                if (await page.GetByTestId("municipal-seal-remove").CountAsync() > 0) await page.GetByTestId("municipal-seal-remove").ClickAsync();
                await page.Locator("#settings-save").ClickAsync();
                await Expect(page.GetByText("Settings saved.")).ToBeVisibleAsync();
            }
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Official_OpensSettings_IsToldThePageIsNotForThem()
    {
        var page = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await page.GotoAsync("/admin/settings");
        await Expect(page.GetByText("This page is not for your account")).ToBeVisibleAsync();
        await Expect(page.Locator("#setting-barangay-name")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    private static async Task RenameAsync(IPage page, string name)
    {
        var field = page.Locator("#setting-barangay-name");
        await field.FillAsync(name);
        await field.BlurAsync();
        await page.Locator("#settings-save").ClickAsync();
        await Expect(page.GetByText("Settings saved.")).ToBeVisibleAsync();
    }
}
