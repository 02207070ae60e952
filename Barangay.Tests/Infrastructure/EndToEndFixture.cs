using Microsoft.Playwright;

namespace Barangay.Tests.Infrastructure;

/// <summary>One demo-barangay database, one app process and one Chromium for all end-to-end tests.</summary>
public sealed class EndToEndFixture : IAsyncLifetime
{
    public DemoDatabase Database { get; } = new();
    public AppProcess App { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The SMS gateway the app texts through (the real one is outside the system): what reached each phone.</summary>
    public Barangay.Tests.Data.Announcements.FakeSmsGateway Sms { get; private set; } = null!;

    public static readonly ViewportSize Desktop = new() { Width = 1366, Height = 900 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    public async Task InitializeAsync()
    {
        if (!Chromium.Installed) return; // every end-to-end test is then reported skipped (ChromiumSkipFramework)
        // CI runs the whole suite on two loaded cores: what the server shows next can take longer than Playwright's 5 s
        // default to arrive. A missing result still fails, after 15 s.
        Assertions.SetDefaultExpectTimeout(15_000);
        await Database.InitializeAsync();
        Sms = await Barangay.Tests.Data.Announcements.FakeSmsGateway.StartAsync();
        // Every test's browser comes from 127.0.0.1: the mail limits are tested with an app of their own (MailRateLimitTests).
        App = await AppProcess.StartAsync(Database.AppConnectionString, new Dictionary<string, string>
        {
            ["RateLimits__Mail__PerClient"] = "100000", ["RateLimits__Mail__PerTarget"] = "100000",
            ["Sms__Gateway__BaseUrl"] = Sms.BaseUrl, ["Sms__Gateway__ApiKey"] = "e2e-key",
        });
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Path,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    /// <summary>
    /// A fresh browser context on this fixture's app, or on <paramref name="baseUrl"/> (another replica), whose browser
    /// prefers <paramref name="locale"/> (its Accept-Language: "fil-PH" for a reader of Filipino, nothing saved on the account).
    /// </summary>
    public async Task<IPage> NewPageAsync(ViewportSize viewport, string? baseUrl = null, string locale = "en-PH")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl ?? App.Url,
            ViewportSize = viewport,
            IsMobile = viewport.Width < 600,
            HasTouch = viewport.Width < 600,
            Locale = locale,
            TimezoneId = "Asia/Manila",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh browser context (see <see cref="NewPageAsync"/>) signed in as <paramref name="user"/>.</summary>
    public async Task<IPage> SignInAsync(string user, string password, ViewportSize viewport, string? baseUrl = null, string locale = "en-PH")
    {
        var page = await NewPageAsync(viewport, baseUrl, locale);
        await SignInOnAsync(page, user, password);
        return page;
    }

    /// <summary>Signs in on this page's browser (the sign-in form that "/" leads to) and waits for the live page after it.</summary>
    public static async Task SignInOnAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/");
        await page.FillAsync("#Input_UserName", user);
        await page.FillAsync("#Input_Password", password);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(u => !u.Contains("/Identity/Account/Login", StringComparison.Ordinal));
        await WaitInteractiveAsync(page);
    }

    /// <summary>
    /// Waits until the page listens for live updates: its LiveReady marker (data-testid="live-{name}") says
    /// data-live="ready" once the page has subscribed to its notifier, so a change made next shows without a reload.
    /// </summary>
    public static Task WaitLiveAsync(IPage page, string name) =>
        Assertions.Expect(page.GetByTestId("live-" + name)).ToHaveAttributeAsync("data-live", "ready");

    /// <summary>Waits until the notification bell listens for live updates (data-live="ready").</summary>
    public static Task WaitBellLiveAsync(IPage page) =>
        Assertions.Expect(page.GetByTestId("notification-bell")).ToHaveAttributeAsync("data-live", "ready");

    /// <summary>Waits until the Blazor circuit is connected, so clicks reach the server.</summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("#app-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Opens the phone menu. The responsive drawer starts open and closes itself once MudBlazor has measured the
    /// screen; a click that lands before that measurement toggles it shut instead, so click again until it is open.
    /// </summary>
    public static async Task OpenMenuAsync(IPage page)
    {
        await WaitInteractiveAsync(page);
        var open = page.Locator(".mud-drawer--open");
        for (var attempt = 1; ; attempt++)
        {
            // Let the drawer settle shut first: on a phone it is closed once the screen has been measured.
            try { await open.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 5_000 }); }
            catch (TimeoutException) { }
            if (await open.CountAsync() == 0)
                await page.GetByLabel("Open the menu").ClickAsync();
            try
            {
                await open.WaitForAsync(new() { Timeout = 3_000 });
                // The slide-in: a link is not clickable half-way. Wait until the drawer is fully on screen and its
                // transition has ended (rather than a fixed pause).
                await page.WaitForFunctionAsync(
                    "() => { const d = document.querySelector('.mud-drawer--open'); return !d || (d.getBoundingClientRect().left >= 0 && d.getAnimations().length === 0); }",
                    null, new() { Timeout = 3_000, PollingInterval = 50 });
                if (await open.CountAsync() > 0) return;
            }
            catch (TimeoutException) when (attempt < 4)
            {
            }
        }
    }

