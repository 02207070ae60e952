using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>The homes and the Reports page in a real browser, on a desktop and a phone, with screenshots to look at.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class DashboardsEndToEndTests(EndToEndFixture e2e)
{
    private async Task ExecAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(e2e.Database.AppConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task<int> JuansOpenRequestsAsync()
    {
        await using var conn = new NpgsqlConnection(e2e.Database.AppConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT count(*) FROM document_requests d JOIN residents r ON r.id = d.resident_id JOIN users u ON u.id = r.user_id WHERE u.username = @u AND d.status = ANY(@s)", conn);
        cmd.Parameters.AddWithValue("u", DemoAccounts.ResidentUser);
        cmd.Parameters.AddWithValue("s", Barangay.Data.Documents.DocumentRequestStatuses.Open.ToArray());
        var n = Convert.ToInt32(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        n.Should().BeGreaterThan(0, "the demo gives Juan open requests to show");
        return n;
    }

    [Fact]
    public async Task OfficialHome_OnDesktop_ShowsChartsAndTheCardsUpdateLive()
    {
        var page = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await Expect(page.Locator("#official-home")).ToBeVisibleAsync();
        foreach (var chart in new[] { "chart-pyramid", "chart-purok", "chart-weeks", "chart-categories" })
            await Expect(page.GetByTestId(chart)).ToBeVisibleAsync();
        await Expect(page.GetByTestId("chart-pyramid").Locator("svg").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("card-pending")).ToContainTextAsync("3");
        // On a desktop the drawer sits beside the content once MudBlazor has measured the screen.
        await Expect(page.Locator("[class*='mud-drawer-open-responsive']")).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, "dashboard-official-desktop");

        // A registration arrives (from any replica or job): the card follows within the poll, without a reload.
        var live = new LocatorAssertionsToContainTextOptions { Timeout = 30_000 };
        await ExecAsync("INSERT INTO registration_pending (id, registration_id, user_payload, status, version) VALUES (gen_random_uuid(), 'REG-E2E-LIVE', '{}', 'pending', gen_random_uuid())");
        try
        {
            await Expect(page.GetByTestId("card-pending")).ToContainTextAsync("4", live);
        }
        finally
        {
            await ExecAsync("DELETE FROM registration_pending WHERE registration_id = 'REG-E2E-LIVE'");
        }
        await Expect(page.GetByTestId("card-pending")).ToContainTextAsync("3", live);

        // A card opens its filtered list.
        await page.GetByTestId("card-requests-submitted").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/documents?status=submitted", StringComparison.Ordinal));
        await Expect(page.Locator("#queue-title")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OfficialHome_OnPhone_FitsTheScreen()
    {
        var page = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Phone);
        await Expect(page.Locator("#official-home")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("chart-weeks")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "dashboard-official-phone");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.Should().BeLessThanOrEqualTo(0, "the home must not scroll sideways on a phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ResidentHome_OnPhoneAndDesktop_ShowsHisRequestsWithTheNextStep()
    {
        foreach (var (viewport, name) in new[] { (EndToEndFixture.Phone, "phone"), (EndToEndFixture.Desktop, "desktop") })
        {
            var page = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, viewport);
            await Expect(page.Locator("#resident-home")).ToHaveTextAsync("Welcome, Juan Dela Cruz!");
            // The home lists his open requests, at most five (the card's count and "See all" cover the rest).
            await Expect(page.GetByTestId("home-request")).ToHaveCountAsync(Math.Min(5, await JuansOpenRequestsAsync()));
            await Expect(page.GetByTestId("home-request-next").First).Not.ToBeEmptyAsync();
            await Expect(page.GetByTestId("home-registrations")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("home-announcements")).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, $"dashboard-resident-{name}");
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            overflow.Should().BeLessThanOrEqualTo(0);
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task ReportsPage_Secretary_DownloadsFormC_ResidentGetsNothing()
    {
        var page = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        await page.GotoAsync("/reports");
        await EndToEndFixture.WaitInteractiveAsync(page);
        await Expect(page.Locator("#reports-title")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "reports-desktop");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("form-c-xlsx").ClickAsync());
        download.SuggestedFilename.Should().MatchRegex(@"^rbi-form-c-\d{4}-q[1-4]\.xlsx$");
        var pdf = await page.Context.APIRequest.GetAsync(await page.GetByTestId("issuance-pdf").GetAttributeAsync("href") ?? "");
        pdf.Status.Should().Be(200);
        pdf.Headers["content-type"].Should().Be("application/pdf");
        (await pdf.BodyAsync()).Take(5).Should().Equal("%PDF-"u8.ToArray());
        await page.Context.CloseAsync();

        var phone = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Phone);
        await phone.GotoAsync("/reports");
        await Expect(phone.Locator("#reports-title")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(phone, "reports-phone");
        await phone.Context.CloseAsync();

        var resident = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Phone);
        var refused = await resident.Context.APIRequest.GetAsync("/reports/form-c.pdf?year=2026&quarter=4");
        refused.Status.Should().Be(404);
        await resident.Context.CloseAsync();
    }
}
