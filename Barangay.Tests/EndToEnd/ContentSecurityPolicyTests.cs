using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// The app works in Chromium under its Content-Security-Policy (issue 19, item 15): each role signs in and opens
/// every page of its menu, and not one console error or CSP violation is reported on the way.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class ContentSecurityPolicyTests(EndToEndFixture e2e)
{
    private static readonly string[] ResidentPages =
        ["/", "/me", "/events", "/announcements", "/my/requests", "/my/requests/new", "/my/complaints", "/my/complaints/new", "/messages", "/notifications",
         "/Identity/Account/Manage", "/Identity/Account/Manage/Email", "/Identity/Account/Manage/ChangePassword"];

    private static readonly string[] OfficialPages =
        ["/", "/residents", "/households", "/registrations", "/exports", "/imports", "/hall/events", "/hall/announcements", "/documents",
         "/documents/new", "/documents/collections", "/complaints", "/complaints/new", "/complaints/kp", "/complaints/blotter", "/reports",
         "/messages/hall", "/officials"]; // /officials is static, no circuit (issue 29)

    private static readonly string[] AdminPages =
        ["/", "/admin/users", "/admin/security", "/admin/officials", "/admin/settings", "/admin/lookups", "/admin/audit", "/admin/outbox",
         "/admin/sms", "/jobs"];

    public static TheoryData<string, bool> Roles => new()
    {
        { "resident", false }, { "resident", true }, { "official", false }, { "official", true }, { "admin", false },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EveryMenuPage_OpensWithoutConsoleErrorsOrPolicyViolations(string role, bool phone)
    {
        var (user, password, pages) = role switch
        {
            "resident" => (DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, ResidentPages),
            "official" => (DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword, OfficialPages),
            _ => (DemoAccounts.AdminUser, DemoAccounts.AdminPassword, AdminPages),
        };
        var page = await e2e.NewPageAsync(phone ? EndToEndFixture.Phone : EndToEndFixture.Desktop);
        var problems = new List<string>();
        var current = "/Identity/Account/Login";
        page.Console += (_, m) => { if (m.Type == "error") lock (problems) problems.Add($"{current} ({m.Location}): {m.Text}"); };
        page.PageError += (_, e) => { lock (problems) problems.Add($"{current}: uncaught {e}"); };
        // Playwright's own scripts are not subject to the page's policy: this reports every violation, even one the console would not.
        await page.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
              console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
            """);

        await page.GotoAsync(current);
        await page.FillAsync("#Input_UserName", user);
        await page.FillAsync("#Input_Password", password);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(u => !u.Contains("/Identity/Account/Login", StringComparison.Ordinal));
        foreach (var path in pages)
        {
            current = path;
            var response = await page.GotoAsync(path);
            response!.Ok.Should().BeTrue($"{path} answered {response.Status}");
            if (!path.StartsWith("/Identity/", StringComparison.Ordinal) && path is not "/jobs" and not "/officials") await EndToEndFixture.WaitInteractiveAsync(page);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        lock (problems) problems.Should().BeEmpty();
        await page.Context.CloseAsync();
    }
}
