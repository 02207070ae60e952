using System.Net;
using Barangay.Data.Accounts;
using Barangay.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// Links the app emails come from its configured public address, never from the request's Host header, and a
/// request for a host the app is not configured for is refused before any page runs (issue 19, item 1).
/// The fixture's app runs as ./run.sh does: PublicBaseUrl is its own http://127.0.0.1:port, AllowedHosts 127.0.0.1 and localhost.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class PublicAddressTests(EndToEndFixture e2e)
{
    private const string Password = "Sampaguita-garden-2026";
    private const string ForgotPassword = "/Identity/Account/ForgotPassword";

    private int Port => new Uri(e2e.App.Url).Port;

    private async Task<string> CreateUserAsync(string name)
    {
        await using var services = new TestServices(e2e.Database.AppConnectionString);
        var u = new User { UserName = name, Email = $"{name}@example.ph", FullName = $"Rosa {name}", Roles = [AppRoles.Resident], LockoutEnabled = true, EmailConfirmed = true };
        (await services.Get<UserManager<User>>().CreateAsync(u, Password)).Succeeded.Should().BeTrue();
        return u.Email;
    }

    private async Task<IReadOnlyList<string>> EmailBodiesAsync(string to)
    {
        await using var conn = new NpgsqlConnection(e2e.Database.OwnerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT body FROM email_queue WHERE to_email = $1 ORDER BY created_at", conn);
        cmd.Parameters.AddWithValue(to);
        var bodies = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) bodies.Add(r.GetString(0));
        return bodies;
    }

    [Fact]
    public async Task ForgotPassword_WithAForgedHost_IsRefusedAndSendsNothing()
    {
        var email = await CreateUserAsync("rosa-forged-host");
        using var http = new HttpProbe(e2e.App.Url);
        var token = await http.AntiforgeryTokenAsync(ForgotPassword);

        using var forged = await http.PostFormAsync(ForgotPassword,
            new Dictionary<string, string> { ["Input.Email"] = email, ["__RequestVerificationToken"] = token }, host: "evil.example");

        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await EmailBodiesAsync(email)).Should().BeEmpty("a request for someone else's host must not mail a reset code anywhere");
        using var page = await http.GetAsync(ForgotPassword, host: $"evil.example:{Port}");
        page.StatusCode.Should().Be(HttpStatusCode.BadRequest, "no page answers an unknown host");
    }

    [Fact]
    public async Task ForgotPassword_FromAnotherAllowedHost_EmailsALinkOnThePublicBaseUrl()
    {
        var email = await CreateUserAsync("rosa-reset-link");
        // localhost is allowed, but it is not the public address: the link must not follow it.
        var host = $"localhost:{Port}";
        using var http = new HttpProbe(e2e.App.Url);
        var token = await http.AntiforgeryTokenAsync(ForgotPassword, host);

        using var res = await http.PostFormAsync(ForgotPassword,
            new Dictionary<string, string> { ["Input.Email"] = email, ["__RequestVerificationToken"] = token }, host);

        res.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var body = (await EmailBodiesAsync(email)).Should().ContainSingle().Subject;
        body.Should().Contain($"href='{e2e.App.Url}/Identity/Account/ResetPassword?code=").And.NotContain("localhost");
        var link = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(body, "href='([^']+)'").Groups[1].Value);
        using var reset = await http.GetAsync(link[e2e.App.Url.Length..]);
        reset.StatusCode.Should().Be(HttpStatusCode.OK, "the emailed link opens the reset form");
        (await reset.Content.ReadAsStringAsync()).Should().Contain("Input.Password");
    }
}