    /// <summary>
    /// Types into an autocomplete and picks the suggestion. Text typed while a just-opened dialog is still wiring its
    /// handlers can be lost (no search runs), so it types again, up to three times, until the suggestion shows.
    /// </summary>
    public static async Task PickAsync(IPage page, ILocator input, string text, string suggestion)
    {
        var option = page.Locator(".mud-popover-open").GetByText(suggestion).First;
        for (var attempt = 1; ; attempt++)
        {
            await input.FillAsync("");
            await input.PressSequentiallyAsync(text, new() { Delay = 20 });
            try
            {
                await option.WaitForAsync(new() { Timeout = 5_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
        await option.ClickAsync();
    }

    /// <summary>
    /// Chooses <paramref name="option"/> (or the first option, when null) in the MudSelect marked with <paramref name="testId"/>
    /// as a person does, and returns the option's text: taps the select's box, taps the option, then waits until the list has
    /// closed and the box shows the choice. Until the server has closed the list, the select still owns the keyboard focus and
    /// takes it back when it leaves (MudSelect.OnFocusOutAsync); a finger cannot reach the next field meanwhile (the list's
    /// overlay covers the page), but Playwright's Fill focuses by script, and a focus taken back between its focus and its
    /// typing loses the text (seen as a complaint refused for a missing subject or category, about 2 in 100 tries).
    /// A select that has a value shows it in an element of its own that carries the test id too, so the box is tapped.
    /// </summary>
    public static async Task<string> ChooseAsync(IPage page, string testId, string? option = null)
    {
        var box = page.Locator(".mud-select").Filter(new() { Has = page.Locator($"[data-testid={testId}]") }).First;
        await box.ClickAsync();
        var list = page.Locator(".mud-popover-open");
        var item = option is null ? list.Locator(".mud-list-item").First : list.GetByText(option, new() { Exact = true }).First;
        var chosen = option ?? (await item.InnerTextAsync()).Trim();
        await item.ClickAsync();
        await Assertions.Expect(list).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Assertions.Expect(box).ToContainTextAsync(chosen, new() { Timeout = 15_000 });
        return chosen;
    }

    /// <summary>
    /// Chooses a file in a Blazor file input (InputFile, MudFileUpload) once Blazor listens to it. The circuit is live
    /// (WaitInteractiveAsync) a moment before the input's start-up script has run (InputFile's OnAfterRender), and a file
    /// chosen in that moment is never read: the upload then never starts. A person cannot pick a file that fast; a test can.
    /// </summary>
    public static async Task SetBlazorFilesAsync(ILocator input, FilePayload file)
    {
        var element = await input.ElementHandleAsync();
        await input.Page.WaitForFunctionAsync("el => el._blazorInputFileNextFileId !== undefined", element, new() { Timeout = 15_000 });
        await input.SetInputFilesAsync(file);
    }

    /// <summary>The text box inside the MudBlazor field marked with <paramref name="testId"/> (the marker sits on a wrapper).</summary>
    public static ILocator Field(IPage page, string testId) =>
        page.Locator($"[data-testid='{testId}']").Locator("xpath=descendant-or-self::*[self::input or self::textarea]").First;

    /// <summary>The end-to-end database is shared: leaves the demo users' message notification counts as other tests expect them.</summary>
    public async Task ClearMessageNotificationsAsync()
    {
        await using var conn = new Npgsql.NpgsqlConnection(Database.AppConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("DELETE FROM notifications WHERE type = 'message.new'", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
        if (Sms is not null) await Sms.DisposeAsync();
        await Database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<EndToEndFixture>
{
    public const string Name = "EndToEnd";
}
