using System.Net;
using System.Text.RegularExpressions;
using Barangay.Data.Accounts;
using Barangay.Data.Common;
using Barangay.Data.Seed;
using Barangay.Data.Tenancy;
using Barangay.Tests.Data.Documents;
using Barangay.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using UglyToad.PdfPig;

namespace Barangay.Tests.Tenancy;

/// <summary>
/// Links that leave the app start with the barangay's own public address: its configured one (A), else the deployment's
/// PublicBaseUrl + /b/{slug}/ (B); never the deployment's bare address, never the request's Host.
/// </summary>
public partial class TenantChoiceWebTests
{
    private const string ForgotPassword = "/Identity/Account/ForgotPassword";

    [Fact]
    public async Task ResetLink_EmailedByEachBarangay_StartsWithThatBarangaysAddress_AndOpensItsForm()
    {
        var emailB = await CreateUserAsync(two.Databases.B.AppConnectionString, "rosa-b");
        var emailA = await CreateUserAsync(two.Databases.A.AppConnectionString, "rosa-a");
        using var http = new HttpProbe(Url);

        await RequestResetAsync(http, "/b/b", host: null, emailB);
        await RequestResetAsync(http, "", host: "a.test", emailA); // asked on A's host name: the link is A's configured address

        var bodyB = (await EmailBodiesAsync(two.Databases.B.OwnerConnectionString, emailB)).Should().ContainSingle().Subject;
        bodyB.Should().Contain($"href='{Url}/b/b/Identity/Account/ResetPassword?code=");
        var linkB = WebUtility.HtmlDecode(Regex.Match(bodyB, "href='([^']+)'").Groups[1].Value);
        using var form = await http.GetAsync(linkB[Url.Length..]);
        form.StatusCode.Should().Be(HttpStatusCode.OK, "B's emailed link opens B's reset form");
        (await form.Content.ReadAsStringAsync()).Should().Contain("Input.Password").And.Contain("Bagong Silang");

        var bodyA = (await EmailBodiesAsync(two.Databases.A.OwnerConnectionString, emailA)).Should().ContainSingle().Subject;
        bodyA.Should().Contain($"href='{TwoBarangayApp.AmihanAddress}Identity/Account/ResetPassword?code=").And.NotContain("a.test");
    }

    [Fact]
    public async Task Certificate_PrintedByB_ItsVerifyLinkIsOnBsAddress()
    {
        await using var docs = new DocumentsTestHost(two.Databases.B.AppConnectionString);
        await docs.AsJuanAsync();
        var id = (await docs.Requests.CreateAsync(DocumentRequestServiceTests.Clearance())).Value!.Id;
        var r = (await docs.Requests.GetAsync(id))!;
        await docs.AsSecretaryAsync();
        var v = (await docs.Requests.ReviewAsync(id, r.Version)).Value!.Version;
        await docs.AsTreasurerAsync();
        v = (await docs.Requests.WaiveAsync(id, v, "Indigent")).Value!.Version;
        await docs.AsKapitanAsync();
        var approved = await docs.Requests.ApproveAsync(id, v);
        approved.Ok.Should().BeTrue(approved.Message);

        using var juan = await SignInOverHttpAsync("/b/b", DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword);
        using var pdf = await juan.GetAsync($"/b/b/documents/{id}/certificate.pdf");
        pdf.StatusCode.Should().Be(HttpStatusCode.OK);
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = Regex.Replace(string.Concat(document.GetPages().Select(p => p.Text)), @"\s+", "");
        text.Should().Contain($"{Url}/b/b/verify/".Replace(" ", ""), "the printed link (and the QR code built beside it) is B's");
    }

    [Fact]
    public void PublicLinks_OnSeveralBarangays_FollowTheCurrentBarangay_AndTheQrLinkToo()
    {
        var links = new PublicLinks(new Uri("http://127.0.0.1:5080"), perBarangay: true);
        var a = two.Databases.ListingA with { PublicUrl = TwoBarangayApp.AmihanAddress };
        using (BarangayAmbient.Use(two.Databases.ListingB))
        {
            links.To("/verify/ABC").Should().Be("http://127.0.0.1:5080/b/b/verify/ABC");
            Barangay.App.Documents.CertificateEndpoints.VerifyUrl(links, "ABC").Should().Be("http://127.0.0.1:5080/b/b/verify/ABC");
        }
        using (BarangayAmbient.Use(a)) links.To("Identity/Account/ResetPassword?code=x").Should().Be("https://amihan.example.gov.ph/Identity/Account/ResetPassword?code=x");
        links.To("/municipality").Should().Be("http://127.0.0.1:5080/municipality", "no barangay current: the deployment's address");
        using (BarangayAmbient.Use(two.Databases.ListingB))
            new PublicLinks(new Uri("http://127.0.0.1:5080")).To("/x").Should().Be("http://127.0.0.1:5080/x", "one barangay: today's address");
    }

    private async Task RequestResetAsync(HttpProbe http, string prefix, string? host, string email)
    {
        var token = await http.AntiforgeryTokenAsync(prefix + ForgotPassword, host);
        using var res = await http.PostFormAsync(prefix + ForgotPassword,
            new Dictionary<string, string> { ["Input.Email"] = email, ["__RequestVerificationToken"] = token }, host);
        res.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    private async Task<HttpClient> SignInOverHttpAsync(string prefix, string user, string password)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(Url) };
        var form = await http.GetStringAsync(prefix + "/Identity/Account/Login");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var response = await http.PostAsync(prefix + "/Identity/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = user, ["Input.Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, $"{user} should be able to sign in");
        return http;
    }

    private static async Task<string> CreateUserAsync(string connectionString, string name)
    {
        await using var services = new TestServices(connectionString);
        var u = new User { UserName = name, Email = $"{name}@example.ph", FullName = $"Rosa {name}", Roles = [AppRoles.Resident], LockoutEnabled = true, EmailConfirmed = true };
        (await services.Get<UserManager<User>>().CreateAsync(u, "Sampaguita-garden-2026")).Succeeded.Should().BeTrue();
        return u.Email;
    }

    private static async Task<IReadOnlyList<string>> EmailBodiesAsync(string ownerConnectionString, string to)
    {
        await using var conn = new NpgsqlConnection(ownerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT body FROM email_queue WHERE to_email = $1 ORDER BY created_at", conn);
        cmd.Parameters.AddWithValue(to);
        var bodies = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) bodies.Add(r.GetString(0));
        return bodies;
    }
}
