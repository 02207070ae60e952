using Barangay.Data.Accounts;
using Barangay.Data.Seed;
using Barangay.Tests.Data.Officials;
using Barangay.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>The admin keeps the officials roster; anonymous visitors see it, photos included, on a phone.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class OfficialsRosterTests(EndToEndFixture e2e)
{
    private const string NewOfficial = "Pedro S. Bantay";

    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}]").Locator("xpath=descendant-or-self::input").First;

    /// <summary>A resident's account for the new tanod (its own, so other tests' demo accounts keep their roles).</summary>
    private async Task EnsureAccountAsync()
    {
        await using var services = new TestServices(e2e.Database.AppConnectionString);
        var users = services.Get<UserManager<User>>();
        if (await users.FindByNameAsync("pedro.bantay") is not null) return;
        var created = await users.CreateAsync(new User
        {
            UserName = "pedro.bantay", Email = "pedro.bantay@sanisidro.example", EmailConfirmed = true, FullName = NewOfficial,
            Roles = [AppRoles.Resident], Status = UserStatuses.Active, LockoutEnabled = true,
        });
        created.Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task Admin_AddsTanodWithTermAndPhoto_AnonymousPhoneVisitorSeesThemWithTheirPhoto()
    {
        await EnsureAccountAsync();
        var page = await e2e.SignInAsync(DemoAccounts.AdminUser, DemoAccounts.AdminPassword, EndToEndFixture.Desktop);
        await page.GotoAsync("/admin/officials");
        await EndToEndFixture.WaitInteractiveAsync(page);
        await Expect(page.Locator(".official-row-name").GetByText("Ricardo M. Dela Cruz")).ToBeVisibleAsync();

        await page.GetByTestId("add-official").ClickAsync();
        await EndToEndFixture.PickAsync(page, Input(page, "official-account"), "pedro.ban", NewOfficial);
        await Expect(Input(page, "official-name")).ToHaveValueAsync(NewOfficial);
        await EndToEndFixture.ChooseAsync(page, "official-position", "Tanod");
        await Input(page, "official-term-start").FillAsync("2026-01-05");
        await Input(page, "official-term-end").FillAsync("2025-12-01");
        await EndToEndFixture.SetBlazorFilesAsync(page.Locator("[data-testid=official-photo] input[type=file]"), new FilePayload
        {
            Name = "pedro.png", MimeType = "image/png", Buffer = SamplePhoto.Png(),
        });
        await Expect(page.Locator(".file-upload-done").GetByText("pedro.png")).ToBeVisibleAsync();
        await page.GetByTestId("official-save").ClickAsync();
        await Expect(page.GetByTestId("official-errors")).ToContainTextAsync("Term end must be after term start (Jan 5, 2026).");

        await Input(page, "official-term-end").FillAsync("2028-11-30");
        await page.GetByTestId("official-save").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        var row = page.Locator("tr", new() { Has = page.Locator(".official-row-name").GetByText(NewOfficial) });
        await Expect(row).ToContainTextAsync("Tanod");
        await Expect(row).ToContainTextAsync("Jan 5, 2026 – Nov 30, 2028");
        await Expect(row.Locator(".official-status-chip")).ToHaveTextAsync("Active");
        await Expect(row.Locator("img.official-photo")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "officials-admin-desktop");
        await page.Context.CloseAsync();

        var visitor = await e2e.NewPageAsync(EndToEndFixture.Phone);
        await visitor.GotoAsync("/officials");
        await Expect(visitor.Locator(".official-name").GetByText(NewOfficial)).ToBeVisibleAsync();
        var photo = visitor.Locator($"img.official-photo[alt='{NewOfficial}']");
        await Expect(photo).ToBeVisibleAsync();
        await visitor.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await photo.ElementHandleAsync());
        var src = await photo.GetAttributeAsync("src");
        src.Should().MatchRegex(@"^/files/[0-9a-f-]{36}\?exp=\d+&sig=");
        var response = await visitor.Context.APIRequest.GetAsync(src!);
        response.Status.Should().Be(200, "an anonymous visitor gets the photo through its signed link");
        response.Headers["content-type"].Should().StartWith("image/png");
        var unsigned = await visitor.Context.APIRequest.GetAsync(src![..src.IndexOf('?', StringComparison.Ordinal)], new() { MaxRedirects = 0 });
        unsigned.Status.Should().NotBe(200, "without the signature the photo is not public");
        await Expect(visitor.Locator(".official-avatar").GetByText("RD")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(visitor, "officials-public-phone");
        await visitor.Context.CloseAsync();
    }
}
