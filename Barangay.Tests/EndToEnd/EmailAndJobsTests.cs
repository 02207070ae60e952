using System.Net;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>The app process: Identity's "Forgot your password?" goes through the outbox, and /jobs is for admins only.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class EmailAndJobsTests(EndToEndFixture e2e)
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
    public async Task ForgotPassword_WritesAnEmailRow_AndAnEmlFileLocally()
    {
        var email = (string)(await ScalarAsync("SELECT email FROM users WHERE username = @u", new NpgsqlParameter("u", DemoAccounts.ResidentUser)))!;
        var page = await e2e.NewPageAsync(EndToEndFixture.Phone);
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByText("Forgot your password?").ClickAsync();
        await page.FillAsync("#Input_Email", email);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.GetByText("Please check your email to reset your password.")).ToBeVisibleAsync();

        const string sql = "SELECT status FROM email_queue WHERE to_email = @e ORDER BY created_at DESC LIMIT 1";
        try
        {
            await JobsTestHost.WaitUntilAsync(async () => await ScalarAsync(sql, new NpgsqlParameter("e", email)) as string == "sent", "the reset email to be written");
        }
        catch (TimeoutException e)
        {
            var status = await ScalarAsync(sql, new NpgsqlParameter("e", email));
            var result = await ScalarAsync("SELECT last_result FROM email_queue WHERE to_email = @e ORDER BY created_at DESC LIMIT 1", new NpgsqlParameter("e", email));
            throw new TimeoutException($"{e.Message} Status: {status ?? "no row"}; last result: {result}.\n{e2e.App.Output}", e);
        }
        // The end-to-end database is shared and other tests write to Juan too (request notices): this test's email is his newest.
        var eml = Directory.GetFiles(Path.Combine(e2e.App.DataRoot, "mail"), "*.eml")
            .OrderByDescending(File.GetLastWriteTimeUtc).Select(File.ReadAllText)
            .First(t => t.Contains($"To: {email}", StringComparison.Ordinal));
        var subject = await ScalarAsync("SELECT subject FROM email_queue WHERE to_email = @e ORDER BY created_at DESC LIMIT 1", new NpgsqlParameter("e", email));
        subject.Should().Be("Reset your password");
        eml.Should().Contain("Subject: Reset your password").And.Contain("Content-Type: text/html");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task JobsDashboard_Anonymous_IsRefused()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var response = await http.GetAsync(e2e.App.Url + "/jobs");
        response.StatusCode.Should().BeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Redirect, HttpStatusCode.Found);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("Barangay jobs");
    }

    [Theory]
    [InlineData(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, false)]
    [InlineData(DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, false)]
    [InlineData(DemoAccounts.AdminUser, DemoAccounts.AdminPassword, true)]
    public async Task JobsDashboard_OpensForAdminsOnly(string user, string password, bool allowed)
    {
        var page = await e2e.SignInAsync(user, password, EndToEndFixture.Desktop);
        var response = await page.GotoAsync("/jobs");
        if (allowed)
        {
            response!.Status.Should().Be(200);
            await Expect(page.GetByText("Barangay jobs").First).ToBeVisibleAsync();
        }
        else
        {
            response!.Status.Should().BeOneOf(401, 403);
            (await page.ContentAsync()).Should().NotContain("Barangay jobs");
        }
        await page.Context.CloseAsync();
    }
}
