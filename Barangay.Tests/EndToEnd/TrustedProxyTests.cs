using System.Net;
using Barangay.Data.Accounts;
using Barangay.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// The app behind a configured proxy (as behind docker/'s HAProxy, issue 19 item 14): the client's address comes from
/// X-Forwarded-For (sessions, throttle, audit), a request that reached the proxy over TLS is HTTPS (Secure cookies,
/// HSTS), and the public address is https://barangay.test whatever the proxy sends as Host.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class TrustedProxyTests : IAsyncLifetime
{
    private const string Password = "Sampaguita-garden-2026";
    private const string Host = "barangay.test";
    private readonly DemoDatabase _db = new();
    private AppProcess _app = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _app = await AppProcess.StartAsync(_db.AppConnectionString, new Dictionary<string, string>
        {
            ["ForwardedHeaders__KnownProxies"] = "127.0.0.1",
            ["PublicBaseUrl"] = "http://barangay.test",
            ["AllowedHosts"] = "barangay.test;127.0.0.1",
        });
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    private static Dictionary<string, string> Forwarded(string proto) => new() { ["X-Forwarded-Proto"] = proto, ["X-Forwarded-For"] = "198.51.100.1, 203.0.113.7" };

    [Fact]
    public async Task RequestOverTlsAtTheProxy_GetsSecureCookiesAndHsts()
    {
        using var first = new HttpProbe(_app.Url);
        using var second = new HttpProbe(_app.Url); // a fresh cookie jar, so it is sent a cookie too
        using var tls = await first.GetAsync("/Identity/Account/Login", Host, Forwarded("https"));
        using var plain = await second.GetAsync("/Identity/Account/Login", Host, Forwarded("http"));

        tls.StatusCode.Should().Be(HttpStatusCode.OK);
        tls.Headers.GetValues("Set-Cookie").Should().OnlyContain(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        tls.Headers.GetValues("Strict-Transport-Security").Single().Should().StartWith("max-age=31536000");
        plain.Headers.GetValues("Set-Cookie").Should().OnlyContain(c => !c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        plain.Headers.Contains("Strict-Transport-Security").Should().BeFalse("HSTS is sent over HTTPS only");
    }

    [Fact]
    public async Task SignIn_RecordsTheClientAddressTheProxyReports()
    {
        const string name = "rosa-behind-proxy";
        Guid id;
        await using (var services = new TestServices(_db.AppConnectionString))
        {
            var u = new User { UserName = name, Email = $"{name}@example.ph", FullName = "Rosa Proxy", Roles = [AppRoles.Resident], LockoutEnabled = true, EmailConfirmed = true };
            (await services.Get<UserManager<User>>().CreateAsync(u, Password)).Succeeded.Should().BeTrue();
            id = u.Id;
        }
        using var http = new HttpProbe(_app.Url);
        var token = await http.AntiforgeryTokenAsync("/Identity/Account/Login", Host);

        using var res = await http.PostFormAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.UserName"] = name, ["Input.Password"] = Password, ["__RequestVerificationToken"] = token,
        }, Host, Forwarded("http"));

        res.StatusCode.Should().Be(HttpStatusCode.Redirect, "the password is right");
        await using var conn = new NpgsqlConnection(_db.OwnerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT ip_address FROM sessions WHERE user_id = $1", conn);
        cmd.Parameters.AddWithValue(id);
        (await cmd.ExecuteScalarAsync()).Should().Be("203.0.113.7", "the proxy appended the client's address last; what came before it is the client's own claim");
    }
}
