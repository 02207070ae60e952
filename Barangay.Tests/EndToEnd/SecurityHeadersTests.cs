using System.Net;
using Barangay.Tests.Infrastructure;

namespace Barangay.Tests.EndToEnd;

/// <summary>Every response carries the app's headers (issue 19, item 15), and forwarded headers from an unconfigured proxy are ignored (item 14).</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public class SecurityHeadersTests(EndToEndFixture e2e)
{
    [Theory]
    [InlineData("/Identity/Account/Login")]        // a Razor page
    [InlineData("/")]                              // the Blazor app (a redirect to sign in)
    [InlineData("/_framework/blazor.web.js")]      // a static file
    [InlineData("/no-such-page")]                  // the not-found page
    [InlineData("/healthz")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        using var http = new HttpProbe(e2e.App.Url);
        using var res = await http.GetAsync(path);

        var csp = res.Headers.GetValues("Content-Security-Policy").Should().ContainSingle("one policy, not Blazor's frame-ancestors beside ours").Subject;
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d[(d.IndexOf(' ') + 1)..]);
        directives["script-src"].Should().Be("'self'", "no inline, eval'd or remote scripts");
        directives["default-src"].Should().Be("'self'");
        directives["object-src"].Should().Be("'none'");
        directives["frame-ancestors"].Should().Be("'none'");
        directives["base-uri"].Should().Be("'self'");
        res.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        res.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
        res.Headers.GetValues("Permissions-Policy").Single().Should().Contain("camera=()").And.Contain("geolocation=()");
    }

    [Fact]
    public async Task ForwardedHeaders_FromAnAddressNotConfiguredAsAProxy_AreIgnored()
    {
        // The fixture's app trusts no proxy (ASP.NET alone would trust loopback, where this test comes from).
        using var http = new HttpProbe(e2e.App.Url);
        using var res = await http.GetAsync("/Identity/Account/Login", headers: new Dictionary<string, string>
        {
            ["X-Forwarded-Proto"] = "https",
            ["X-Forwarded-For"] = "203.0.113.7",
        });

        res.StatusCode.Should().Be(HttpStatusCode.OK);
        var cookies = res.Headers.GetValues("Set-Cookie").ToList();
        cookies.Should().NotBeEmpty("the sign-in form sets its antiforgery cookie");
        cookies.Should().OnlyContain(c => !c.Contains("secure", StringComparison.OrdinalIgnoreCase), "the request came over plain HTTP whatever the header claims");
    }
}
