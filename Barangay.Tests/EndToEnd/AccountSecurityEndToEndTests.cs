using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Security;
using Barangay.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd;

/// <summary>A person's own account security in Chromium: MFA with an authenticator app, password and email changes.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class AccountSecurityEndToEndTests(EndToEndFixture e2e)
{
    private const string Password = "Sampaguita-garden-2026";

    // Each check follows a form post answered by the server; with five builds sharing two cores that can take
    // longer than Playwright's 5 s default, so these waits are generous (they end as soon as the page is right).
    private static readonly LocatorAssertionsToContainTextOptions Slow = new() { Timeout = 30_000 };
    private static readonly PageAssertionsToHaveURLOptions SlowUrl = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToHaveCountOptions SlowCount = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToBeVisibleOptions SlowVisible = new() { Timeout = 30_000 };

    /// <summary>A fresh account of its own, so the demo accounts other tests sign in with stay as they are.</summary>
    private async Task<Guid> CreateUserAsync(string name, params string[] roles)
    {
        await using var services = new TestServices(e2e.Database.AppConnectionString);
        var users = services.Get<UserManager<User>>();
        var u = new User { UserName = name, Email = $"{name}@example.ph", FullName = $"Rosa {name}", Roles = roles.Length == 0 ? [AppRoles.Resident] : [.. roles], LockoutEnabled = true, EmailConfirmed = true };
        (await users.CreateAsync(u, Password)).Succeeded.Should().BeTrue();
        return u.Id;
    }

    private async Task<object?> ScalarAsync(string sql, params object[] args)
    {
        await using var conn = new NpgsqlConnection(e2e.Database.OwnerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var a in args) cmd.Parameters.AddWithValue(a);
        return await cmd.ExecuteScalarAsync();
    }

    private static async Task SubmitPasswordAsync(IPage page, string user)
    {
        await page.GotoAsync("/Identity/Account/Login");
        await page.FillAsync("#Input_UserName", user);
        await page.FillAsync("#Input_Password", Password);
        await page.ClickAsync("#login-submit");
    }

    private async Task<IPage> PasswordStepAsync(string user)
    {
        var page = await e2e.NewPageAsync(EndToEndFixture.Desktop);
        await SubmitPasswordAsync(page, user);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Identity/Account/LoginWith2fa"), SlowUrl);
        return page;
    }

    private static async Task ExpectSignedInAsync(IPage page)
    {
        await page.WaitForURLAsync(u => !u.Contains("/Identity/Account/", StringComparison.Ordinal));
        await EndToEndFixture.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("user-chip")).ToBeVisibleAsync(SlowVisible);
    }

    [Fact]
    public async Task Mfa_EnableThenSignInWithPasswordAndCode_WrongCodeRefused_RecoveryCodeWorksOnce()
    {
        const string name = "rosa-mfa";
        var id = await CreateUserAsync(name);
        var page = await e2e.SignInAsync(name, Password, EndToEndFixture.Desktop);

        await page.GotoAsync("/Identity/Account/Manage/TwoFactorAuthentication");
        await Expect(page.GetByTestId("mfa-state")).ToContainTextAsync("off", Slow);
        await page.GetByTestId("setup-mfa").ClickAsync();
        await Expect(page.GetByTestId("mfa-qr")).ToBeVisibleAsync(SlowVisible);
        var key = (await page.GetByTestId("mfa-key").InnerTextAsync()).Trim();
        await Screenshots.SaveAsync(page, "mfa-setup-desktop");

        // A wrong code first: refused, MFA stays off.
        await page.FillAsync("#Input_Code", Totp.WrongCode(key));
        await page.GetByTestId("enable-mfa-submit").ClickAsync();
        await Expect(page.GetByTestId("form-errors")).ToContainTextAsync("that code is not right", Slow);
        (await ScalarAsync("SELECT mfa_enabled FROM users WHERE id = $1", id)).Should().Be(false);

        await page.FillAsync("#Input_Code", Totp.Code(key));
        await page.GetByTestId("enable-mfa-submit").ClickAsync();
        await Expect(page.GetByTestId("recovery-code")).ToHaveCountAsync(MfaPolicy.RecoveryCodeCount, SlowCount);
        var codes = await page.GetByTestId("recovery-code").AllInnerTextsAsync();
        await Screenshots.SaveAsync(page, "mfa-recovery-codes-desktop");
        (await ScalarAsync("SELECT mfa_enabled FROM users WHERE id = $1", id)).Should().Be(true, "users.mfa_enabled is kept in step");

        // This browser stays signed in (the cookie was re-issued with the new security stamp). Then sign out.
        await page.GotoAsync("/");
        await EndToEndFixture.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("user-chip")).ToBeVisibleAsync(SlowVisible);
        await page.EvaluateAsync("document.getElementById('sign-out-form').requestSubmit()");
        // Signed out: home sends an anonymous visitor to the sign-in page.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Identity/Account/Login"), SlowUrl);

        // Password, then the code; a wrong code is refused with a clear message.
        await SubmitPasswordAsync(page, name);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Identity/Account/LoginWith2fa"), SlowUrl);
        await page.FillAsync("#Code", Totp.WrongCode(key));
        await page.ClickAsync("#mfa-submit");
        await Expect(page.GetByTestId("login-errors")).ToContainTextAsync("That code is not right", Slow);
        await Screenshots.SaveAsync(page, "mfa-wrong-code-desktop");
        await page.FillAsync("#Code", Totp.Code(key));
        await page.ClickAsync("#mfa-submit");
        await ExpectSignedInAsync(page);
        await page.Context.CloseAsync();

        // A recovery code instead of the phone: works once.
        var phone = await e2e.NewPageAsync(EndToEndFixture.Phone);
        await SubmitPasswordAsync(phone, name);
        await Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Identity/Account/LoginWith2fa"), SlowUrl);
        await Screenshots.SaveAsync(phone, "mfa-code-phone");
        await phone.GetByTestId("use-recovery-code").ClickAsync();
        await phone.FillAsync("#RecoveryCode", codes[0]);
        await phone.ClickAsync("#recovery-submit");
        await ExpectSignedInAsync(phone);
        await phone.Context.CloseAsync();

        var again = await PasswordStepAsync(name);
        await again.GetByTestId("use-recovery-code").ClickAsync();
        await again.FillAsync("#RecoveryCode", codes[0]);
        await again.ClickAsync("#recovery-submit");
        await Expect(again.GetByTestId("login-errors")).ToContainTextAsync("used already", Slow);
        await Expect(again).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Identity/Account/LoginWithRecoveryCode"), SlowUrl);
        await again.Context.CloseAsync();

        (await ScalarAsync("SELECT count(*) FROM audit_logs WHERE target_id = $1 AND action_type = 'MfaRecoveryCodeUsed'", id.ToString())).Should().Be(1L);
        (await ScalarAsync("SELECT count(*) FROM failed_logins WHERE username = $1", name)).Should().Be(2L, "the wrong code and the reused recovery code");
    }

    [Fact]
    public async Task PasswordChange_EndsTheOtherDevicesOpenPage_WithinAMinute_ThisOneStays()
    {
        const string name = "rosa-password";
        var id = await CreateUserAsync(name);
        var other = await e2e.SignInAsync(name, Password, EndToEndFixture.Phone);
        var here = await e2e.SignInAsync(name, Password, EndToEndFixture.Desktop);

        await here.GotoAsync("/Identity/Account/Manage/ChangePassword");
        await here.FillAsync("#Input_CurrentPassword", "not-my-password-at-all");
        await here.FillAsync("#Input_NewPassword", "Ilang-ilang-blossom-2027");
        await here.FillAsync("#Input_ConfirmPassword", "Ilang-ilang-blossom-2027");
        await here.GetByTestId("change-password-submit").ClickAsync();
        await Expect(here.GetByTestId("form-errors")).ToContainTextAsync("not your current password", Slow);

        await here.FillAsync("#Input_CurrentPassword", Password);
        await here.FillAsync("#Input_NewPassword", "Ilang-ilang-blossom-2027");
        await here.FillAsync("#Input_ConfirmPassword", "Ilang-ilang-blossom-2027");
        await Screenshots.SaveAsync(here, "change-password-desktop");
        await here.GetByTestId("change-password-submit").ClickAsync();
        await Expect(here.GetByTestId("manage-status")).ToContainTextAsync("other devices were signed out", Slow);
        (await ScalarAsync("SELECT count(*) FROM sessions WHERE user_id = $1 AND NOT revoked", id)).Should().Be(1L, "the other session's row is revoked at once");

        // The other device's open page (a live circuit) ends within a minute.
        await Expect(other.GetByTestId("user-chip")).ToBeHiddenAsync(new() { Timeout = 62_000 });
        await other.ReloadAsync();
        await Expect(other).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Identity/Account/Login"), SlowUrl);

        await here.GotoAsync("/");
        await EndToEndFixture.WaitInteractiveAsync(here);
        await Expect(here.GetByTestId("user-chip")).ToBeVisibleAsync(SlowVisible);
        await here.Context.CloseAsync();
        await other.Context.CloseAsync();
    }

    [Fact]
    public async Task EmailChange_NeedsThePassword_AppliesWhenTheEmailedLinkIsOpened()
    {
        const string name = "rosa-email";
        var id = await CreateUserAsync(name);
        var page = await e2e.SignInAsync(name, Password, EndToEndFixture.Phone);
        await page.GotoAsync("/Identity/Account/Manage/Email");
        await page.FillAsync("#Input_NewEmail", "rosa.new@example.ph");
        await page.FillAsync("#Input_CurrentPassword", "wrong-password-here");
        await page.GetByTestId("email-submit").ClickAsync();
        await Expect(page.GetByTestId("form-errors")).ToContainTextAsync("not your current password", Slow);
        await Screenshots.SaveAsync(page, "email-change-phone");

        await page.FillAsync("#Input_NewEmail", "rosa.new@example.ph");
        await page.FillAsync("#Input_CurrentPassword", Password);
        await page.GetByTestId("email-submit").ClickAsync();
        await Expect(page.GetByTestId("manage-status")).ToContainTextAsync("confirmation link", Slow);
        (await ScalarAsync("SELECT email FROM users WHERE id = $1", id)).Should().Be($"{name}@example.ph");

        var body = (string)(await ScalarAsync("SELECT body FROM email_queue WHERE to_email = 'rosa.new@example.ph' ORDER BY created_at DESC LIMIT 1"))!;
        var link = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(body, "href=\"([^\"]+)\"").Groups[1].Value);
        await page.GotoAsync(link);
        await Expect(page.GetByTestId("email-change-result")).ToContainTextAsync("Your email address was changed", Slow);
        (await ScalarAsync("SELECT email FROM users WHERE id = $1", id)).Should().Be("rosa.new@example.ph");
        await page.GotoAsync(link);
        await Expect(page.GetByTestId("email-change-result")).ToContainTextAsync("Your email address was changed", Slow); // opening it again changes nothing more
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task MfaRequiredForAdmins_AdminWithoutMfa_IsSentToSetItUpBeforeAnythingElse()
    {
        const string name = "rosa-admin";
        await CreateUserAsync(name, AppRoles.Admin);
        await ScalarAsync("INSERT INTO app_settings (key, value) VALUES ('security.mfa_required_for_admins', 'true') ON CONFLICT (key) DO UPDATE SET value = 'true'");
        try
        {
            var page = await e2e.NewPageAsync(EndToEndFixture.Desktop);
            await SubmitPasswordAsync(page, name);
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Identity/Account/Manage/EnableAuthenticator"), SlowUrl);
            await Expect(page.GetByTestId("mfa-required")).ToBeVisibleAsync(SlowVisible);
            await page.GotoAsync("/admin/users");
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Identity/Account/Manage/EnableAuthenticator"), SlowUrl);
            // Downloads whose address ends in an extension are the hall's data too (the blotter names confidential
            // complaints to an admin): a password alone must not fetch them before the authenticator is set up.
            foreach (var path in new[] { "/complaints/blotter.pdf", $"/reports/form-c.xlsx?year={TestClock.ManilaToday.Year}&quarter=1" })
            {
                var download = await page.APIRequest.GetAsync(path, new() { MaxRedirects = 0 });
                download.Status.Should().Be(302, path);
                download.Headers["location"].Should().Contain("/Identity/Account/Manage/EnableAuthenticator", path);
            }

            var key = (await page.GetByTestId("mfa-key").InnerTextAsync()).Trim();
            await page.FillAsync("#Input_Code", Totp.Code(key));
            await page.GetByTestId("enable-mfa-submit").ClickAsync();
            await Expect(page.GetByTestId("recovery-code")).ToHaveCountAsync(MfaPolicy.RecoveryCodeCount, SlowCount);
            await page.GotoAsync("/admin/users");
            await EndToEndFixture.WaitInteractiveAsync(page);
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/users$"), SlowUrl);
            await page.Context.CloseAsync();
        }
        finally
        {
            await ScalarAsync("DELETE FROM app_settings WHERE key = 'security.mfa_required_for_admins'");
        }
    }
}

