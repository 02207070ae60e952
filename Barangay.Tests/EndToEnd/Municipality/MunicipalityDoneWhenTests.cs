using System.Globalization;
using Barangay.Data.Municipality;
using Barangay.Data.Seed;
using Barangay.Tests.Data.Municipality;
using Barangay.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using OfficeOpenXml;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.EndToEnd.Municipality;

/// <summary>
/// Issue 27's "Done when", in Chromium: one app configured as a municipality serving three barangays of different sizes
/// (San Isidro cloned from the demo template, two made from the empty template and filled by the municipal demo's own
/// <see cref="SmallBarangaySeeder"/>); each secretary works only her own barangay; the municipal account downloads the
/// consolidated Form C whose totals are the three registers added up.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class MunicipalityDoneWhenTests(MunicipalityFixture muni, DemoDatabase home) : IClassFixture<MunicipalityFixture>, IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private const string MunicipalPassword = "Mlgoo#2026-done-when";
    private readonly Dictionary<string, CatalogueEntry> _barangays = [];
    private AppProcess _app = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        if (!Chromium.Installed) return;
        _barangays["san-isidro"] = await muni.AddClonedAsync("San Isidro", "san-isidro", TestEnvironment.DemoTemplate);
        foreach (var b in MunicipalDemo.Provisioned)
        {
            var entry = await muni.AddClonedAsync(b.Name, b.Slug, TestEnvironment.AppTemplate);
            await using var services = new TestServices(muni.AppConnectionString(entry));
            await ActivatorUtilities.CreateInstance<SmallBarangaySeeder>(services.Scope.ServiceProvider).SeedAsync(b);
            // The lookups (puroks) BarangayProvisioner seeds into a new barangay; the empty template has none.
            await using var db = await services.DbAsync();
            var existing = (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.LookupValues)).Select(l => (l.Category, l.Code)).ToHashSet();
            db.LookupValues.AddRange(DemoLookups.All().Where(l => !existing.Contains((l.Category, l.Code))));
            await db.SaveChangesAsync();
            _barangays[b.Slug] = entry;
        }
        (await muni.Get<MunicipalAccounts>().CreateAsync("mlgoo", "Elena Reyes", "MLGOO", MunicipalRoles.Viewer, MunicipalPassword, "test")).Ok.Should().BeTrue();
        _app = await AppProcess.StartAsync(home.AppConnectionString, new Dictionary<string, string>
        {
            ["Municipality__ConnectionString"] = TestEnvironment.For(muni.Name, "Default"),
            ["Municipality__DatabasePrefix"] = "t_unused_",
        });
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Path, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }

    private async Task<IBrowserContext> ContextAsync()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _app.Url, ViewportSize = EndToEndFixture.Desktop, Locale = "en-PH", TimezoneId = "Asia/Manila", AcceptDownloads = true,
        });
        context.SetDefaultTimeout(20_000);
        return context;
    }

    private static async Task<IPage> SecretaryAsync(IBrowserContext context, string slug)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/b/{slug}/");
        await page.FillAsync("#Input_UserName", MunicipalDemo.SecretaryUser);
        await page.FillAsync("#Input_Password", MunicipalDemo.SecretaryPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(u => !u.Contains("/Identity/Account/Login", StringComparison.Ordinal));
        await EndToEndFixture.WaitInteractiveAsync(page);
        return page;
    }

    private async Task<(Guid Id, string FirstName, string LastName)> SomeResidentAsync(string slug)
    {
        await using var conn = new NpgsqlConnection(muni.AppConnectionString(_barangays[slug]));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT id, first_name, last_name FROM residents WHERE registration_status = 'active' AND deleted_at IS NULL ORDER BY resident_id LIMIT 1", conn);
        await using var r = await cmd.ExecuteReaderAsync();
        (await r.ReadAsync()).Should().BeTrue(slug + " has a register");
        return (r.GetGuid(0), r.GetString(1), r.GetString(2));
    }

    private async Task<int> ActiveResidentsAsync(string slug)
    {
        await using var conn = new NpgsqlConnection(muni.AppConnectionString(_barangays[slug]));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*)::int FROM residents WHERE registration_status = 'active' AND deleted_at IS NULL", conn);
        return (int)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task ThreeBarangaysOnOneApp_EachSecretaryWorksOnlyHerOwn_FormCIsTheirSum_AndAResidentMoves()
    {
        var sizes = new Dictionary<string, int>();
        foreach (var slug in _barangays.Keys) sizes[slug] = await ActiveResidentsAsync(slug);
        sizes.Values.Distinct().Should().HaveCount(3, "three barangays of different sizes");

        // Poblacion's secretary opens one of her residents; the same record id under another barangay is no one's.
        await using var context = await ContextAsync();
        var page = await SecretaryAsync(context, "poblacion");
        var (id, first, last) = await SomeResidentAsync("poblacion");
        await page.GotoAsync($"/b/poblacion/residents/{id}");
        await EndToEndFixture.WaitInteractiveAsync(page);
        await Expect(page.GetByText(last).First).ToBeVisibleAsync();
        await Expect(page.GetByText(first).First).ToBeVisibleAsync();

        // Her cookie, handed to San Isidro by hand (the browser keeps it to /b/poblacion): San Isidro asks for a sign-in.
        var auth = (await context.CookiesAsync()).Single(c => c.Name == "barangay.auth");
        auth.Path.Should().Be("/b/poblacion");
        await context.AddCookiesAsync([new Cookie { Name = auth.Name, Value = auth.Value, Domain = "127.0.0.1", Path = "/b/san-isidro" }]);
        await page.GotoAsync("/b/san-isidro/residents");
        await page.WaitForURLAsync(u => u.Contains("/b/san-isidro/Identity/Account/Login", StringComparison.Ordinal));
        await Expect(page.Locator("#Input_UserName")).ToBeVisibleAsync();

        // Bagbaguin's secretary signs in to her own and sees her own resident.
        await using var other = await ContextAsync();
        var bagbaguin = await SecretaryAsync(other, "bagbaguin");
        var (bId, _, bLast) = await SomeResidentAsync("bagbaguin");
        await bagbaguin.GotoAsync($"/b/bagbaguin/residents/{bId}");
        await EndToEndFixture.WaitInteractiveAsync(bagbaguin);
        await Expect(bagbaguin.GetByText(bLast).First).ToBeVisibleAsync();

        // The municipal account downloads the consolidated Form C (XLSX) from its page.
        await using var municipal = await ContextAsync();
        var m = await municipal.NewPageAsync();
        await m.GotoAsync("/municipality/sign-in");
        await m.FillAsync("input[name=username]", "mlgoo");
        await m.FillAsync("input[name=password]", MunicipalPassword);
        await m.Locator("form button[type=submit]").First.ClickAsync();
        await m.WaitForURLAsync(u => !u.Contains("sign-in", StringComparison.Ordinal));
        var download = await m.RunAndWaitForDownloadAsync(() => m.GetByRole(AriaRole.Button, new() { Name = "Download XLSX" }).First.ClickAsync());
        var path = await download.PathAsync();
        using var package = new ExcelPackage(new FileInfo(path));
        var cells = package.Workbook.Worksheets["Barangays"].Cells.Where(c => c.Value is not null).ToList();
        int Count(string label) => Convert.ToInt32(cells.First(c => Equals(c.Value, label)).Offset(0, 1).Value, CultureInfo.InvariantCulture);
        Count("San Isidro").Should().Be(sizes["san-isidro"]);
        Count("Poblacion").Should().Be(sizes["poblacion"]);
        Count("Bagbaguin").Should().Be(sizes["bagbaguin"]);
        Count("Whole municipality").Should().Be(sizes.Values.Sum());
        await Screenshots.SaveAsync(m, "municipality-done-when");

        // A Poblacion resident moves to Bagbaguin: move-out with consent, then Bagbaguin's secretary accepts.
        var (movingId, movingFirst, movingLast) = await SomeResidentAsync("poblacion");
        var out1 = await context.NewPageAsync();
        await out1.GotoAsync($"/b/poblacion/residents/{movingId}");
        await EndToEndFixture.WaitInteractiveAsync(out1);
        await out1.GetByTestId("move-out-resident").ClickAsync();
        await out1.WaitForURLAsync(u => u.EndsWith("/move-out", StringComparison.Ordinal));
        await EndToEndFixture.WaitInteractiveAsync(out1);
        await ChooseAsync(out1, "move-destination", "Bagbaguin");
        await out1.GetByText("The resident gave consent").ClickAsync();
        await Input(out1, "move-witness").FillAsync("Kgd. Jose M. Santos");
        await Input(out1, "move-consent-date").FillAsync(TestClock.ManilaToday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Input(out1, "move-consent-date").PressAsync("Tab");
        await Screenshots.SaveAsync(out1, "municipality-move-out");
        await out1.GetByTestId("move-save").ClickAsync();
        await out1.WaitForURLAsync(u => u.EndsWith("/b/poblacion/residents/moves", StringComparison.Ordinal));
        await Expect(out1.GetByTestId("outgoing-move").First).ToContainTextAsync("Bagbaguin");

        await bagbaguin.GotoAsync("/b/bagbaguin/residents/moves");
        await EndToEndFixture.WaitInteractiveAsync(bagbaguin);
        await Expect(bagbaguin.GetByTestId("incoming-count")).ToHaveTextAsync("Waiting for you: 1");
        await Expect(bagbaguin.GetByTestId("incoming-move")).ToHaveCountAsync(1);
        await Expect(bagbaguin.GetByTestId("incoming-name")).ToContainTextAsync(movingLast);
        await Expect(bagbaguin.GetByTestId("incoming-move")).ToContainTextAsync("recorded by Jocelyn T. Aquino (Poblacion)");
        await Screenshots.SaveAsync(bagbaguin, "municipality-move-incoming");
        var phone = await other.NewPageAsync();
        await phone.SetViewportSizeAsync(EndToEndFixture.Phone.Width, EndToEndFixture.Phone.Height);
        await phone.GotoAsync("/b/bagbaguin/residents/moves");
        await EndToEndFixture.WaitInteractiveAsync(phone);
        await Expect(phone.GetByTestId("incoming-name")).ToContainTextAsync(movingLast);
        await Screenshots.SaveAsync(phone, "municipality-move-incoming-phone");
        await phone.CloseAsync();
        await ChooseAsync(bagbaguin, "incoming-purok", DemoLookups.Puroks[0].Label);
        await bagbaguin.GetByTestId("incoming-accept").ClickAsync();
        // The accept writes to two barangay databases; on a loaded machine that outlasts the 5 s default. Its answer is
        // read first so that a refusal fails here with its own words.
        await Expect(bagbaguin.Locator(".mud-snackbar").Last).ToContainTextAsync("Accepted: the resident is on this barangay's register", new() { Timeout = 20_000 });
        await Expect(bagbaguin.GetByTestId("incoming-count")).ToHaveTextAsync("Waiting for you: 0");

        // In Bagbaguin's register now (found by name), and off Poblacion's active register.
        await bagbaguin.GotoAsync("/b/bagbaguin/residents");
        await EndToEndFixture.WaitInteractiveAsync(bagbaguin);
        await Input(bagbaguin, "resident-search").FillAsync(movingFirst + " " + movingLast);
        await Expect(bagbaguin.Locator("table").GetByText(movingLast).First).ToBeVisibleAsync();
        (await ActiveResidentsAsync("poblacion")).Should().Be(sizes["poblacion"] - 1);
        (await ActiveResidentsAsync("bagbaguin")).Should().Be(sizes["bagbaguin"] + 1);
    }

    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}]").Locator("xpath=descendant-or-self::input|descendant-or-self::textarea").First;

    private static Task ChooseAsync(IPage page, string testId, string option) => EndToEndFixture.ChooseAsync(page, testId, option);
}
