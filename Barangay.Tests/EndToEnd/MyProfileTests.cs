using Barangay.Data.Residents;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>A resident keeps their own details up to date from a phone, and asks the hall to correct the rest.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class MyProfileTests(EndToEndFixture e2e)
{
    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}]").Locator("xpath=descendant-or-self::input").First;

    [Fact]
    public async Task Juan_OnPhone_ChangesHisMobileNumber_AndIsToldAboutABadEmail()
    {
        var original = await JuansContactAsync();
        var page = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Phone);
        try
        {
            await EndToEndFixture.WaitInteractiveAsync(page);
            await EndToEndFixture.OpenMenuAsync(page);
            await page.GetByTestId("nav-me").ClickAsync();
            await page.WaitForURLAsync(u => u.EndsWith("/me", StringComparison.Ordinal));
            await EndToEndFixture.WaitInteractiveAsync(page);
            await Expect(page.GetByTestId("my-name")).ToHaveTextAsync("Dela Cruz, Juan Pascual");
            await Expect(page.GetByTestId("my-resident-id")).ToContainTextAsync("RES-");

            await Input(page, "my-mobile").FillAsync("0918 222 3333");
            await page.GetByTestId("save-contact").ClickAsync();
            await Expect(page.GetByText("Your contact details were saved.")).ToBeVisibleAsync();
            await ScreenshotFromTopAsync(page, "my-profile-phone");
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            overflow.Should().BeLessThanOrEqualTo(0, "the page must not scroll sideways on a phone");

            await page.ReloadAsync();
            await EndToEndFixture.WaitInteractiveAsync(page);
            await Expect(Input(page, "my-mobile")).ToHaveValueAsync("0918 222 3333");
            (await JuansContactAsync()).Mobile.Should().Be("0918 222 3333");

            await Input(page, "my-email").FillAsync("juan@@example");
            await page.GetByTestId("save-contact").ClickAsync();
            await Expect(page.GetByText("Email address is not valid.")).ToBeVisibleAsync();
            await ScreenshotFromTopAsync(page, "my-profile-error-phone");
            (await JuansContactAsync()).Email.Should().Be(original.Email, "a refused save writes nothing");
        }
        finally
        {
            await RestoreJuanAsync(original);
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Juan_OnPhone_RequestsACorrection_AndTheSecretarySeesIt()
    {
        var page = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Phone);
        try
        {
            await page.GotoAsync("/me");
            await EndToEndFixture.WaitInteractiveAsync(page);
            await page.GetByTestId("request-correction").ClickAsync();
            await page.GetByTestId("correction-field").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Birth date" }).ClickAsync();
            await Input(page, "correction-value").FillAsync($"{TestClock.UtcNow.Year + 1}-02-03");
            await page.GetByTestId("send-correction").ClickAsync();
            await Expect(page.GetByText("Birth date cannot be in the future.")).ToBeVisibleAsync();

            await page.GetByTestId("correction-field").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Civil status" }).ClickAsync();
            await page.GetByTestId("correction-value").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Widowed" }).ClickAsync();
            await page.Locator("[data-testid=correction-note]").Locator("xpath=descendant-or-self::textarea").FillAsync("Died 2025; I have the certificate.");
            await Screenshots.SaveAsync(page, "my-profile-correction-phone");
            await page.GetByTestId("send-correction").ClickAsync();
            await Expect(page.GetByText("Your request was sent to the barangay hall.")).ToBeVisibleAsync();

            var secretary = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
            await secretary.GotoAsync("/notifications");
            await Expect(secretary.GetByTestId("notification-item").Filter(new() { HasText = "asks to correct civil status to \"Widowed\"" }))
                .ToContainTextAsync("Juan Dela Cruz");
            await secretary.Context.CloseAsync();
        }
        finally
        {
            await DeleteCorrectionNotificationsAsync();
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Official_OpensMyProfile_IsToldItIsNotForTheirAccount_AndHasNoLink()
    {
        // Officials without the resident role do not have Self.Profile: the mapping gives residents their own pages only.
        var page = await e2e.SignInAsync(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, EndToEndFixture.Phone);
        await page.GotoAsync("/me");
        await Expect(page.GetByText("This page is not for your account")).ToBeVisibleAsync();
        await EndToEndFixture.WaitInteractiveAsync(page);
        await EndToEndFixture.OpenMenuAsync(page);
        await Expect(page.GetByText("Barangay officials")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("nav-me")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    /// <summary>The app bar is fixed: scrolled down, a full-page screenshot would draw it over the middle of the page.</summary>
    private static async Task ScreenshotFromTopAsync(IPage page, string name)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Screenshots.SaveAsync(page, name);
    }

    private async Task<(string? Mobile, string? Email)> JuansContactAsync()
    {
        await using var conn = new NpgsqlConnection(e2e.Database.AppConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT r.contact_number, r.email FROM residents r JOIN users u ON u.id = r.user_id WHERE u.username = @u", conn);
        cmd.Parameters.AddWithValue("u", DemoAccounts.ResidentUser);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    /// <summary>The end-to-end database is shared: leave Juan's record as the other tests expect it.</summary>
    private async Task RestoreJuanAsync((string? Mobile, string? Email) original)
    {
        await using var conn = new NpgsqlConnection(e2e.Database.AppConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "UPDATE residents SET contact_number = @m, email = @e WHERE user_id = (SELECT id FROM users WHERE username = @u)", conn);
        cmd.Parameters.AddWithValue("m", (object?)original.Mobile ?? DBNull.Value);
        cmd.Parameters.AddWithValue("e", (object?)original.Email ?? DBNull.Value);
        cmd.Parameters.AddWithValue("u", DemoAccounts.ResidentUser);
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task DeleteCorrectionNotificationsAsync()
    {
        await using var conn = new NpgsqlConnection(e2e.Database.AppConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("DELETE FROM notifications WHERE type = @t", conn);
        cmd.Parameters.AddWithValue("t", ProfileCorrections.NotificationType);
        await cmd.ExecuteNonQueryAsync();
    }
}
