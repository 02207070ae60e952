using Barangay.Data.Documents;
using Barangay.Data.Localization;
using Barangay.Tests.Data.Documents;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Localization;

/// <summary>
/// Issue 26, item 4: a certificate is worded in the language chosen with its request, whatever the holder's account
/// language; with no choice it follows the account (issue 22).
/// </summary>
public class CertificateLanguagePerDocumentTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private DocumentsTestHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new DocumentsTestHost(database.AppConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task JuanPrefersAsync(string? language)
    {
        await using var db = await _host.Services.DbAsync();
        await db.Users.Where(u => u.UserName == "juan").ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, language));
    }

    private async Task<CertificateData> ApprovedClearanceAsync(string? language)
    {
        var requests = _host.Requests;
        await _host.AsJuanAsync();
        var input = DocumentRequestServiceTests.Clearance();
        input.Language = language;
        var created = await requests.CreateAsync(input);
        created.Ok.Should().BeTrue(created.Message);
        var id = created.Value!.Id;
        await _host.AsSecretaryAsync();
        var v = (await requests.ReviewAsync(id, (await requests.GetAsync(id))!.Version)).Value!.Version;
        await _host.AsTreasurerAsync();
        v = (await requests.WaiveAsync(id, v, "Indigent")).Value!.Version;
        await _host.AsKapitanAsync();
        var approved = await requests.ApproveAsync(id, v);
        approved.Ok.Should().BeTrue(approved.Message);
        return approved.Value!.Certificate!;
    }

    [Fact]
    public async Task RequestedInFilipino_EnglishReader_CertificateInFilipino()
    {
        await JuanPrefersAsync(AppLanguages.English);
        try
        {
            var c = await ApprovedClearanceAsync(AppLanguages.Filipino);

            c.Body.Should().StartWith("Ito ay nagpapatunay na si JUAN");
            c.Language.Should().Be(AppLanguages.Filipino);
            // The certificate's own words around the wording are Filipino too; the document's name stays as it is.
            var text = Squeeze(await CertificateSigningTests.PdfTextAsync(CertificatePdf.Render(c, "https://hall.example/verify/x")));
            text.Should().Contain(Squeeze("Republika ng Pilipinas")).And.Contain("SAKINAUUKULAN:").And.Contain(Squeeze("Ibinigay ngayong ika-"))
                .And.Contain(Squeeze("Lagda ng may-hawak")).And.Contain("BARANGAYCLEARANCE")
                .And.NotContain("TOWHOMITMAYCONCERN").And.NotContain("Issuedthis").And.NotContain("Republicofthe");
        }
        finally { await JuanPrefersAsync(null); }
    }

    [Fact]
    public async Task RequestedInEnglish_FilipinoReader_CertificateInEnglish()
    {
        await JuanPrefersAsync(AppLanguages.Filipino);
        try
        {
            var c = await ApprovedClearanceAsync(AppLanguages.English);

            c.Body.Should().StartWith("This is to certify that JUAN");
            c.Language.Should().Be(AppLanguages.English);
            var text = Squeeze(await CertificateSigningTests.PdfTextAsync(CertificatePdf.Render(c, "https://hall.example/verify/x")));
            text.Should().Contain("TOWHOMITMAYCONCERN:").And.Contain("Issuedthis").And.Contain("RepublicofthePhilippines").And.NotContain("Ibinigay");
        }
        finally { await JuanPrefersAsync(null); }
    }

    private static string Squeeze(string s) => System.Text.RegularExpressions.Regex.Replace(s, @"\s", "");

    [Fact]
    public async Task NoChoice_FollowsTheAccountLanguage()
    {
        await JuanPrefersAsync(AppLanguages.Filipino);
        try
        {
            (await ApprovedClearanceAsync(null)).Body.Should().StartWith("Ito ay nagpapatunay na si JUAN");
        }
        finally { await JuanPrefersAsync(null); }
    }
}
