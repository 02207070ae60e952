using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Registrations;
using Barangay.Data.Accounts.Security;
using Barangay.Data.Documents;
using Barangay.Data.Exports;
using Barangay.Data.Localization;
using Barangay.Data.Municipality;
using Barangay.Data.Residents;
using Barangay.Data.Settings;
using Barangay.Tests.Data.Documents;
using Barangay.Tests.Data.Municipality;
using Barangay.Tests.Infrastructure;

namespace Barangay.Tests.Data.Localization;

/// <summary>
/// The rules services check before any database work — account security, passwords, exports, the RA 11032 extension,
/// the resident and registration forms — say what is wrong in the reader's language (issue 26), English unchanged.
/// </summary>
public class ServiceRulesInFilipinoTests
{
    [Fact]
    public void AccountSecurity_PasswordAndMfaAndEmailMessages_AreFilipino_EnglishUnchanged()
    {
        using (LanguageScope.Use(AppLanguages.Filipino))
        {
            AccountSecurityService.WrongPassword.Should().Be("Kasalukuyang password: hindi iyan ang kasalukuyang password mo.");
            AccountSecurityService.DisableProofWrong.Should().Be("Mali ang password o code na iyan, kaya naka-on pa rin ang two-step na pag-sign in.");
            AccountSecurityService.ConfirmLinkBroken.Should().StartWith("Hindi na gumagana ang confirmation link na ito");
        }
        using (LanguageScope.Use(AppLanguages.English))
            AccountSecurityService.DisableProofWrong.Should().Be("That password or code is not right, so MFA stays on.");
    }

    [Fact]
    public void PasswordPolicy_Refusals_AreFilipino_WithTheNumberFilledIn()
    {
        using var _ = LanguageScope.Use(AppLanguages.Filipino);
        PasswordPolicy.Check("").Should().Be("Kailangan ang password.");
        PasswordPolicy.Check("maikli").Should().Be($"Ang password ay dapat hindi bababa sa {PasswordPolicy.MinLength} na character (mainam ang ilang salitang pinagsama).");
        PasswordPolicy.Check("juan.delacruz.2026", userName: "juan.delacruz.2026").Should().Be("Hindi puwedeng ang username mo ang password.");
    }

    [Fact]
    public void ExportRequest_Refusals_AreFilipino_EnglishUnchanged()
    {
        var request = new ExportRequest(ExportDatasets.Custom, ExportFormats.All[0]) { MinAge = 60, MaxAge = 18, Columns = ["last_name"] };
        using (LanguageScope.Use(AppLanguages.Filipino))
        {
            ExportRequestValidator.Validate(request)!.Value.Message.Should().Be("Mas mababa ang pinakamataas na edad (18) kaysa sa pinakamababang edad (60).");
            ExportRequestValidator.Validate(request with { MinAge = null, MaxAge = null, Columns = [] })!.Value.Message.Should().Be("Pumili ng kahit isang column para sa custom na export.");
        }
        using (LanguageScope.Use(AppLanguages.English))
            ExportRequestValidator.Validate(request)!.Value.Message.Should().Be("Maximum age (18) is below the minimum age (60).");
    }

    [Fact]
    public void ServiceStandard_ExtensionRefusals_AreFilipino()
    {
        var row = new DocumentRequest { Status = DocumentRequestStatuses.Processing, DueAt = null };
        // A fixed moment (Wednesday 9 December 2026, 10:00 Manila), not the machine's clock: neither refusal depends on it.
        var now = new DateTime(2026, 12, 9, 2, 0, 0, DateTimeKind.Utc);
        using (LanguageScope.Use(AppLanguages.Filipino))
        {
            ServiceStandard.CanExtend(row, new DocumentRequestMetadata(), now)
                .Should().Be("Hindi pa nagsisimula ang oras ng pagproseso (kumpletong requirements at bayad na fee), kaya wala pang mapapalawig.");
            ServiceStandard.CanExtend(new DocumentRequest { Status = DocumentRequestStatuses.Released }, new DocumentRequestMetadata(), now)
                .Should().Be($"Ang kahilingang {Texts.Format(DocumentRequestStatuses.Released, AppLanguages.FilipinoCulture)} ay hindi na maaaring palawigin.");
        }
        using (LanguageScope.Use(AppLanguages.English))
            ServiceStandard.CanExtend(row, new DocumentRequestMetadata(), now).Should().StartWith("The processing time has not started yet");
    }

