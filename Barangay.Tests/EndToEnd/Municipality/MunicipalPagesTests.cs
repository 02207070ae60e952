using System.Net;
using System.Text.RegularExpressions;
using Barangay.Data.Municipality;
using Barangay.Tests.Data.Municipality;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Barangay.Tests.EndToEnd.Municipality;

/// <summary>
/// The municipal pages over HTTP against an app started with a municipality: a municipal account signs in, downloads
/// the consolidated Form C, is refused the admin page, and its cookie opens no resident's record.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed partial class MunicipalPagesTests(MunicipalityFixture muni, DemoDatabase demo) : IClassFixture<MunicipalityFixture>, IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private const string Password = "Mlgoo#2026-santamaria";
    private AppProcess _app = null!;

    public async Task InitializeAsync()
    {
        // The fixture is the class's; each test gets its own app.
        if (await muni.Get<IBarangayDirectory>().FindBySlugAsync("san-isidro") is null)
        {
            await muni.AddClonedAsync("San Isidro", "san-isidro", TestEnvironment.DemoTemplate);
            (await muni.Get<MunicipalAccounts>().CreateAsync("mlgoo", "Elena Reyes", "MLGOO", MunicipalRoles.Viewer, Password, "test")).Ok.Should().BeTrue();
            (await muni.Get<MunicipalAccounts>().CreateAsync("mayor.admin", "Jose Cruz", "Office of the Mayor", MunicipalRoles.Admin, Password, "test")).Ok.Should().BeTrue();
        }
        _app = await AppProcess.StartAsync(demo.AppConnectionString, new Dictionary<string, string>
        {
            ["Municipality__ConnectionString"] = TestEnvironment.For(muni.Name, "Default"),
            ["Municipality__DatabasePrefix"] = "t_unused_",
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private async Task<(HttpClient Http, CookieContainer Cookies)> SignedInAsync(string userName = "mlgoo")
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(_app.Url) };
        var form = await http.GetStringAsync("/municipality/sign-in");
        var signIn = await http.PostAsync("/municipality/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = userName, ["password"] = Password, ["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value,
        }));
        signIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        signIn.Headers.Location!.OriginalString.Should().Be("/municipality");
        return (http, cookies);
    }

    [Fact]
    public async Task MunicipalAccount_SignsInAndDownloadsFormC_ButIsRefusedTheAdminPageAndEveryResidentRecord()
    {
        var (http, cookies) = await SignedInAsync();

        var home = await http.GetStringAsync("/municipality");
        home.Should().Contain("RBI Form C, consolidated").And.Contain("Elena Reyes").And.NotContain("Barangays of the municipality");
        var quarter = Barangay.Data.Reports.Quarter.Of(TestClock.ManilaToday);
        var xlsx = await http.GetAsync($"/municipality/reports/form-c.xlsx?year={quarter.Year}&quarter={quarter.Number}");
        xlsx.StatusCode.Should().Be(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        (await http.GetAsync("/municipality/barangays")).Headers.Location!.OriginalString.Should().Contain("/municipality/forbidden");

        // The municipal cookie sent (by hand: the browser keeps it to /municipality) to a resident's page and the resident APIs.
        await using var conn = new NpgsqlConnection(demo.AppConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT id, last_name FROM residents WHERE registration_status = 'active' LIMIT 1", conn);
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        var (id, lastName) = (r.GetGuid(0), r.GetString(1));
        var municipal = cookies.GetCookies(new Uri(_app.Url + "/municipality")).Single(c => c.Name == "municipality.auth");
        using var bare = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(_app.Url) };
        foreach (var path in new[] { $"/residents/{id}", $"/residents/{id}/edit", "/residents", $"/households/{id}/record.pdf" })
        {
            using var ask = new HttpRequestMessage(HttpMethod.Get, path);
            ask.Headers.Add("Cookie", $"{municipal.Name}={municipal.Value}");
            var answer = await bare.SendAsync(ask);
            var body = await answer.Content.ReadAsStringAsync();
            answer.StatusCode.Should().BeOneOf([HttpStatusCode.Redirect, HttpStatusCode.Found, HttpStatusCode.NotFound, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized], path);
            if (answer.StatusCode == HttpStatusCode.Redirect) answer.Headers.Location!.OriginalString.Should().Contain("/Identity/Account/Login", path);
            body.Should().NotContain(lastName, path);
        }
    }

    [Fact]
    public async Task RoleChanged_EndsTheOpenSession()
    {
        var (http, _) = await SignedInAsync();
        (await http.GetAsync("/municipality")).StatusCode.Should().Be(HttpStatusCode.OK);

        await SetRoleAsync(MunicipalRoles.Admin);
        try
        {
            // The cookie still says "viewer": it is refused, not promoted, and the next page is the sign-in form.
            var next = await http.GetAsync("/municipality/barangays");
            next.StatusCode.Should().Be(HttpStatusCode.Redirect);
            next.Headers.Location!.OriginalString.Should().Contain("/municipality/sign-in");
            (await http.GetAsync("/municipality")).Headers.Location!.OriginalString.Should().Contain("/municipality/sign-in");
        }
        finally
        {
            await SetRoleAsync(MunicipalRoles.Viewer);
        }
    }

    [Fact]
    public async Task NewPasswordSet_EndsTheSessionOpenedWithTheOldOne()
    {
        var accounts = muni.Get<MunicipalAccounts>();
        if (await accounts.FindForSignInAsync("mpdo") is null)
            (await accounts.CreateAsync("mpdo", "Rosa Lim", "MPDO", MunicipalRoles.Viewer, Password, "test")).Ok.Should().BeTrue();
        var (http, _) = await SignedInAsync("mpdo");
        (await http.GetAsync("/municipality")).StatusCode.Should().Be(HttpStatusCode.OK);

        // The operator's set-municipal-password (the holder forgot it, or it leaked): the open session ends.
        (await accounts.SetPasswordAsync("mpdo", "Another#Password-2026", "set-municipal-password command (test)")).Ok.Should().BeTrue();
        try
        {
            (await http.GetAsync("/municipality")).Headers.Location!.OriginalString.Should().Contain("/municipality/sign-in");
        }
        finally
        {
            (await accounts.SetPasswordAsync("mpdo", Password, "test")).Ok.Should().BeTrue();
        }
    }

    private async Task SetRoleAsync(string role)
    {
        await using var db = await muni.MunicipalityAsync();
        await db.Accounts.Where(a => a.UserName == "mlgoo").ExecuteUpdateAsync(s => s.SetProperty(a => a.Role, role));
    }

    [Fact]
    public async Task SignIn_WrongPassword_BackToTheFormWithTheMessage()
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = new Uri(_app.Url) };
        var form = await http.GetStringAsync("/municipality/sign-in");
        var answer = await http.PostAsync("/municipality/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "mlgoo", ["password"] = "not-the-password", ["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value,
        }));

        // The barangay sign-in's words, and the form comes back carrying the gate's challenge and its script.
        (await answer.Content.ReadAsStringAsync()).Should().Contain("The username or password is not correct.").And.Contain("name=\"altcha\"").And.Contain("src=\"/municipality/js/altcha.js\"");
        (await http.GetAsync("/municipality/js/altcha.js")).Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        (await http.GetAsync("/municipality/js/altcha-worker.js")).Content.Headers.ContentType!.MediaType.Should().Be("text/javascript", "the script solves the check in this worker");
        (await http.GetAsync("/municipality")).RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/municipality/sign-in");
    }

    [Fact]
    public async Task AddBarangayForm_AsksForThePublicAddress_AndRefusesAPlainHttpOneWithTheReason()
    {
        var (http, _) = await SignedInAsync("mayor.admin");
        var page = await http.GetStringAsync("/municipality/barangays");
        page.Should().Contain("<label for=\"w\">Public address (optional)</label>").And.Contain("name=\"publicUrl\"");

        var answer = await http.PostAsync("/municipality/barangays", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "Caypombo", ["psgc"] = "0314023010", ["host"] = "caypombo.santamaria.example", ["publicUrl"] = "http://caypombo.santamaria.example/",
            ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value,
        }));

        answer.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var shown = await http.GetStringAsync(answer.Headers.Location!.OriginalString);
        shown.Should().Contain("Give the address residents type, as an absolute https address").And.NotContain("<td>Caypombo</td>");
    }
}
