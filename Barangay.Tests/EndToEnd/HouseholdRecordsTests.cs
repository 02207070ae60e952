using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class HouseholdRecordsTests(EndToEndFixture e2e)
{
    [Fact]
    public async Task Secretary_OpensJuansHousehold_SeesMembersWithAgesAndHead()
    {
        var page = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await page.GotoAsync("/households");
        await EndToEndFixture.WaitInteractiveAsync(page);
        await page.GetByTestId("household-search").Locator("xpath=descendant-or-self::input").First.FillAsync("delacruz juan");
        await page.Locator("td").GetByText("Dela Cruz, Juan Pascual").ClickAsync();
        await Expect(page.GetByTestId("household-code")).ToContainTextAsync("Household HH-");
        var members = page.GetByTestId("household-members");
        await Expect(members).ToContainTextAsync("Dela Cruz, Juan Pascual");
        await Expect(members).ToContainTextAsync("Head");
        await Expect(members.Locator("td[data-label=Age]").First).ToHaveTextAsync("42");
        await Screenshots.SaveAsync(page, "household-desktop");
        await page.Context.CloseAsync();
    }
}
