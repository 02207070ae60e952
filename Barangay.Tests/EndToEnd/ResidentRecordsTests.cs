using Barangay.Data.Seed;
using Barangay.Tests.Data.Officials;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>The secretary keeps the Records of Barangay Inhabitants from a desktop browser.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class ResidentRecordsTests(EndToEndFixture e2e)
{
    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}]").Locator("xpath=descendant-or-self::input").First;

    [Fact]
    public async Task Secretary_SearchesWithoutSpacesOrEnye_FindsAndOpensTheResident()
    {
        var page = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await page.GotoAsync("/residents");
        await EndToEndFixture.WaitInteractiveAsync(page);
        await Input(page, "resident-search").FillAsync("delacruz juan");
        await Expect(page.Locator("td").GetByText("Dela Cruz, Juan Pascual")).ToBeVisibleAsync();
        await page.Locator("td").GetByText("Dela Cruz, Juan Pascual").ClickAsync();
        await Expect(page.GetByTestId("resident-name")).ToHaveTextAsync("Dela Cruz, Juan Pascual");
        await Screenshots.SaveAsync(page, "resident-detail-desktop");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Secretary_FindsAResidentFromTheAppBarWithATypo_OpensTheRecordFromAnyPage()
    {
        var page = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await page.GotoAsync("/households");
        await EndToEndFixture.WaitInteractiveAsync(page);
        await Input(page, "quick-search").FillAsync("juan delacrus");
        var suggestion = page.Locator(".mud-popover-open .quick-search-item").Filter(new() { HasText = "Dela Cruz, Juan Pascual" });
        await Expect(suggestion).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "quick-search-desktop");
        await suggestion.First.ClickAsync();
        await Expect(page.GetByTestId("resident-name")).ToHaveTextAsync("Dela Cruz, Juan Pascual");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Secretary_AddsAPhotoToARecord_SeesItOnTheRecord()
    {
        var page = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await page.GotoAsync("/residents");
        await EndToEndFixture.WaitInteractiveAsync(page);
        await Input(page, "resident-search").FillAsync("santos maria");
        await page.Locator("td").GetByText("Santos, Maria").First.ClickAsync();
        await Expect(page.GetByTestId("resident-name")).ToContainTextAsync("Santos, Maria");
        await EndToEndFixture.WaitInteractiveAsync(page);
        await EndToEndFixture.SetBlazorFilesAsync(page.Locator("[data-testid=resident-photo-upload] input[type=file]"), new FilePayload
        {
            Name = "maria.png", MimeType = "image/png", Buffer = SamplePhoto.Png(),
        });
        await Expect(page.GetByTestId("resident-photo-image")).ToBeVisibleAsync();
        // The picture is served to the official (a real image, not an error page). Visible is not loaded: the browser
        // shows the <img> before its bytes arrive, so wait for the decode (a broken image rejects it: false).
        var loaded = await page.GetByTestId("resident-photo-image")
            .EvaluateAsync<bool>("img => img.decode().then(() => img.naturalWidth > 0, () => false)");
        loaded.Should().BeTrue();
        await Screenshots.SaveAsync(page, "resident-photo-desktop");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Secretary_AddsResidentWithFutureBirthDate_IsToldWhichFieldThenSaves()
    {
        var page = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await page.GotoAsync("/residents/new");
        await EndToEndFixture.WaitInteractiveAsync(page);
        await Input(page, "first-name").FillAsync("Niña");
        await Input(page, "last-name").FillAsync("Dela Peña");
        await Input(page, "dob").FillAsync($"{TestClock.UtcNow.Year + 1}-01-15");
        await page.GetByTestId("purok").ClickAsync();
        await page.GetByText("Purok 2 - Ilang-Ilang").Last.ClickAsync();
        await page.GetByTestId("save-resident").ClickAsync();
        await Expect(page.GetByTestId("form-errors")).ToContainTextAsync("Birth date cannot be in the future.");
        await Screenshots.SaveAsync(page, "resident-form-error-desktop");

        await Input(page, "dob").FillAsync("1999-06-12");
        await Input(page, "national-id").FillAsync("1111-2222-3333");
        await page.GetByTestId("save-resident").ClickAsync();
        await Expect(page.GetByTestId("resident-name")).ToHaveTextAsync("Dela Peña, Niña");
        await Expect(page.GetByTestId("national-id-masked")).ToHaveTextAsync("XXXX-XXXX-3333");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TwoOfficialsEditSameResident_SecondIsToldAndCanReload()
    {
        var a = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        var b = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await a.GotoAsync("/residents");
        await EndToEndFixture.WaitInteractiveAsync(a);
        await Input(a, "resident-search").FillAsync("delacruz juan");
        await a.Locator("td").GetByText("Dela Cruz, Juan Pascual").ClickAsync();
        await a.GetByTestId("edit-resident").ClickAsync();
        var editUrl = a.Url;
        await b.GotoAsync(editUrl);
        await EndToEndFixture.WaitInteractiveAsync(b);

        await Input(a, "first-name").FillAsync("Juan");
        await Input(a, "last-name").FillAsync("Dela Cruz");
        await a.GetByLabel("Occupation").FillAsync("Barangay health worker");
        await a.GetByTestId("save-resident").ClickAsync();
        await Expect(a.GetByTestId("resident-name")).ToBeVisibleAsync();

        await b.GetByLabel("Occupation").FillAsync("Fisherfolk");
        await b.GetByTestId("save-resident").ClickAsync();
        await Expect(b.GetByTestId("conflict")).ToContainTextAsync("Someone else changed this record");
        await b.GetByTestId("reload").ClickAsync();
        await Expect(b.GetByLabel("Occupation")).ToHaveValueAsync("Barangay health worker");
        await a.Context.CloseAsync();
        await b.Context.CloseAsync();
    }

    [Fact]
    public async Task Resident_OpensTheRegister_IsRefused()
    {
        var page = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Phone);
        await page.GotoAsync("/residents");
        await Expect(page.GetByText("This page is not for your account")).ToBeVisibleAsync();
        await page.GotoAsync($"/residents/{Guid.NewGuid()}");
        await Expect(page.GetByText("This page is not for your account")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
