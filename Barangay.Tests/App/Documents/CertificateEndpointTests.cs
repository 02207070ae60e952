using System.Net;
using System.Text.RegularExpressions;
using Barangay.Data.Documents;
using Barangay.Data.Seed;
using Barangay.Tests.App.Files;
using Barangay.Tests.Data.Documents;

namespace Barangay.Tests.App.Documents;

/// <summary>
/// The certificate on the real app process: opening it (a GET) never releases the request; the resident's
/// "Download certificate" is a POST that needs the page's antiforgery token.
/// </summary>
public sealed partial class CertificateEndpointTests(FileDownloadFixture f) : IClassFixture<FileDownloadFixture>, IAsyncLifetime
{
    private DocumentsTestHost _docs = null!;

    public Task InitializeAsync()
    {
        _docs = new DocumentsTestHost(f.Database.AppConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _docs.DisposeAsync();

    private async Task<DocumentRequestDetail> ApprovedForJuanAsync()
    {
        await _docs.AsJuanAsync();
        var id = (await _docs.Requests.CreateAsync(DocumentRequestServiceTests.Clearance())).Value!.Id;
        var r = (await _docs.Requests.GetAsync(id))!;
        await _docs.AsSecretaryAsync();
        var v = (await _docs.Requests.ReviewAsync(id, r.Version)).Value!.Version;
        await _docs.AsTreasurerAsync();
        v = (await _docs.Requests.WaiveAsync(id, v, "Indigent")).Value!.Version;
        await _docs.AsKapitanAsync();
        var approved = await _docs.Requests.ApproveAsync(id, v);
        approved.Ok.Should().BeTrue(approved.Message);
        return approved.Value!;
    }

    private async Task<string> StatusAsync(Guid id)
    {
        await _docs.AsKapitanAsync();
        return (await _docs.Requests.GetAsync(id))!.Status;
    }

    /// <summary>The antiforgery token of the resident's request page, as the browser would post it.</summary>
    private static async Task<string> TokenOnRequestPageAsync(HttpClient client, Guid id)
    {
        var html = await client.GetStringAsync($"/my/requests/{id}");
        html.Should().Contain("receive-certificate-form", "the approved request offers the download form");
        return TokenInput().Match(html).Groups[1].Value;
    }

    private static FormUrlEncodedContent Form(Guid version, string? token)
    {
        var fields = new Dictionary<string, string> { ["version"] = version.ToString() };
        if (token is not null) fields["__RequestVerificationToken"] = token;
        return new FormUrlEncodedContent(fields);
    }

    [Fact]
    public async Task GetCertificate_ApprovedAndOpenedByItsResident_ServedButNotReleased()
    {
        var r = await ApprovedForJuanAsync();
        using var juan = await f.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword);

        using var first = await juan.GetAsync($"/documents/{r.Id}/certificate.pdf");
        using var second = await juan.GetAsync($"/documents/{r.Id}/certificate.pdf");

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        first.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        (await StatusAsync(r.Id)).Should().Be(DocumentRequestStatuses.Approved, "a GET never changes the request");
    }

    [Fact]
    public async Task Receive_WithoutAntiforgeryToken_RefusedAndNotReleased()
    {
        var r = await ApprovedForJuanAsync();
        using var juan = await f.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword);

        using var response = await juan.PostAsync($"/documents/{r.Id}/receive", Form(r.Version, token: null));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await StatusAsync(r.Id)).Should().Be(DocumentRequestStatuses.Approved);
    }

    [Fact]
    public async Task Receive_FromTheRequestPageForm_ReleasedAndRedirectedToTheCertificate()
    {
        var r = await ApprovedForJuanAsync();
        using var juan = await f.SignInAsync(DemoAccounts.ResidentUser, DemoAccounts.ResidentPassword);
        var token = await TokenOnRequestPageAsync(juan, r.Id);

        using var response = await juan.PostAsync($"/documents/{r.Id}/receive", Form(r.Version, token));

        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        response.Headers.Location!.ToString().Should().Be($"/documents/{r.Id}/certificate.pdf");
        (await StatusAsync(r.Id)).Should().Be(DocumentRequestStatuses.Released);
        using var again = await juan.PostAsync($"/documents/{r.Id}/receive", Form(r.Version, token));
        again.Headers.Location!.ToString().Should().Be($"/documents/{r.Id}/certificate.pdf", "a second press still hands over the certificate");
    }

    [Fact]
    public async Task Receive_AnotherResidentsRequest_NotFound()
    {
        var r = await ApprovedForJuanAsync();
        var (other, password) = await f.Host.EnsureOtherResidentAsync();
        using var maria = await f.SignInAsync(other, password);
        var html = await maria.GetStringAsync("/my/requests");
        var token = TokenInput().Match(html).Groups[1].Value;
        token.Should().NotBeEmpty();

        using var response = await maria.PostAsync($"/documents/{r.Id}/receive", Form(r.Version, token));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await StatusAsync(r.Id)).Should().Be(DocumentRequestStatuses.Approved);
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
