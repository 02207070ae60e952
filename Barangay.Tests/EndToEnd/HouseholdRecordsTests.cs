using Barangay.Data.Residents;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
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

        // The printable RBI household record: a PDF for the hall, "not found" for a resident.
        var href = await page.GetByTestId("household-print").GetAttributeAsync("href");
        var pdf = await page.Context.APIRequest.GetAsync(href!);
        pdf.Status.Should().Be(200);
        pdf.Headers["content-type"].Should().Be("application/pdf");
        var bytes = await pdf.BodyAsync();
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).Should().Be("%PDF-");
        File.WriteAllBytes(Path.Combine(Screenshots.Directory, "household-record.pdf"), bytes);
        await page.Context.CloseAsync();

        var resident = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Phone);
        (await resident.Context.APIRequest.GetAsync(href!)).Status.Should().Be(404);
        await resident.Context.CloseAsync();
    }

    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}]").Locator("xpath=descendant-or-self::input").First;

    [Fact]
    public async Task Secretary_CreatesHouseholdForANewResident_LandsOnItsPageWithTheHead()
    {
        await using (var services = new TestServices(e2e.Database.AppConnectionString))
        {
            await using var db = await services.DbAsync();
            if (!db.Residents.Any(r => r.LastName == "Bagatsing"))
            {
                db.Residents.Add(new Resident
                {
                    ResidentId = "RES-E2E-HH001", FirstName = "Rosalinda", LastName = "Bagatsing", Dob = new DateOnly(1988, 6, 2),
                    Sex = "Female", Purok = "purok-3", Address = "12 Sampaguita St.",
                });
                await db.SaveChangesAsync();
            }
        }
        var page = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await page.GotoAsync("/households");
        await EndToEndFixture.WaitInteractiveAsync(page);
        await page.GetByTestId("new-household").ClickAsync();

        // Juan already heads a household: refused with the reason, nothing created.
        await Expect(Input(page, "household-head")).ToBeEditableAsync();
        await EndToEndFixture.PickAsync(page, Input(page, "household-head"), "delacruz juan", "Dela Cruz, Juan Pascual");
        await page.GetByTestId("create-household").ClickAsync();
        await Expect(page.GetByTestId("new-household-dialog")).ToContainTextAsync("already belongs to household HH-");

        await EndToEndFixture.PickAsync(page, Input(page, "household-head"), "bagatsing", "Bagatsing, Rosalinda");
        await page.GetByTestId("create-household").ClickAsync();
        await Expect(page.GetByTestId("household-code")).ToContainTextAsync("Household HH-");
        var members = page.GetByTestId("household-members");
        await Expect(members).ToContainTextAsync("Bagatsing, Rosalinda");
        await Expect(members).ToContainTextAsync("Head");
        await Expect(page.Locator("body")).ToContainTextAsync("12 Sampaguita St.");
        await Screenshots.SaveAsync(page, "household-created-desktop");
        await page.Context.CloseAsync();
    }
}