    [Fact]
    public void ResidentAndRegistrationForms_FieldMessages_AreFilipino_FieldNameMidSentence()
    {
        var today = new DateOnly(2026, 12, 5);
        var puroks = new HashSet<string> { "purok-1" };
        using (LanguageScope.Use(AppLanguages.Filipino))
        {
            var errors = ResidentValidator.Validate(new ResidentEdit { FirstName = "", LastName = "Cruz", Dob = new DateOnly(2026, 1, 2), Purok = "purok-1" }, today, puroks);
            errors[nameof(ResidentEdit.FirstName)].Should().Be("Kailangan ang pangalan.");
            errors[nameof(ResidentEdit.AgeReason)].Should().Be("Ang edad na 0 ay wala sa 16–90: ibigay ang dahilan (halimbawa, bagong silang o sentenaryo).");
            RegistrationValidator.Validate(new RegistrationForm { UserName = "jc" }, today, puroks)[nameof(RegistrationForm.UserName)]
                .Should().Be($"Ang username ay dapat 3 hanggang {RegistrationValidator.MaxUserName} na character.");
        }
        using (LanguageScope.Use(AppLanguages.English))
            ResidentValidator.Validate(new ResidentEdit { FirstName = "", LastName = "Cruz", Dob = new DateOnly(1990, 1, 2), Purok = "purok-1" }, today, puroks)[nameof(ResidentEdit.FirstName)]
                .Should().Be("First name is required.");
    }
}

/// <summary>What document, lookup and settings services refuse, in the reader's language (issue 26).</summary>
public class DocumentAndSettingsRefusalsInFilipinoTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private DocumentsTestHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new DocumentsTestHost(database.AppConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RevokeAndCtc_Refusals_AreFilipino()
    {
        await _host.AsJuanAsync();
        var id = (await _host.Requests.CreateAsync(DocumentRequestServiceTests.Clearance())).Value!.Id;
        await _host.AsTreasurerAsync();
        var r = (await _host.Requests.GetAsync(id))!;
        using var _ = LanguageScope.Use(AppLanguages.Filipino);
        (await _host.Requests.RevokeAsync(r.Id, r.Version, "Mali")).Message.Should().Be("Hindi ka pinapayagang magbawi ng mga sertipiko.");
        var ctc = await _host.Requests.RecordCtcAsync(r.Id, r.Version, new CtcEntry(" ", null, " "));
        ctc.Errors["CtcNumber"].Should().Be("Kailangan ang numero ng CTC.");
        ctc.Errors["CtcIssuedOn"].Should().Be("Kailangan ang petsa kung kailan ibinigay ang CTC.");
    }

    [Fact]
    public async Task SignatureUpload_Refusal_IsFilipino()
    {
        await _host.AsKapitanAsync();
        using var _ = LanguageScope.Use(AppLanguages.Filipino);
        (await _host.Services.Get<CertificateImages>().SetSignatureAsync(Guid.NewGuid())).Errors["Signature"].Should().Be("I-upload ulit ang larawan ng lagda.");
    }

    [Fact]
    public async Task LookupsAndSettings_NonAdminRefusals_AreFilipino_EnglishUnchanged()
    {
        await _host.AsSecretaryAsync();
        using (LanguageScope.Use(AppLanguages.Filipino))
        {
            (await _host.Services.Get<LookupService>().DeleteAsync(Guid.NewGuid())).Message.Should().Be("Admin lang ang puwedeng magbago ng mga listahan ng pagpipilian.");
            (await _host.Services.Get<SettingsService>().UpdateAsync(new SettingsEdit())).Message.Should().Be("Admin lang ang puwedeng magbago ng mga setting.");
        }
        using (LanguageScope.Use(AppLanguages.English))
            (await _host.Services.Get<LookupService>().DeleteAsync(Guid.NewGuid())).Message.Should().Be("Only an administrator can change lookup values.");
    }
}

/// <summary>The municipal portal's account and barangay forms say what is wrong in the reader's language (issue 26).</summary>
public sealed class MunicipalFormsInFilipinoTests(MunicipalityFixture muni) : IClassFixture<MunicipalityFixture>
{
    [Fact]
    public async Task MunicipalAccountAndNewBarangay_FieldMessages_AreFilipino()
    {
        using var _ = LanguageScope.Use(AppLanguages.Filipino);
        var account = await muni.Get<MunicipalAccounts>().CreateAsync("mlgoo.santos", " ", " ", "mayor", "Mlgoo#2026-santamaria", "test");
        account.Errors["FullName"].Should().Be("Ilagay ang buong pangalan ng tao.");
        account.Errors["Role"].Should().Be("Ang tungkulin ay viewer o admin.");
        var barangay = await muni.Get<BarangayProvisioner>().CreateAsync(new NewBarangay("Caypombo", "031420011", "caypombo.santamaria.example", Slug: "Caypombo!"), "test");
        barangay.Errors["Slug"].Should().Be("Ang maikling pangalan ay maliliit na titik, numero at gitling (halimbawa san-isidro).");
    }
}