/// <summary>"Download my data" from the resident's profile page on a phone.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class DownloadMyDataEndToEndTests(EndToEndFixture e2e)
{
    [Fact]
    public async Task DownloadMyData_FromMyProfile_GivesTheResidentsOwnJson()
    {
        var page = await e2e.SignInAsync(Barangay.Data.Seed.DemoAccounts.ResidentUser, Barangay.Data.Seed.DemoAccounts.ResidentPassword, EndToEndFixture.Phone);
        await page.GotoAsync("/me");
        await EndToEndFixture.WaitInteractiveAsync(page);
        var button = page.GetByTestId("download-my-data");
        await button.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "my-data-phone");
        var download = await page.RunAndWaitForDownloadAsync(() => button.ClickAsync());
        download.SuggestedFilename.Should().StartWith("my-data-RES-").And.EndWith(".json");
        var path = await download.PathAsync();
        using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllBytesAsync(path));
        json.RootElement.GetProperty("account").GetProperty("user_name").GetString().Should().Be(Barangay.Data.Seed.DemoAccounts.ResidentUser);
        json.RootElement.GetProperty("document_requests").GetArrayLength().Should().BeGreaterThan(0);
        (await File.ReadAllTextAsync(path)).Should().NotContain("password_hash").And.NotContain("session_token");

        // The address takes no id: asking with someone else's gets one's own data all the same.
        var response = await page.APIRequest.GetAsync("/me/my-data?userId=00000000-0000-0000-0000-000000000001&residentId=x");
        response.Status.Should().Be(200);
        (await response.TextAsync()).Should().Contain("\"user_name\": \"juan\"");
        await page.Context.CloseAsync();
    }
}
