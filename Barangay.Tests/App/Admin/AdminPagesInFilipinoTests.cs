using Barangay.App.Components.Pages.Admin;
using Barangay.App.Components.Pages.Admin.Lookups;
using Barangay.App.Components.Pages.Admin.Officials;
using Barangay.App.Components.Pages.Admin.Audit;
using Barangay.App.Components.Pages.Admin.Settings;
using Barangay.App.Components.Pages.Exports;
using Barangay.App.Components.Pages.Imports;
using Barangay.App.Components.Pages.Reports;
using Barangay.Data.Exports;
using Barangay.Data.Imports;
using Barangay.Tests.Data.Imports;
using Barangay.Data.Localization;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.App.Admin;

/// <summary>Issue 26 item 1: the admin's everyday pages (users, settings, lookup values, officials) for a Filipino admin.</summary>
public class AdminPagesInFilipinoTests : AdminPageTestBase, IClassFixture<DemoDatabase>
{
    public AdminPagesInFilipinoTests(DemoDatabase database) : base(database, AppLanguages.Filipino)
    {
        Services.AddSingleton<IImportDispatcher>(new ImportTestHost.RecordingDispatcher());
        Services.AddScoped<ImportService>();
        Services.AddSingleton<IExportDispatcher, NoExportDispatcher>();
        Services.AddScoped<ExportService>();
    }

    private sealed class NoExportDispatcher : IExportDispatcher
    {
        public Task DispatchAsync(Guid exportId, CancellationToken ct = default) => Task.CompletedTask;
    }

    /// <summary>The office's tools: imports, exports, reports and the audit log, headings, forms and empty states.</summary>
    [Fact]
    public void ImportsExportsReportsAndAudit_InFilipino()
    {
        // The exports page polls only when interactive; a static render is enough for what it says.
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", false));
        var imports = Render<ImportsPage>();
        imports.WaitForAssertion(() => imports.Find("h1").TextContent.Should().Be("Mga import"));
        imports.Markup.Should().Contain("I-import sa").And.Contain("Pumili ng CSV o XLSX na file").And.Contain("Ang iyong mga import")
            .And.NotContain("Choose a CSV or XLSX file").And.NotContain("Your imports");

        var exports = Render<ExportsPage>();
        exports.WaitForAssertion(() => exports.Find("h1").TextContent.Should().Be("Mga export"));
        exports.Markup.Should().Contain("Simulan ang export").And.Contain("Ang iyong mga export").And.Contain("Kapag blangko: ang buong barangay")
            .And.NotContain("Start export").And.NotContain("Your exports");

        var reports = Render<ReportsPage>();
        reports.WaitForAssertion(() => reports.Find("h1").TextContent.Should().Be("Mga ulat"));
        reports.Markup.Should().Contain("Pag-isyu ng mga dokumento").And.Contain("Unang araw").And.Contain("Buong barangay at bawat purok")
            .And.NotContain("First day").And.NotContain("Document issuance");

        var audit = Render<AuditPage>();
        audit.WaitForAssertion(() => audit.FindAll("[data-testid=audit-table] tbody tr").Should().NotBeEmpty());
        audit.Markup.Should().Contain("Kailan (oras sa Maynila)").And.Contain("Sino (pangalan o username)").And.Contain("Aksyon")
            .And.NotContain("When (Manila)").And.NotContain("No audit entries match");
    }

    [Fact]
    public void UsersPage_InFilipino_HeadingsFiltersAndStatuses()
    {
        var cut = Render<UsersPage>();
        cut.WaitForAssertion(() => cut.FindAll("tbody tr").Count.Should().BeGreaterThan(1));

        cut.Find("h1").TextContent.Should().Be("Mga user account");
        cut.Markup.Should().Contain("Mga tungkulin").And.Contain("Huling pag-sign in (oras sa Maynila)").And.Contain("Kahina-hinalang aktibidad")
            .And.Contain("Hanapin ang pangalan, username o email").And.Contain(">aktibo<").And.Contain(">Residente<").And.Contain(">Opisyal<")
            .And.Contain("Mga aksyon para kay admin");
        cut.Markup.Should().NotContain("User accounts").And.NotContain("Last sign-in").And.NotContain("Suspicious activity");
    }

    [Fact]
    public void SettingsPage_InFilipino_EverySection()
    {
        var cut = Render<SettingsPage>();
        cut.WaitForElement("#settings-save");

        cut.Find("h1").TextContent.Should().Be("Mga setting");
        cut.Find("#settings-save").TextContent.Trim().Should().Be("I-save ang mga setting");
        cut.Markup.Should().Contain("Pangalan ng barangay").And.Contain("Oras ng opisina").And.Contain("Bayad sa mga dokumento")
            .And.Contain("Mga sertipiko").And.Contain("Mga holiday").And.Contain("Mga export").And.Contain("Seguridad ng pag-sign in")
            .And.Contain("Pag-apruba ng mga kahilingan ng dokumento").And.Contain("Pangunahing wika");
        cut.Markup.Should().NotContain("Save settings").And.NotContain("Office hours").And.NotContain("Document fees").And.NotContain("Sign-in security");
    }

    /// <summary>The service's refusal is in the reader's language too (Texts.Say in SettingsValidator).</summary>
    [Fact]
    public void SettingsPage_RefusedEmailSender_SaysWhyInFilipino()
    {
        var cut = Render<SettingsPage>();
        cut.WaitForElement("#setting-email-sender");

        cut.Find("#setting-email-sender").Change("hall@@sanisidro");
        cut.Find("#settings-save").Click();

        cut.WaitForAssertion(() => FieldErrors(cut).Should().Contain(
            "Hindi tamang email address ang \"hall@@sanisidro\" para sa email na nagpapadala (halimbawa: no-reply@yourbarangay.gov.ph)."));
    }

    [Fact]
    public void LookupsPage_InFilipino_TabsAndColumns()
    {
        var cut = Render<LookupsPage>();
        cut.WaitForAssertion(() => cut.Markup.Should().Contain("Pagkakasunod"));

        cut.Find("h1").TextContent.Should().Be("Mga listahan ng pagpipilian");
        cut.Markup.Should().Contain("Mga purok").And.Contain("Mga uri ng dokumento").And.Contain("Magdagdag ng value").And.Contain("Ginagamit ng")
            .And.Contain("Ipakita ang mga hindi na ginagamit");
        cut.Markup.Should().NotContain("Add a value").And.NotContain("Used by").And.NotContain("Show retired");
    }

    [Fact]
    public void OfficialsAdminPage_InFilipino_ColumnsAndStatuses()
    {
        var cut = Render<OfficialsAdminPage>();
        cut.WaitForAssertion(() => cut.FindAll(".official-status-chip").Should().NotBeEmpty());

        cut.Find("h1").TextContent.Should().Be("Mga opisyal");
        cut.Markup.Should().Contain("Magdagdag ng opisyal").And.Contain("Posisyon").And.Contain("Termino").And.Contain("Hanapin ang pangalan o official ID");
        cut.FindAll(".official-status-chip").Select(c => c.TextContent.Trim()).Should().Contain("Aktibo").And.NotContain("Active");
    }
}
