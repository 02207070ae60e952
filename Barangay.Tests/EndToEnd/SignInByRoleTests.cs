using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>Each demo account signs in in Chromium, on a desktop and on a 390×844 phone, and sees only its own home.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class SignInByRoleTests(EndToEndFixture e2e)
{
    public static TheoryData<bool> Viewports => new() { false, true };

    private static ViewportSize Size(bool phone) => phone ? EndToEndFixture.Phone : EndToEndFixture.Desktop;

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task Admin_SignsIn_SeesAdministrationAndUserAccounts(bool phone)
    {
        var page = await e2e.SignInAsync(DemoAccounts.AdminUser, DemoAccounts.AdminPassword, Size(phone));
        await Expect(page.Locator("#admin-home")).ToHaveTextAsync("System administration");
        await Expect(page.GetByTestId("card-active-users")).ToContainTextAsync("Active accounts");
        await Expect(page.Locator("#official-home")).ToHaveCountAsync(0);
        await Expect(page.Locator("#resident-home")).ToHaveCountAsync(0);

        await page.GotoAsync("/admin/users");
        await Expect(page.Locator("td").GetByText("secretary", new() { Exact = true })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task Official_SignsIn_SeesHallOverviewButNotAdministration(bool phone)
    {
        var page = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, Size(phone));
        await Expect(page.Locator("#official-home")).ToHaveTextAsync("Barangay hall overview");
        await Expect(page.GetByTestId("card-households")).ToContainTextAsync("300");
        await Expect(page.GetByTestId("card-pending")).ToContainTextAsync("3");
        await Expect(page.Locator("#admin-home")).ToHaveCountAsync(0);
        await Expect(page.GetByText("User accounts")).ToHaveCountAsync(0);

        await page.GotoAsync("/admin/users");
        await Expect(page.GetByText("This page is not for your account")).ToBeVisibleAsync();
        await Expect(page.Locator("td").GetByText("admin", new() { Exact = true })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task Resident_SignsIn_SeesOwnHomeOnly(bool phone)
    {
        var page = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, Size(phone));
        await Expect(page.Locator("#resident-home")).ToHaveTextAsync("Welcome, Juan Dela Cruz!");
        await Expect(page.GetByTestId("card-my-requests")).ToContainTextAsync("3");
        await Expect(page.GetByTestId("card-my-events")).ToContainTextAsync("1");
        await Expect(page.Locator("#official-home")).ToHaveCountAsync(0);
        await Expect(page.GetByText("Inhabitants per purok")).ToHaveCountAsync(0);

        // Issue 24: the card opens the resident's own registrations (it used to open the list of every event), as many as it counts.
        await page.GetByTestId("card-my-events").ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/events?mine=1", StringComparison.Ordinal));
        await Expect(page.GetByTestId("mine-list").Locator(".event-card")).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, phone ? "events-mine-phone" : "events-mine-desktop");
        await page.GoBackAsync();

        await page.GotoAsync("/admin/users");
        await Expect(page.GetByText("This page is not for your account")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
