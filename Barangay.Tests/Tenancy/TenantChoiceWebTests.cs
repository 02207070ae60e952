using System.Net;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace Barangay.Tests.Tenancy;

/// <summary>
/// Two barangays on one app: each under its /b/{slug}/ prefix or its host name, a suspended one says so, an unknown one
/// is not found, and a session belongs to the barangay it was opened on.
/// </summary>
public partial class TenantChoiceWebTests(TwoBarangayApp two) : IClassFixture<TwoBarangayApp>
{
    private string Url => two.App.Url;

    [Fact]
    public async Task Requests_UnknownBarangayIsNotFound_SuspendedSaysSo_EachPrefixAndHostServesItsOwn()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        (await http.GetAsync(Url + "/b/nowhere/")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await http.GetAsync(Url + "/Identity/Account/Login")).StatusCode.Should().Be(HttpStatusCode.NotFound, "127.0.0.1 is no barangay's host");

        var suspended = await http.GetAsync(Url + "/b/c/");
        suspended.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await suspended.Content.ReadAsStringAsync()).Should().Contain("Barangay C is suspended");

        (await LoginPageAsync(http, "/b/a", host: null)).Should().Contain("Amihan").And.NotContain("Bagong Silang");
        (await LoginPageAsync(http, "/b/b", host: null)).Should().Contain("Bagong Silang").And.NotContain("Amihan");
        (await LoginPageAsync(http, "", host: "b.test")).Should().Contain("Bagong Silang").And.NotContain("Amihan");
    }

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task Secretary_OfA_WorksUnderHerPrefix_AndHerCookieIsRefusedOnB()
    {
        var context = await two.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Url, ViewportSize = EndToEndFixture.Desktop, Locale = "en-PH", TimezoneId = "Asia/Manila",
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/b/a/");
        await page.FillAsync("#Input_UserName", DemoAccounts.OfficialUser);
        await page.FillAsync("#Input_Password", DemoAccounts.OfficialPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(u => !u.Contains("/Identity/Account/Login", StringComparison.Ordinal));
        await EndToEndFixture.WaitInteractiveAsync(page);
        new Uri(page.Url).AbsolutePath.Should().StartWith("/b/a/");
        await Expect(page.GetByTestId("barangay-name")).ToContainTextAsync("Amihan");

        // The menu's links are root-absolute ("/residents"): they land back under her barangay's prefix.
        await page.GotoAsync("/residents");
        await EndToEndFixture.WaitInteractiveAsync(page);
        new Uri(page.Url).AbsolutePath.Should().Be("/b/a/residents");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Residents");

        // Her cookie, sent to B (even with B's database holding the same session row): refused, so B asks her to sign in.
        var auth = (await context.CookiesAsync()).Single(c => c.Name == "barangay.auth");
        auth.Path.Should().Be("/b/a", "the browser keeps a barangay's cookie to its own prefix");
        await CopySessionsAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        (await GetWithCookieAsync(http, "/b/a/residents", null, auth.Value)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await GetWithCookieAsync(http, "", "a.test", auth.Value)).StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var (path, host) in new[] { ("/b/b/residents", (string?)null), ("/residents", "b.test") })
        {
            var refused = await GetWithCookieAsync(http, path, host, auth.Value);
            refused.StatusCode.Should().Be(HttpStatusCode.Redirect, $"{host ?? path} is barangay B");
            refused.Headers.Location!.ToString().Should().Contain("/Identity/Account/Login");
        }

        await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = auth.Name, Value = auth.Value, Domain = "127.0.0.1", Path = "/b/b" }]);
        await page.GotoAsync("/b/b/residents");
        await page.WaitForURLAsync(u => u.Contains("/b/b/Identity/Account/Login", StringComparison.Ordinal));
        await Expect(page.Locator("#Input_UserName")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "tenancy-b-refuses-a-cookie");
        await context.CloseAsync();
    }

    private async Task<string> LoginPageAsync(HttpClient http, string prefix, string? host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url + prefix + "/Identity/Account/Login");
        if (host is not null) request.Headers.Host = host;
        var response = await http.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"{host ?? prefix} serves its sign-in page");
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<HttpResponseMessage> GetWithCookieAsync(HttpClient http, string path, string? host, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url + path);
        if (host is not null) request.Headers.Host = host;
        request.Headers.Add("Cookie", "barangay.auth=" + cookie);
        return await http.SendAsync(request);
    }

    /// <summary>Copies A's sessions into B, so only the barangay claim can tell the cookie is not B's.</summary>
    private async Task CopySessionsAsync()
    {
        var rows = new List<string>();
        await using (var a = new NpgsqlConnection(two.Databases.A.AppConnectionString))
        {
            await a.OpenAsync();
            await using var read = new NpgsqlCommand("SELECT row_to_json(s)::text FROM sessions s", a);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        }
        rows.Should().NotBeEmpty();
        await using var b = new NpgsqlConnection(two.Databases.B.AppConnectionString);
        await b.OpenAsync();
        foreach (var row in rows)
        {
            await using var insert = new NpgsqlCommand("INSERT INTO sessions SELECT * FROM json_populate_record(NULL::sessions, @row::json) ON CONFLICT DO NOTHING", b);
            insert.Parameters.AddWithValue("row", row);
            await insert.ExecuteNonQueryAsync();
        }
    }
}
