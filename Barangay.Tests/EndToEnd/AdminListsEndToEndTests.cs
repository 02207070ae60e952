using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>The audit log viewer and the lookup values page in Chromium, as the admin uses them.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class AdminListsEndToEndTests(EndToEndFixture e2e)
{
    [Fact]
    public async Task Admin_OpensAuditLog_SeesOwnSignInAndItsDetails()
    {
        var page = await e2e.SignInAsync(DemoAccounts.AdminUser, DemoAccounts.AdminPassword, EndToEndFixture.Desktop);
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        var signIn = page.Locator("tr", new() { HasText = "Signed in" }).Filter(new() { HasText = DemoAccounts.AdminUser }).First;
        await Expect(signIn).ToBeVisibleAsync();

        await signIn.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Signed in. The IP address and browser above say from where.");
        await Expect(dialog).ToContainTextAsync("127.0.0.1");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Delete" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Admin_DeletesAPurokInUse_IsToldToRetireItInstead()
    {
        var page = await e2e.SignInAsync(DemoAccounts.AdminUser, DemoAccounts.AdminPassword, EndToEndFixture.Desktop);
        await page.GetByRole(AriaRole.Link, new() { Name = "Lookup values" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Purok 1 - Sampaguita", Exact = true })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete Purok 1 - Sampaguita" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();

        await Expect(page.GetByTestId("lookup-message")).ToContainTextAsync("\"Purok 1 - Sampaguita\" cannot be deleted");
        await Expect(page.GetByTestId("lookup-message")).ToContainTextAsync("Retire it instead");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Purok 1 - Sampaguita", Exact = true })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
