using Barangay.App.Components.Pages.Admin.Settings;
using Barangay.App.Hosting;
using Barangay.Data;
using Barangay.Data.Files;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Data.Settings;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.App.Components;

/// <summary>The settings page over the real services and the demo database, signed in as the admin.</summary>
public class SettingsPageTests : DemoPageTestBase, IClassFixture<DemoDatabase>
{
    public SettingsPageTests(DemoDatabase database) : base(database)
    {
        // The certificates section's "rotate the signing key".
        Services.AddScoped<Barangay.Data.Documents.DocumentRequestService>();
    }

    private Task SignInAdminAsync() => SignInAsync(DemoAccounts.AdminUser);

    [Fact]
    public async Task Save_SecretaryTickedAsApprover_IsStoredForTheApprovalRule()
    {
        await SignInAdminAsync();
        var cut = Render<SettingsPage>();
        cut.WaitForElement("[data-testid=setting-approver-Secretary] input, input[data-testid=setting-approver-Secretary]", TimeSpan.FromSeconds(10));

        cut.Find("[data-testid=setting-approver-Secretary] input, input[data-testid=setting-approver-Secretary]").Change(true);
        cut.Find("#settings-save").Click();

        cut.WaitForAssertion(() => cut.Find("#settings-save").TextContent.Should().Contain("Save settings"), TimeSpan.FromSeconds(10));
        cut.FindAll("#settings-errors").Should().BeEmpty();
        await using var db = await Services.GetRequiredService<IDbContextFactory<BarangayDbContext>>().CreateDbContextAsync();
        (await Barangay.Data.Documents.DocumentApprovers.DelegatedAsync(db, default)).Should().Equal("Secretary");
    }

    [Fact]
    public async Task Save_InvalidEmailSender_ShowsTheMessageUnderTheFieldAndSavesNothing()
    {
        await SignInAdminAsync();
        var cut = Render<SettingsPage>();
        cut.WaitForElement("#setting-email-sender", TimeSpan.FromSeconds(10));

        cut.Find("#setting-email-sender").Change("hall@@sanisidro");
        cut.Find("#settings-save").Click();

        const string message = "Email sender \"hall@@sanisidro\" is not a valid email address";
        cut.WaitForAssertion(() => cut.Find("#settings-errors").TextContent.Should().Contain(message));
        cut.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent).Should().Contain(t => t.Contains(message, StringComparison.Ordinal));
        var stored = await Services.GetRequiredService<SettingsService>().GetAsync();
        stored!.EmailSender.Should().Be("no-reply@sanisidro.example");
    }

    [Fact]
    public async Task Save_NewName_IsStored()
    {
        await SignInAdminAsync();
        var cut = Render<SettingsPage>();
        cut.WaitForElement("#setting-barangay-name", TimeSpan.FromSeconds(10));

        cut.Find("#setting-barangay-name").Change("Barangay San Isidro Norte");
        cut.Find("#settings-save").Click();

        cut.WaitForAssertion(() => cut.Find("#settings-save").TextContent.Should().Contain("Save settings"), TimeSpan.FromSeconds(10));
        cut.FindAll("#settings-errors").Should().BeEmpty();
        (await Services.GetRequiredService<BarangayProfileService>().GetAsync()).Name.Should().Be("Barangay San Isidro Norte");
    }

    /// <summary>Issue 26, item 4: the admin chooses the language of the printed reports on the settings page.</summary>
    [Fact]
    public async Task Save_ReportLanguageFilipino_IsWhatTheReportsPrintIn()
    {
        await SignInAdminAsync();
        var cut = Render<SettingsPage>();
        cut.WaitForElement("[data-testid=setting-report-language]", TimeSpan.FromSeconds(10));
        cut.Markup.Should().Contain("Language of printed reports");
        var select = cut.FindComponents<MudBlazor.MudSelect<string>>()
            .Single(s => s.Instance.UserAttributes.TryGetValue("data-testid", out var id) && (string?)id == "setting-report-language");

        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(Barangay.Data.Localization.AppLanguages.Filipino));
        cut.Find("#settings-save").Click();

        cut.WaitForAssertion(() => cut.Find("#settings-save").TextContent.Should().Contain("Save settings"), TimeSpan.FromSeconds(10));
        cut.FindAll("#settings-errors").Should().BeEmpty();
        (await Services.GetRequiredService<BarangayProfileService>().GetAsync()).ReportLanguage.Should().Be(Barangay.Data.Localization.AppLanguages.Filipino);
    }
}
