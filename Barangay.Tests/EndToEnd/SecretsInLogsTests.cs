using System.Net;
using System.Text.RegularExpressions;
using Barangay.Tests.Infrastructure;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>Neither the application log (at Information, and Debug for our own code) nor the audit trail holds a password, a token or a cookie.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public partial class SecretsInLogsTests(EndToEndFixture e2e)
{
    private const string WrongPassword = "Wrong-Secret-Guess-77";
    private const string NewPassword = "bagong password ni rosario";

    private async Task<object?> ScalarAsync(string sql, params NpgsqlParameter[] parameters)
    {
        await using var conn = new NpgsqlConnection(e2e.Database.OwnerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddRange(parameters);
        return await cmd.ExecuteScalarAsync();
    }

    [Fact]
    public async Task SignInFailResetPassword_LeaveNoSecretInTheLogOrTheAuditTrail()
    {
        await using var app = await AppProcess.StartAsync(e2e.Database.AppConnectionString, new Dictionary<string, string>
        {
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Information",
            ["Logging__LogLevel__Barangay"] = "Debug",
        });
        var email = (string)(await ScalarAsync("SELECT email FROM users WHERE username = 'kgd.munoz'"))!;
        var context = await e2e.Browser.NewContextAsync(new() { BaseURL = app.Url });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Identity/Account/Login");
        await page.FillAsync("#Input_UserName", "kgd.munoz");
        await page.FillAsync("#Input_Password", WrongPassword);
        await page.ClickAsync("#login-submit");
        await Expect(page.GetByTestId("login-errors")).ToBeVisibleAsync();

        await page.GotoAsync("/Identity/Account/ForgotPassword");
        await page.FillAsync("#Input_Email", email);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.GetByText("Please check your email to reset your password.")).ToBeVisibleAsync();
        string? eml = null;
        await JobsTestHost.WaitUntilAsync(() =>
        {
            var dir = Path.Combine(app.DataRoot, "mail");
            eml = Directory.Exists(dir) ? Directory.GetFiles(dir, "*.eml").Select(File.ReadAllText).FirstOrDefault(t => t.Contains(email, StringComparison.Ordinal)) : null;
            return Task.FromResult(eml is not null);
        }, "the reset email");
        var body = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(eml!.Split("Content-Transfer-Encoding: base64")[1].Split('\n').Select(l => l.Trim()))));
        var link = WebUtility.HtmlDecode(ResetLink().Match(body).Groups[1].Value);
        link.Should().NotBeEmpty(body);
        var code = new Uri(new Uri(app.Url), link).Query.Split('&').First(p => p.TrimStart('?').StartsWith("code=", StringComparison.Ordinal)).Split('=', 2)[1];
        code.Length.Should().BeGreaterThan(20);

        await page.GotoAsync(link);
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", NewPassword);
        await page.FillAsync("#Input_ConfirmPassword", NewPassword);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.GetByText("Your password has been reset")).ToBeVisibleAsync();

        // The link works once.
        await page.GotoAsync(link);
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", NewPassword + " again");
        await page.FillAsync("#Input_ConfirmPassword", NewPassword + " again");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.GetByText("Invalid token")).ToBeVisibleAsync();

        await page.GotoAsync("/Identity/Account/Login");
        await page.FillAsync("#Input_UserName", "kgd.munoz");
        await page.FillAsync("#Input_Password", NewPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(u => !u.Contains("/Identity/Account/Login", StringComparison.Ordinal));
        var cookie = (await context.CookiesAsync()).Single(c => c.Name == "barangay.auth").Value;
        await context.CloseAsync();

        var secrets = new[] { WrongPassword, NewPassword, code, Uri.UnescapeDataString(code), cookie[..Math.Min(40, cookie.Length)] };
        var log = app.Output;
        log.Should().NotBeNullOrWhiteSpace();
        foreach (var s in secrets) log.Should().NotContain(s);

        await using var conn = new NpgsqlConnection(e2e.Database.OwnerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT coalesce(string_agg(details::text, ' '), '') FROM audit_logs", conn);
        var audit = (string)(await cmd.ExecuteScalarAsync())!;
        foreach (var s in secrets) audit.Should().NotContain(s);
        audit.Should().Contain("wrong username or password", "the failure was recorded, and searched");
    }

    [GeneratedRegex("href=['\"]([^'\"]*ResetPassword[^'\"]*)['\"]")]
    private static partial Regex ResetLink();
}
