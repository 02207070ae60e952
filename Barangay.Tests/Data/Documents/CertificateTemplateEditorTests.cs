using System.Text;
using Barangay.Data.Documents;
using Barangay.Data.Localization;
using Barangay.Data.Settings;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Data.Documents;

/// <summary>
/// The certificate wording editor (issue 22, item 3): an unknown field is refused when saved, naming it; every seeded
/// type has its English and Filipino wording; a Filipino reader's certificate prints the Filipino wording; the preview
/// PDF is worded with the draft.
/// </summary>
public class CertificateTemplateEditorTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private DocumentsTestHost _host = null!;
    private CertificateTemplateService Templates => _host.Services.Get<CertificateTemplateService>();

    public Task InitializeAsync()
    {
        _host = new DocumentsTestHost(database.AppConnectionString, more: s => s.AddScoped<CertificateTemplateService>());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Save_UnknownField_RefusedNamingItAndNothingChanges()
    {
        await _host.AsSecretaryAsync();
        var before = (await Templates.TypesAsync()).Single(t => t.Code == "good-moral");

        var result = await Templates.SaveAsync("good-moral", AppLanguages.Filipino, "Pinatutunayan na si {pangalan}, {age} taong gulang, ay {ugali}.");

        result.Ok.Should().BeFalse();
        result.Message.Should().Contain("{pangalan}").And.Contain("{ugali}").And.Contain("not merge fields").And.Contain("{name}");
        (await Templates.TypesAsync()).Single(t => t.Code == "good-moral").Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task Save_ValidWording_KeptAndAuditedWithOldAndNew()
    {
        await _host.AsSecretaryAsync();
        const string wording = "This is to certify that {name}, of {address}, {barangay}, keeps a sari-sari store named {business_name}. Issued for {purpose}.";

        var result = await Templates.SaveAsync("business-clearance", AppLanguages.English, wording);

        result.Ok.Should().BeTrue(result.Message);
        (await Templates.TypesAsync()).Single(t => t.Code == "business-clearance").English.Should().Be(wording);
        await using var db = await _host.Services.DbAsync();
        var audit = await db.AuditLogs.AsNoTracking().Where(a => a.TargetType == CertificateTemplateService.TargetType && a.TargetId == "business-clearance").ToListAsync();
        audit.Should().ContainSingle().Which.Details.Should().Contain("sari-sari").And.Contain("is granted clearance", "the old wording is kept in the audit row");
    }

    [Fact]
    public async Task Types_EverySeededType_HasEnglishAndFilipinoWordingWithKnownFieldsOnly()
    {
        await _host.AsSecretaryAsync();

        var types = await Templates.TypesAsync();

        types.Select(t => t.Code).Should().Contain(["barangay-clearance", "certificate-of-residency", "certificate-of-indigency", "business-clearance", "good-moral", "first-time-jobseeker"]);
        foreach (var t in types)
        {
            t.Filipino.Should().NotBeNullOrWhiteSpace($"{t.Label} has a Filipino wording");
            CertificateTemplate.UnknownFields(t.English, t.OwnFields).Should().BeEmpty();
            CertificateTemplate.UnknownFields(t.Filipino!, t.OwnFields).Should().BeEmpty();
        }
    }

    [Fact]
    public async Task Types_Resident_SeesNothingAndMayNotSave()
    {
        await _host.AsJuanAsync();

        (await Templates.TypesAsync()).Should().BeEmpty();
        (await Templates.SaveAsync("good-moral", AppLanguages.English, "{name}")).Kind.Should().Be(Barangay.Data.Common.ResultKind.NotFound);
    }

    [Fact]
    public async Task Approve_HolderReadsFilipino_CertificatePrintsTheFilipinoWording()
    {
        await using (var db = await _host.Services.DbAsync())
            await db.Database.ExecuteSqlRawAsync("UPDATE users SET preferred_language = 'fil-PH' WHERE username = 'juan'");
        try
        {
            var c = (await ApprovedClearanceAsync()).Certificate!;

            c.Body.Should().StartWith("Ito ay nagpapatunay na si JUAN").And.Contain("Employment");
            c.Language.Should().Be(AppLanguages.Filipino);
            Encoding.Latin1.GetString(CertificatePdf.Render(c, "https://hall.example/verify/x")).Should().MatchRegex(@"/Lang\s*\(fil-PH\)");
        }
        finally
        {
            await using var db = await _host.Services.DbAsync();
            await db.Database.ExecuteSqlRawAsync("UPDATE users SET preferred_language = NULL WHERE username = 'juan'");
        }
    }

    [Fact]
    public async Task PreviewPdf_Draft_WordedWithTheDraftForTheSampleHolder()
    {
        await _host.AsSecretaryAsync();

        var pdf = await Templates.PreviewPdfAsync("good-moral", AppLanguages.English, "DRAFTWORDING for {name} of {barangay}.", "A4");

        pdf.Ok.Should().BeTrue();
        var text = await CertificateSigningTests.PdfTextAsync(pdf.Value!);
        text.Should().Contain("DRAFTWORDING for JUAN P. DELA CRUZ of Barangay San Isidro.").And.Contain("CERTIFICATE OF GOOD MORAL CHARACTER");
    }

    [Fact]
    public void Refusal_PreviewFill_UnknownFieldStaysVisibleAndMarkupStaysText()
    {
        var type = new TemplateType("x", "X", "", null, []);
        var filled = CertificateTemplateService.Fill("<b>{name}</b> {nickname}", CertificateTemplateService.SampleValues(type, "Barangay San Isidro", "Santa Maria", AppLanguages.English));

        filled.Should().Be("<b>JUAN P. DELA CRUZ</b> {nickname}", "the page shows this as text; the unknown field is left for the writer to see");
        CertificateTemplateService.Refusal("{nickname}", AppLanguages.English, []).Should().Contain("{nickname}").And.Contain("which is not a merge field");
        CertificateTemplateService.Refusal("", AppLanguages.Filipino, []).Should().BeNull("a blank Filipino wording falls back to English");
        CertificateTemplateService.Refusal("", AppLanguages.English, []).Should().NotBeNull();
    }

    private async Task<DocumentRequestDetail> ApprovedClearanceAsync()
    {
        var requests = _host.Requests;
        await _host.AsJuanAsync();
        var id = (await requests.CreateAsync(DocumentRequestServiceTests.Clearance())).Value!.Id;
        await _host.AsSecretaryAsync();
        var v = (await requests.ReviewAsync(id, (await requests.GetAsync(id))!.Version)).Value!.Version;
        await _host.AsTreasurerAsync();
        v = (await requests.WaiveAsync(id, v, "Indigent")).Value!.Version;
        await _host.AsKapitanAsync();
        var approved = await requests.ApproveAsync(id, v);
        approved.Ok.Should().BeTrue(approved.Message);
        return approved.Value!;
    }
}
