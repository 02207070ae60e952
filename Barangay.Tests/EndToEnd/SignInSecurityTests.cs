using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class SignInSecurityTests(EndToEndFixture e2e)
{
    /// <summary>The Web Workers the pages of <see cref="TryAsync"/> started (the proof-of-work's solver).</summary>
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _workers = new();

    private async Task<IPage> TryAsync(string user, string password)
    {
        var page = await e2e.NewPageAsync(EndToEndFixture.Desktop);
        page.Worker += (_, w) => _workers.Enqueue(w.Url);
        await page.GotoAsync("/Identity/Account/Login");
        await page.FillAsync("#Input_UserName", user);
        await page.FillAsync("#Input_Password", password);
        await page.ClickAsync("#login-submit");
        return page;
    }

    /// <summary>
    /// As a stranger's browser does against an attacked account: a fresh page does not know the account, so the
    /// first answer may ask for a dearer check; the browser solves the new one and the password is sent again.
    /// </summary>
    private async Task<IPage> TryHardAsync(string user, string password)
    {
        var page = await TryAsync(user, password);
        var errors = page.GetByTestId("login-errors");
        for (var i = 0; i < 3; i++)
        {
            await Expect(errors).Not.ToBeEmptyAsync(new() { Timeout = 20_000 });
            if (!(await errors.InnerTextAsync()).Contains("security check", StringComparison.Ordinal)) break;
            await page.FillAsync("#Input_Password", password);
            await page.ClickAsync("#login-submit");
            await Expect(errors).Not.ToContainTextAsync("security check", new() { Timeout = 30_000 });
        }
        return page;
    }

    private async Task SqlAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(e2e.Database.OwnerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(e2e.Database.OwnerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Anonymous_OpensHome_IsSentToSignIn()
    {
        var page = await e2e.NewPageAsync(EndToEndFixture.Phone);
        await page.GotoAsync("/admin/users");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Identity/Account/Login\\?ReturnUrl=%2Fadmin%2Fusers"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Anonymous_OpensOfficialsPage_SeesTheRoster()
    {
        var page = await e2e.NewPageAsync(EndToEndFixture.Phone);
        await page.GotoAsync("/officials");
        await Expect(page.Locator(".official-name").First).ToHaveTextAsync("Ricardo M. Dela Cruz");
        await Expect(page.GetByText("Punong Barangay")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task UnknownPage_ShowsFriendlyNotFound()
    {
        var page = await e2e.NewPageAsync(EndToEndFixture.Desktop);
        var response = await page.GotoAsync("/no-such-page");
        response!.Status.Should().Be(404);
        await Expect(page.GetByText("Page not found").First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WrongPassword_IsRefusedWithMessageAndRecorded()
    {
        var page = await TryAsync(DemoAccounts.OfficialUser, "not-the-password");
        await Expect(page.GetByTestId("login-errors")).ToContainTextAsync("The username or password is not correct.");
        (await CountAsync("SELECT count(*) FROM failed_logins WHERE username = 'secretary'")).Should().BeGreaterThan(0);
        (await CountAsync("SELECT count(*) FROM audit_logs WHERE action_type = 'LoginFailed'")).Should().BeGreaterThan(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DisabledAccount_RightPassword_IsToldWhy()
    {
        await SqlAsync("UPDATE users SET status = 'disabled' WHERE username = 'kgd.reyes'");
        await SqlAsync($"UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE username = '{DemoAccounts.OfficialUser}') WHERE username = 'kgd.reyes'");
        var page = await TryAsync("kgd.reyes", DemoAccounts.OfficialPassword);
        await Expect(page.GetByTestId("login-errors")).ToContainTextAsync("This account has been disabled");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Identity/Account/Login"));
        await page.Context.CloseAsync();

        var wrong = await TryAsync("kgd.reyes", "wrong-password-1");
        await Expect(wrong.GetByTestId("login-errors")).ToContainTextAsync("The username or password is not correct.", new() { Timeout = 10_000 });
        await wrong.Context.CloseAsync();
    }

    [Fact]
    public async Task PendingAccount_RightPassword_IsToldItIsUnderReview()
    {
        await SqlAsync("UPDATE users SET status = 'pending' WHERE username = 'kgd.bautista'");
        await SqlAsync($"UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE username = '{DemoAccounts.OfficialUser}') WHERE username = 'kgd.bautista'");
        var page = await TryAsync("kgd.bautista", DemoAccounts.OfficialPassword);
        await Expect(page.GetByTestId("login-errors")).ToContainTextAsync("still being reviewed");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task UnknownUser_AndWrongPassword_GetTheSameMessage()
    {
        var unknown = await TryAsync("no.such.person", "some-password-123");
        var wrong = await TryAsync(DemoAccounts.AdminUser, "some-password-123");
        var a = await unknown.GetByTestId("login-errors").InnerTextAsync();
        var b = await wrong.GetByTestId("login-errors").InnerTextAsync();
        a.Trim().Should().Be("The username or password is not correct.").And.Be(b.Trim());
        await unknown.Context.CloseAsync();
        await wrong.Context.CloseAsync();
    }

    [Fact]
    public async Task ThreeFailures_TheBrowserMustSolveTheChallenge()
    {
        for (var i = 0; i < 3; i++)
        {
            var p = await TryAsync("kgd.ocampo", $"wrong-password-{i}");
            await Expect(p.GetByTestId("login-errors")).ToContainTextAsync("The username or password is not correct.");
            if (i == 2)
            {
                // The page now shows the check, and the browser solves it by itself (SHA-256 in JavaScript), in a Web
                // Worker: on the page itself the work blocked taps for seconds on a slow phone.
                await Expect(p.GetByTestId("pow-challenge")).ToBeVisibleAsync();
                await Expect(p.GetByTestId("pow-challenge")).ToContainTextAsync("Security check done.");
                _workers.Should().Contain(u => u.EndsWith("/js/altcha-worker.js", StringComparison.Ordinal));
                await Screenshots.SaveAsync(p, "sign-in-challenge-phone");
            }
            await p.Context.CloseAsync();
        }

        // A robot that does not do the work is refused before its password is even looked at.
        var noScript = await e2e.Browser.NewContextAsync(new() { BaseURL = e2e.App.Url, JavaScriptEnabled = false });
        var page = await noScript.NewPageAsync();
        await page.GotoAsync("/Identity/Account/Login");
        await page.FillAsync("#Input_UserName", "kgd.ocampo");
        await page.FillAsync("#Input_Password", "wrong-password-4");
        await page.ClickAsync("#login-submit");
        await Expect(page.GetByTestId("login-errors")).ToContainTextAsync("security check");
        (await CountAsync("SELECT count(*) FROM failed_logins WHERE username = 'kgd.ocampo'")).Should().Be(3, "an attempt without the work is not even tried");
        await noScript.CloseAsync();
    }

    [Fact]
    public async Task TenWrongPasswords_PauseTheAccountForStrangers_ButNotForTheOwnersBrowser_AndAnUnknownNameAlike()
    {
        await SqlAsync($"UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE username = '{DemoAccounts.OfficialUser}') WHERE username = 'kgd.villanueva'");
        // The owner signed in on this browser before: it keeps the account's mark (and nothing else) after signing out.
        var owner = await e2e.SignInAsync("kgd.villanueva", DemoAccounts.OfficialPassword, EndToEndFixture.Desktop);
        var known = (await owner.Context.CookiesAsync()).Where(c => c.Name == "barangay.known").ToList();
        known.Should().ContainSingle();
        await owner.Context.ClearCookiesAsync();
        await owner.Context.AddCookiesAsync(known.Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path }));

        for (var i = 0; i < 10; i++)
        {
            var p = await TryHardAsync("kgd.villanueva", $"wrong-{i}");
            await Expect(p.GetByTestId("login-errors")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await p.Context.CloseAsync();
        }
        var page = await TryHardAsync("kgd.villanueva", DemoAccounts.OfficialPassword);
        await Expect(page.GetByTestId("login-errors")).ToContainTextAsync("paused for 15 minutes", new() { Timeout = 20_000 });
        await page.Context.CloseAsync();
        (await CountAsync("SELECT count(*) FROM audit_logs WHERE action_type = 'Lockout'")).Should().Be(1);
        (await CountAsync("SELECT count(*) FROM users WHERE username = 'kgd.villanueva' AND lockout_end > now()")).Should().Be(0, "no lock that keeps everyone out");

        // Someone else's guesses do not keep the owner out.
        await owner.GotoAsync("/Identity/Account/Login");
        await owner.FillAsync("#Input_UserName", "kgd.villanueva");
        await owner.FillAsync("#Input_Password", DemoAccounts.OfficialPassword);
        await owner.ClickAsync("#login-submit");
        await owner.WaitForURLAsync(u => !u.Contains("/Identity/Account/Login", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await owner.Context.CloseAsync();

        for (var i = 0; i < 10; i++)
        {
            var p = await TryHardAsync("nobody.at.all", $"wrong-{i}");
            await Expect(p.GetByTestId("login-errors")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await p.Context.CloseAsync();
        }
        var unknown = await TryHardAsync("nobody.at.all", "wrong-again-1");
        await Expect(unknown.GetByTestId("login-errors")).ToContainTextAsync("paused for 15 minutes", new() { Timeout = 20_000 });
        await unknown.Context.CloseAsync();
    }

    [Fact]
    public async Task SignOut_OldCookieReplayed_IsNoLongerAccepted()
    {
        var page = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Desktop);
        await Expect(page.Locator("#resident-home")).ToBeVisibleAsync();
        var cookies = await page.Context.CookiesAsync();

        await page.GetByTestId("user-chip").ClickAsync();
        await page.GetByTestId("sign-out").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Identity/Account/Login"));

        // A stolen copy of the cookie, replayed after sign-out, is refused: the session ended on the server.
        var replay = await e2e.NewPageAsync(EndToEndFixture.Desktop);
        await replay.Context.AddCookiesAsync(cookies.Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path }));
        await replay.GotoAsync("/");
        await Expect(replay).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Identity/Account/Login"));
        (await CountAsync("SELECT count(*) FROM audit_logs WHERE action_type = 'Logout'")).Should().BeGreaterThan(0);
        await page.Context.CloseAsync();
        await replay.Context.CloseAsync();
    }

    [Fact]
    public async Task CookieFromOneAppProcess_IsAcceptedByAnother()
    {
        var page = await e2e.SignInAsync(DemoAccounts.AdminUser, DemoAccounts.AdminPassword, EndToEndFixture.Desktop);
        await Expect(page.Locator("#admin-home")).ToBeVisibleAsync();
        var cookies = await page.Context.CookiesAsync();

        // Data Protection keys live in the database: a restarted app, or a second replica, reads the same cookie.
        await using var second = await AppProcess.StartAsync(e2e.Database.AppConnectionString);
        var other = await e2e.Browser.NewContextAsync(new() { BaseURL = second.Url });
        var host = new Uri(second.Url).Host;
        await other.AddCookiesAsync(cookies.Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = host, Path = c.Path }));
        var p2 = await other.NewPageAsync();
        await p2.GotoAsync("/");
        await Expect(p2.Locator("#admin-home")).ToHaveTextAsync("System administration");
        await other.CloseAsync();
        await page.Context.CloseAsync();
    }
}
