using System.Globalization;
using System.Text.RegularExpressions;
using Barangay.Data.Localization;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// Walking every page of <see cref="AccessibilityPages.All"/> as each role that sees it, shared by the accessibility
/// test and the Filipino completeness test: the demo content the pages should show full (not empty), a browser signed
/// in as a role (in a chosen browser language), the address of a page with its demo id, and whether what the browser
/// shows is the page itself rather than the sign-in page or a refusal.
/// </summary>
public sealed partial class PageWalk(EndToEndFixture e2e, Action<string> log)
{
    /// <summary>The thread and the Katarungang Pambarangay case the demo barangay lacks, so their pages are walked full.</summary>
    public async Task EnsureDemoContentAsync()
    {
        await EnsureConversationAsync();
        await EnsureKpCaseAsync();
    }

    /// <summary>
    /// A browser as <paramref name="role"/> on a 1366×900 desktop whose browser prefers <paramref name="locale"/>
    /// (a signed-in person's saved language wins over it: the caller checks the page's language).
    /// </summary>
    public async Task<IPage> OpenAsAsync(AxeRole role, string locale = "en-PH")
    {
        var page = await NewPageAsync(locale);
        var (user, password) = role switch
        {
            AxeRole.Anonymous => (null, null),
            AxeRole.Resident => (DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword),
            AxeRole.Secretary => (DemoAccounts.OfficialUser, DemoAccounts.OfficialPassword),
            AxeRole.Treasurer => (DemoAccounts.TreasurerUser, DemoAccounts.TreasurerPassword),
            _ => (DemoAccounts.AdminUser, DemoAccounts.AdminPassword),
        };
        if (user is null) return page;
        await page.GotoAsync("/");
        await page.FillAsync("#Input_UserName", user);
        await page.FillAsync("#Input_Password", password!);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(u => !u.Contains("/Identity/Account/Login", StringComparison.Ordinal));
        await EndToEndFixture.WaitInteractiveAsync(page);
        return page;
    }

