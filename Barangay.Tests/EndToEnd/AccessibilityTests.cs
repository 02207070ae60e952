using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// WCAG 2.2 AA, enforced (issue 25): axe-core over every routable page, for each role that sees it, in the light and
/// the dark theme, on a 1366×900 desktop and a 390×844 phone. Any serious or critical violation of a WCAG 2.0/2.1/2.2
/// A or AA rule fails, as does a page without one h1, a main landmark or the skip link, or a page that scrolls
/// sideways on the phone. One app and one browser for everything; each page is loaded once per role and then
/// resized and re-themed in place, which keeps the run to a few minutes.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public partial class AccessibilityTests(EndToEndFixture e2e, ITestOutputHelper output)
{
    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>The walk over AccessibilityPages.All (demo content, browsers per role, addresses), shared with the Filipino test.</summary>
    private PageWalk Walk => new(e2e, Log);

    [Fact]
    public void EveryRoutablePage_IsInTheAccessibilityList()
    {
        var routes = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(a => (a.Template, Type: t)))
            .ToList();
        routes.Should().NotBeEmpty();
        var listed = AccessibilityPages.All.Select(p => p.Route).Concat(AccessibilityPages.NotChecked.Keys).ToHashSet(StringComparer.Ordinal);

        var missing = routes.Where(r => !listed.Contains(r.Template))
            .Select(r => $"'{r.Template}' ({r.Type.FullName}) is not checked for accessibility: add "
                         + $"new(\"{r.Template}\", AxeRole.<who sees it>{(r.Template.Contains('{') ? ", \"SELECT id FROM <table> … LIMIT 1\"" : "")}), "
                         + "to AccessibilityPages.All in Barangay.Tests/EndToEnd/AccessibilityPages.cs")
            .ToList();
        missing.Should().BeEmpty("every routable page is checked by axe:\n" + string.Join("\n", missing));

        var gone = AccessibilityPages.All.Where(p => !p.Route.StartsWith("/Identity/", StringComparison.Ordinal) && !AccessibilityPages.Endpoints.Contains(p.Route))
            .Select(p => p.Route).Where(r => routes.All(x => x.Template != r)).ToList();
        gone.Should().BeEmpty("every listed route is still a page (remove those that are not from AccessibilityPages.All)");
    }

    [Fact]
    public async Task EveryPage_ForEachRoleThemeAndScreen_HasNoSeriousOrCriticalWcagViolation()
    {
        var clock = Stopwatch.StartNew();
        // AXE_ONLY="/my/|/residents" narrows a local run to matching routes while fixing them; the suite runs them all.
        var only = Environment.GetEnvironmentVariable("AXE_ONLY") is { Length: > 0 } pattern ? new Regex(pattern) : null;
        await Walk.EnsureDemoContentAsync();
        // One role after another: side by side they only slow each other down on a busy 2-core machine.
        var results = new List<(List<string> Failures, int Checks)>();
        foreach (var role in Enum.GetValues<AxeRole>()) results.Add(await CheckRoleAsync(role, only, clock));
        var failures = results.SelectMany(r => r.Failures).ToList();
        Log($"{results.Sum(r => r.Checks)} checks of {results.Sum(r => r.Checks) / 4} page views in {clock.Elapsed.TotalSeconds:0} s");
        await File.WriteAllLinesAsync(Path.Combine(Screenshots.Directory, "axe-failures.txt"), failures);
        failures.Should().BeEmpty("no page may have a serious or critical WCAG 2.2 A/AA violation:\n" + string.Join("\n", failures));
    }

    /// <summary>
    /// WCAG 1.4.10 and 1.4.4: at 320 CSS pixels wide (a 1280-pixel screen zoomed to 400%, or a small phone with large
    /// text) the resident's main pages read without scrolling sideways, and the app bar still shows the barangay's name.
    /// </summary>
    [Fact]
    public async Task ResidentPages_At320PixelsWide_DoNotScrollSideways()
    {
        var narrow = new ViewportSize { Width = 320, Height = 640 };
        var anonymous = await e2e.NewPageAsync(narrow);
        var failures = new List<string>();
        foreach (var url in new[] { "/Identity/Account/Login", "/Identity/Account/Register" })
        {
            await anonymous.GotoAsync(url);
            failures.AddRange(await SidewaysAsync(anonymous, url));
        }
        await anonymous.Context.CloseAsync();

        // Issue 24 item 7: on a 390 px phone the light/dark button is hidden and the barangay's name is shown whole.
        var phone = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Phone);
        await Assertions.Expect(phone.GetByLabel("Switch light or dark mode")).ToBeHiddenAsync();
        (await phone.GetByTestId("barangay-name").EvaluateAsync<bool>("el => el.scrollWidth <= el.clientWidth"))
            .Should().BeTrue("the barangay's name is not cut on a phone");
        await Screenshots.SaveAsync(phone, "a11y-app-bar-phone");
        await phone.Context.CloseAsync();

        var page = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, narrow);
        foreach (var url in new[] { "/", "/my/requests", "/my/requests/new", "/my/complaints/new", "/notifications", "/events" })
        {
            await page.GotoAsync(url);
            await PageWalk.SettleAsync(page, "light", "phone");
            failures.AddRange(await SidewaysAsync(page, url));
            var name = await page.GetByTestId("barangay-name").BoundingBoxAsync();
            name!.Width.Should().BeGreaterThan(60, "the barangay's name keeps room in the app bar at 320 px ({0})", url);
        }
        await Screenshots.SaveAsync(page, "a11y-events-320");
        await page.Context.CloseAsync();
        failures.Should().BeEmpty();
    }

    /// <summary>
    /// The resident's most common task by keyboard alone (WCAG 2.1.1, 2.4.1, 2.4.3, 2.4.7): the skip link is reachable
    /// and shown, it moves focus to the page, the form is filled and sent with keys, every stop has a visible ring, and
    /// the acknowledgement takes the focus so a screen reader announces it.
    /// </summary>
    [Fact]
    public async Task ResidentRequest_ByKeyboardAlone_SkipLinkFormAndAcknowledgement()
    {
        var page = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Desktop);
        await page.GotoAsync("/my/requests/new");
        await EndToEndFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("request-type")).ToBeVisibleAsync();

        // Backwards from wherever the page put the focus, the skip link comes first; it shows when focused.
        var skip = page.Locator("a.skip-link");
        await KeyUntilFocusedAsync(page, "Shift+Tab", skip);
        (await skip.BoundingBoxAsync())!.Y.Should().BeGreaterThanOrEqualTo(0, "the skip link is on screen once it has the focus");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#main-content")).ToBeFocusedAsync();
        page.Url.Should().EndWith("/my/requests/new", "the skip link moves the focus, it does not navigate");

        // The document: Tab to the select, open it and pick with the arrow keys.
        var select = page.GetByTestId("request-type");
        await KeyUntilFocusedAsync(page, "Tab", select);
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".mud-popover-open .mud-list-item").First.WaitForAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("request-type-info")).ToBeVisibleAsync(new() { Timeout = 15_000 }); // a server round trip

        var purpose = EndToEndFixture.Field(page, "request-purpose");
        await KeyUntilFocusedAsync(page, "Tab", purpose, maxStops: 2); // the select kept the focus once it took the value
        await page.Keyboard.TypeAsync("Employment at a BPO company");
        var submit = page.GetByTestId("request-submit");
        var rings = await KeyUntilFocusedAsync(page, "Tab", submit);
        rings.Where(r => !r.Visible).Select(r => r.What).Should().BeEmpty("every control the keyboard stops on shows a focus ring");
        var sent = Stopwatch.StartNew();
        await page.Keyboard.PressAsync("Enter");

        // The acknowledgement replaces the form once the request is saved and the phone's saved draft is forgotten
        // (DraftKeeper.ForgetAsync, up to 5 s), so on a busy machine it takes longer than an assertion's default 5 s:
        // it was once "not found" there. Its h1 then takes the focus (FocusHeading), a further round trip.
        var ack = page.GetByTestId("request-ack").Locator("h1");
        await Assertions.Expect(ack).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(ack).ToBeFocusedAsync(new() { Timeout = 15_000 });
        Log($"request acknowledged and its heading focused {sent.ElapsedMilliseconds} ms after Enter");
        await Screenshots.SaveAsync(page, "a11y-keyboard-request-ack");
        await page.Context.CloseAsync();
    }

    /// <summary>A notification that arrives by itself is said by a screen reader (WCAG 4.1.3): the bell's status region gets its words.</summary>
    [Fact]
    public async Task NewNotification_WhileOpen_IsAnnouncedInTheStatusRegion()
    {
        var page = await e2e.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword, EndToEndFixture.Desktop);
        await EndToEndFixture.WaitBellLiveAsync(page);
        var announcer = page.GetByTestId("notification-announcer");
        await Assertions.Expect(announcer).ToHaveAttributeAsync("role", "status");
        await Assertions.Expect(announcer).ToHaveTextAsync("", new() { UseInnerText = true });

        await using var conn = new Npgsql.NpgsqlConnection(e2e.Database.AppConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT id FROM users WHERE username = 'juan'", conn);
        var juan = (Guid)(await cmd.ExecuteScalarAsync())!;
        var id = await Barangay.Tests.Data.Notifications.NotificationTestData.InsertAsync(e2e.Database.AppConnectionString, juan, "Your clearance is ready.");
        try
        {
            await Assertions.Expect(announcer).ToContainTextAsync("New notification.");
        }
        finally
        {
            // The end-to-end database is shared: leave the demo resident with his two unread notifications.
            await Barangay.Tests.Data.Notifications.NotificationTestData.DeleteAsync(e2e.Database.AppConnectionString, id);
            await page.Context.CloseAsync();
        }
    }

    /// <summary>
    /// Presses <paramref name="key"/> until <paramref name="target"/> (or something in it) has the focus (at most
    /// <paramref name="maxStops"/> times: a small number says the target is next in the focus order); reports each stop's focus ring.
    /// </summary>
    private static async Task<List<(string What, bool Visible)>> KeyUntilFocusedAsync(IPage page, string key, ILocator target, int maxStops = 40)
    {
        var stops = new List<(string, bool)>();
        for (var i = 0; i < maxStops; i++)
        {
            await page.Keyboard.PressAsync(key);
            if (await target.EvaluateAsync<bool>("el => el.contains(document.activeElement)"))
            {
                stops.Add(await RingAsync(page));
                return stops;
            }
            var stop = await page.EvaluateAsync<string[]>("""
                () => { const el = document.activeElement; const s = getComputedStyle(el);
                        const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'
                                     || el.matches('input, textarea, select');
                        return [el.outerHTML.slice(0, 120), String(ring)]; }
                """);
            stops.Add((stop[0], stop[1] == "true"));
        }
        throw new InvalidOperationException($"{key} never reached the element; stops: " + string.Join(" | ", stops.Select(s => s.Item1)));
    }

    private static async Task<List<string>> SidewaysAsync(IPage page, string url)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        return overflow > 0 ? [$"{url}: scrolls sideways by {overflow} px at 320 px wide"] : [];
    }

    private async Task<(List<string> Failures, int Checks)> CheckRoleAsync(AxeRole role, Regex? only, Stopwatch clock)
    {
        var failures = new List<string>();
        var checks = 0;
        var pages = AccessibilityPages.All.Where(p => p.Roles.Contains(role) && (only is null || only.IsMatch(p.Route))).ToList();
        if (pages.Count == 0) return (failures, 0);
        var page = await Walk.OpenAsAsync(role);
        foreach (var entry in pages)
        {
            var url = await Walk.UrlAsync(entry);
            var started = clock.Elapsed;
            await page.SetViewportSizeAsync(EndToEndFixture.Desktop.Width, EndToEndFixture.Desktop.Height);
            await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
            await page.GotoAsync(url);
            if (entry.Then is not null) await entry.Then(page);
            var where = $"{role} {url}{(entry.Then is null ? "" : " (" + entry.Then.Method.Name + ")")}";
            if (!await PageWalk.IsThePageItselfAsync(page, entry, role, where, failures)) continue;

            foreach (var (theme, screen) in Variants)
            {
                if (screen == "phone") await page.SetViewportSizeAsync(EndToEndFixture.Phone.Width, EndToEndFixture.Phone.Height);
                else await page.SetViewportSizeAsync(EndToEndFixture.Desktop.Width, EndToEndFixture.Desktop.Height);
                await page.EmulateMediaAsync(new() { ColorScheme = theme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
                await PageWalk.SettleAsync(page, theme, screen);
                failures.AddRange(await CheckAsync(page, $"{where} [{theme}, {screen}]", theme, screen));
                checks++;
            }
            Log($"{where}: {(clock.Elapsed - started).TotalSeconds:0.0} s");
        }
        await page.Context.CloseAsync();
        return (failures, checks);
    }

    /// <summary>Light first on both screens (every rule), then dark on both (the colour rules: only colours change).</summary>
    private static readonly (string Theme, string Screen)[] Variants =
        [("light", "desktop"), ("light", "phone"), ("dark", "phone"), ("dark", "desktop")];

    /// <summary>The rules whose outcome depends on colours, run again in the dark theme.</summary>
    private static readonly List<string> ColourRules = ["color-contrast", "link-in-text-block"];

    /// <summary>Progress goes to the test output and to a file beside the screenshots (readable while the run is on).</summary>
    private void Log(string line)
    {
        lock (output)
        {
            output.WriteLine(line);
            File.AppendAllText(Path.Combine(Screenshots.Directory, "axe-progress.txt"), line + Environment.NewLine);
        }
    }

    private static async Task<List<string>> CheckAsync(IPage page, string where, string theme, string screen)
    {
        var failures = new List<string>();
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = theme == "dark"
                ? new RunOnlyOptions { Type = "rule", Values = ColourRules }
                : new RunOnlyOptions { Type = "tag", Values = WcagTags },
            ResultTypes = [ResultType.Violations],
        });
        foreach (var v in result.Violations.Where(v => v.Impact is "serious" or "critical"))
        {
            var nodes = string.Join(" | ", v.Nodes.Take(3).Select(n => $"{n.Target} {Short(n.Html)}"));
            failures.Add($"{where}: {v.Id} ({v.Impact}) {v.Help}: {v.Nodes.Length} element(s): {nodes}");
        }

        var shape = await page.EvaluateAsync<int[]>("""
            () => [document.querySelectorAll('h1').length, document.querySelectorAll('main, [role=main]').length,
                   document.querySelectorAll('a.skip-link').length,
                   document.documentElement.scrollWidth - document.documentElement.clientWidth]
            """);
        if (shape[0] != 1) failures.Add($"{where}: {shape[0]} h1 headings (one per page names it)");
        if (shape[1] != 1) failures.Add($"{where}: {shape[1]} main landmarks (one per page)");
        if (shape[2] != 1) failures.Add($"{where}: no 'Skip to main content' link");
        if (screen == "phone" && shape[3] > 0) failures.Add($"{where}: scrolls sideways by {shape[3]} px on a phone");
        return failures;
    }

    private static string Short(string html) => html.Length <= 160 ? html : html[..160] + "…";
}
