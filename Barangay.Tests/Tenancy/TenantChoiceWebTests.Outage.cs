using System.Net;

namespace Barangay.Tests.Tenancy;

/// <summary>A barangay whose database is down says so on its own pages; the others keep working; every tenancy page carries the security headers.</summary>
public partial class TenantChoiceWebTests
{
    [Fact]
    public async Task BarangayWhoseDatabaseIsDown_SaysSoOnItsOwnPages_WhileTheOthersKeepWorking()
    {
        // Its home page sends a visitor to its sign-in page (followed here), which needs its database.
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = true }) { Timeout = TimeSpan.FromSeconds(60) };
        var took = new List<TimeSpan>();
        foreach (var path in new[] { "/b/d/", "/b/d/Identity/Account/Login", "/b/d/Identity/Account/ForgotPassword" })
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            using var down = await http.GetAsync(Url + path);
            down.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, $"{path}: its records cannot be reached");
            var html = await down.Content.ReadAsStringAsync();
            html.Should().Contain("Barangay Dagat-dagatan: records cannot be reached right now").And.Contain("Nothing you sent was lost")
                .And.Contain("Hindi maabot ngayon").And.NotContain("Exception").And.NotContain("Npgsql");
            HasSecurityHeaders(down, path);
            down.Headers.RetryAfter.Should().NotBeNull();
            took.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
        // The first request waits out the database retry budget; the next ones know it is down and answer at once.
        took.Skip(1).Should().OnlyContain(t => t < TimeSpan.FromSeconds(10), "a barangay known to be down answers its 503 without waiting");

        (await LoginPageAsync(http, "/b/a", host: null)).Should().Contain("Amihan", "A's database is up: A keeps working");
        (await LoginPageAsync(http, "/b/b", host: null)).Should().Contain("Bagong Silang");
    }

    [Fact]
    public async Task TenancyPages_NotFoundAndSuspended_CarryTheSecurityHeaders()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var notFound = await http.GetAsync(Url + "/b/nowhere/");
        notFound.StatusCode.Should().Be(HttpStatusCode.NotFound);
        HasSecurityHeaders(notFound, "/b/nowhere/");
        using var suspended = await http.GetAsync(Url + "/b/c/");
        suspended.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        HasSecurityHeaders(suspended, "/b/c/");
    }

    private static void HasSecurityHeaders(HttpResponseMessage r, string path)
    {
        r.Headers.GetValues("Content-Security-Policy").Should().ContainSingle()
            .Which.Should().Be(Barangay.App.Security.SecurityHeaders.ContentSecurityPolicy, path);
        r.Headers.GetValues("X-Content-Type-Options").Should().Equal(["nosniff"], path);
        r.Headers.GetValues("X-Frame-Options").Should().Equal(["DENY"], path);
        r.Headers.GetValues("Referrer-Policy").Should().Equal(["no-referrer"], path);
    }
}
