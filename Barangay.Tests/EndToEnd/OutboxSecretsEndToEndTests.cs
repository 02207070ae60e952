using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// A real "Forgot your password?" email, opened by an admin in the outbox on desktop and phone: the dialog says a
/// reset link was sent, and neither the link nor its code reaches the admin's browser.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class OutboxSecretsEndToEndTests(EndToEndFixture e2e)
{
    private async Task<object?> ScalarAsync(string sql, params NpgsqlParameter[] parameters)
    {
        await using var conn = new NpgsqlConnection(e2e.Database.OwnerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddRange(parameters);
        return await cmd.ExecuteScalarAsync();
    }

    [Fact]
    public async Task ResetEmail_OpenedInTheOutbox_ShowsThatALinkWasSent_NotTheLink()
    {
        var email = (string)(await ScalarAsync("SELECT email FROM users WHERE username = 'kgd.bautista'"))!;
        var visitor = await e2e.NewPageAsync(EndToEndFixture.Desktop);
        await visitor.GotoAsync("/Identity/Account/ForgotPassword");
        await visitor.FillAsync("#Input_Email", email);
        await visitor.Locator("main form button[type=submit]").ClickAsync();
        await Expect(visitor.GetByText("Please check your email to reset your password.")).ToBeVisibleAsync();
        await visitor.Context.CloseAsync();
        const string bodySql = "SELECT body FROM email_queue WHERE to_email = @e ORDER BY created_at DESC LIMIT 1";
        string? body = null;
        await JobsTestHost.WaitUntilAsync(async () => (body = await ScalarAsync(bodySql, new NpgsqlParameter("e", email)) as string) is not null, "the reset email row");
        var code = body!.Split("code=", 2)[1].Split('&', '\'', '"')[0];
        code.Length.Should().BeGreaterThan(20, "the email itself carries the code");

        foreach (var (viewport, name) in new[] { (EndToEndFixture.Desktop, "desktop"), (EndToEndFixture.Phone, "phone") })
        {
            var admin = await e2e.SignInAsync(DemoAccounts.AdminUser, DemoAccounts.AdminPassword, viewport);
            await admin.GotoAsync("/admin/outbox");
            await EndToEndFixture.WaitInteractiveAsync(admin);
            await admin.GetByTestId("outbox-table").Locator("tr", new() { HasText = email }).First.ClickAsync();
            await Expect(admin.GetByTestId("outbox-message-secret")).ToContainTextAsync("A password-reset link was sent.");
            await Screenshots.SaveAsync(admin, $"outbox-reset-email-{name}");
            var html = await admin.ContentAsync();
            html.Should().NotContain(code).And.NotContain("ResetPassword?");
            await admin.Context.CloseAsync();
        }
    }
}