    private async Task<IPage> NewPageAsync(string locale)
    {
        if (locale == "en-PH") return await e2e.NewPageAsync(EndToEndFixture.Desktop);
        var context = await e2e.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = e2e.App.Url, ViewportSize = EndToEndFixture.Desktop, Locale = locale, TimezoneId = "Asia/Manila",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>The address to open: the route with its parameter filled from the demo data.</summary>
    public async Task<string> UrlAsync(AxePage entry)
    {
        if (entry.IdQuery is null) return entry.Route;
        await using var conn = new Npgsql.NpgsqlConnection(e2e.Database.AppConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(entry.IdQuery, conn);
        var value = await cmd.ExecuteScalarAsync();
        if (value is null or DBNull)
        {
            log($"{entry.Route}: the demo data has no row for it; checking its 'not found' state");
            value = Guid.Empty;
        }
        return RouteParameter().Replace(entry.Route, Convert.ToString(value, CultureInfo.InvariantCulture)!);
    }

    /// <summary>A page the role may not see shows "not for your account" or the sign-in page: checking that would prove nothing.</summary>
    public static async Task<bool> IsThePageItselfAsync(IPage page, AxePage entry, AxeRole role, string where, List<string> failures)
    {
        if (!entry.Route.StartsWith("/Identity/", StringComparison.Ordinal) && page.Url.Contains("/Identity/Account/Login", StringComparison.Ordinal))
        {
            failures.Add($"{where}: sent to the sign-in page; list the page under a role that may see it");
            return false;
        }
        const string refusal = "This page is not for your account";
        // The refusal pages themselves say it: the app's and the account pages' (AccessDenied).
        if (entry.Route != "/forbidden" && !entry.Route.EndsWith("/AccessDenied", StringComparison.Ordinal)
            && (await page.GetByText(refusal).CountAsync() > 0 || await page.GetByText(Texts.Get(refusal, AppLanguages.FilipinoCulture)).CountAsync() > 0))
        {
            failures.Add($"{where}: 'not for your account' ({role}); list the page under a role that may see it");
            return false;
        }
        return true;
    }

    /// <summary>Waits until the page shows the theme asked for, the layout fits the screen and nothing is loading.</summary>
    public static async Task SettleAsync(IPage page, string theme, string screen)
    {
        // Account pages and the static pages (verify, keys, charter) have no circuit and follow the browser's theme by CSS alone.
        var path = new Uri(page.Url).AbsolutePath;
        if (await page.Locator("#app-interactive").CountAsync() > 0
            || (!page.Url.Contains("/Identity/", StringComparison.Ordinal) && !AccessibilityPages.Static.Contains(path)))
        {
            // The layout follows the browser's light/dark setting live and says which one it shows.
            await page.Locator($"#app-interactive[data-theme='{theme}']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            // On a phone the menu drawer closes itself once the screen has been measured; on a desktop it stays open.
            var drawer = page.Locator(screen == "phone" ? ".mud-drawer--open" : ".mud-drawer--closed");
            await drawer.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        }
        // Loading indicators only: a determinate bar (a fan-out's progress, seats taken) is content, not loading.
        await page.Locator(".mud-progress-linear.mud-progress-indeterminate:visible, .mud-progress-circular.mud-progress-indeterminate:visible, .mud-table-loading:visible")
            .First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        // Transitions (drawer slide, the theme's colour fade) pass through colours the page never rests on: wait for
        // every running one to finish (transitions only: a spinner's animation never does), then for the frame that follows them to be painted.
        await page.EvaluateAsync("""
            () => new Promise(r => requestAnimationFrame(() =>
                Promise.allSettled(document.getAnimations().filter(a => a instanceof CSSTransition).map(a => a.finished))
                    .then(() => requestAnimationFrame(() => requestAnimationFrame(r)))))
            """);
    }

    /// <summary>
    /// The demo barangay has no message threads: the resident writes to the hall once, and once about his own complaint
    /// (a complaint's thread, which the complaint pages link to), so the thread pages are checked full, not empty.
    /// </summary>
    public async Task EnsureConversationAsync()
    {
        await using var host = new Barangay.Tests.Data.Messaging.MessagingTestHost(e2e.Database.AppConnectionString);
        await host.SignInAsync(DemoAccounts.ResidentUser);
        await using var db = await host.Services.DbAsync();
        var userId = await db.Users.Where(u => u.UserName == DemoAccounts.ResidentUser).Select(u => u.Id).SingleAsync();
        var juan = await db.Residents.Where(r => r.UserId == userId).Select(r => r.Id).SingleAsync();
        if (await db.Conversations.AnyAsync(c => c.ResidentId == juan)) return;
        var sent = await host.Messaging
            .StartWithHallAsync("Streetlight on Purok 1", new Barangay.Data.Messaging.NewMessage("The streetlight near the chapel has been out for a week."));
        sent.Ok.Should().BeTrue();
        var complaint = await db.Complaints.Where(c => c.ResidentId == juan).OrderByDescending(c => c.ReportedAt).Select(c => c.Id).FirstOrDefaultAsync();
        if (complaint != Guid.Empty)
        {
            var about = await host.Messaging.WriteAboutComplaintAsync(complaint, new Barangay.Data.Messaging.NewMessage("Is there any news about my complaint?"));
            about.Ok.Should().BeTrue(about.Message);
        }
        await e2e.ClearMessageNotificationsAsync(); // the hall's message notifications, as the other end-to-end tests expect them
    }

    /// <summary>
    /// The demo barangay has no Katarungang Pambarangay case: one of its open complaints between residents is taken up,
    /// the summons issued and a first hearing minuted, so the case page is checked with its step list, a done step and a
    /// hearing (not its "not found" state).
    /// </summary>
    public async Task EnsureKpCaseAsync()
    {
        await using var host = new Barangay.Tests.Data.Complaints.ComplaintsTestHost(e2e.Database.AppConnectionString);
        await using var db = await host.Services.DbAsync();
        if (await db.Set<Barangay.Data.Complaints.Kp.KpCase>().AnyAsync()) return;
        var complaint = await db.Complaints.AsNoTracking()
            .Where(c => c.ResidentId != null && !c.Confidential && c.Category != Barangay.Data.Complaints.Kp.KpIntakeRules.VawcCategory
                        && (c.Status == Barangay.Data.Complaints.ComplaintStatuses.New || c.Status == Barangay.Data.Complaints.ComplaintStatuses.InProgress))
            .OrderBy(c => c.ComplaintId).FirstAsync();
        await host.AsSecretaryAsync();
        var respondent = await db.Residents.AsNoTracking().Where(r => r.UserId == null && r.Id != complaint.ResidentId && r.RegistrationStatus == "active")
            .OrderBy(r => r.ResidentId).Select(r => r.Id).FirstAsync();
        var opened = await host.Kp.OpenAsync(complaint.Id, [new Barangay.Data.Complaints.Kp.KpRespondent("", respondent)], new Barangay.Data.Complaints.Kp.KpIntake());
        opened.Ok.Should().BeTrue(opened.Message);
        await host.AsKapitanAsync();
        var summoned = await host.Kp.IssueSummonsAsync(opened.Value!.Id, opened.Value.Version, host.Services.Get<TimeProvider>().GetUtcNow().UtcDateTime.AddDays(1));
        summoned.Ok.Should().BeTrue(summoned.Message);
        await host.AsSecretaryAsync();
        var heard = await host.Kp.RecordHearingAsync(summoned.Value!.Id,
            new Barangay.Data.Complaints.Kp.KpHearingInput(TestClock.UtcNow, [opened.Value.Complainant, "Respondent"], "Parties appeared; they asked for time to talk."), summoned.Value.Version);
        heard.Ok.Should().BeTrue(heard.Message);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
