using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// RA 11032 as users see it: anyone opens the Citizen's Charter (plain page, no circuit) and its A3 poster; the Punong
/// Barangay sees overdue paid requests flagged as deemed approved (§10) on the queue, and a request's page shows when
/// its requirements were complete and its fee paid.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class Ra11032EndToEndTests(EndToEndFixture e2e)
{
    [Fact]
    public async Task Charter_Public_Plain_AndQueueFlagsAutomaticApproval_RequestShowsBothMoments()
    {
        foreach (var (viewport, name) in new[] { (EndToEndFixture.Desktop, "desktop"), (EndToEndFixture.Phone, "phone") })
        {
            var visitor = await e2e.NewPageAsync(viewport);
            var response = await visitor.GotoAsync("/charter");
            response!.Status.Should().Be(200);
            await Expect(visitor.Locator("[data-testid=charter-service]").First).ToBeVisibleAsync();
            await Expect(visitor.Locator("#service-barangay-clearance [data-testid=charter-fee]")).ToContainTextAsync("₱100.00");
            (await visitor.Locator("script[src*='blazor.web.js']").CountAsync()).Should().Be(0, "the charter is served without a circuit");
            await Screenshots.SaveAsync(visitor, $"charter-{name}");
            var poster = await visitor.APIRequest.GetAsync("/charter.pdf");
            (poster.Status, poster.Headers["content-type"]).Should().Be((200, "application/pdf"));
        }

        var kapitan = await e2e.SignInAsync(DemoAccounts.KapitanUser, DemoAccounts.KapitanPassword, EndToEndFixture.Desktop);
        await kapitan.GotoAsync("/documents?overdue=true");
        await EndToEndFixture.WaitInteractiveAsync(kapitan);
        await Expect(kapitan.GetByTestId("queue-auto-approval").First).ToContainTextAsync("Deemed approved (RA 11032 §10)");
        await Screenshots.SaveAsync(kapitan, "ra11032-desktop-queue-automatic-approval");
        await kapitan.GetByTestId("queue-grid").Locator("tbody tr").First.Locator("td").First.ClickAsync();
        await Expect(kapitan.GetByTestId("clock-requirements")).ToBeVisibleAsync();
        await Expect(kapitan.GetByTestId("clock-start")).ToContainTextAsync("working days from");
        await Screenshots.SaveAsync(kapitan, "ra11032-desktop-request-clock");
    }
}
