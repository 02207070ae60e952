using Barangay.App.Charter;
using Barangay.Data.Documents;
using Barangay.Data.Localization;
using Barangay.Data.Settings;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.Data.Documents;

/// <summary>
/// The Citizen's Charter (RA 11032 §6) is generated from the document types: each service with who may avail, the
/// requirements and where to get them, the fee, the processing time, the person responsible and the steps; a change in
/// settings shows at once; the page renders without a circuit and the poster is A3.
/// </summary>
public class CitizensCharterTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = new TestServices(database.AppConnectionString, s => s.AddSingleton<CitizensCharterService>());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Charter_EveryServiceFromTheDocumentTypes_InStepWithTheSettings()
    {
        var charter = await _services.Get<CitizensCharterService>().GetAsync();
        var clearance = charter.Services.Single(s => s.Code == "barangay-clearance");
        (clearance.Name, clearance.Classification, clearance.WorkingDays).Should().Be(("Barangay Clearance", "Simple", 3));
        clearance.Fees.Should().StartWith("₱100.00");
        clearance.Requirements.Should().Contain(r => r.What.Contains("cedula") && r.WhereToGet.Contains("Treasurer"));
        clearance.Steps.Should().Contain(s => s.Responsible.Contains("Ricardo M. Dela Cruz") && s.Responsible.Contains("Punong Barangay"));
        clearance.Steps.Should().Contain(s => s.Step.Contains("Pay the fee") && s.Responsible.Contains("Treasurer"));
        var indigency = charter.Services.Single(s => s.Code == "certificate-of-indigency");
        indigency.Fees.Should().StartWith("None");
        indigency.Steps.Should().NotContain(s => s.Step.Contains("Pay"), "a free document never asks for a fee");
        charter.Services.Single(s => s.Code == "business-clearance").WorkingDays.Should().Be(7);

        // Settings change → the charter changes: a fee of ₱150 and a highly technical class.
        await using (var db = await _services.DbAsync())
        {
            var type = await db.LookupValues.SingleAsync(l => l.Category == LookupCategories.DocumentType && l.Code == "barangay-clearance");
            var meta = System.Text.Json.Nodes.JsonNode.Parse(type.Meta!)!.AsObject();
            meta["fee"] = 150;
            meta["class"] = "highly_technical";
            type.Meta = meta.ToJsonString();
            await db.SaveChangesAsync();
        }
        var after = (await _services.Get<CitizensCharterService>().GetAsync()).Services.Single(s => s.Code == "barangay-clearance");
        (after.Fees[..7], after.Classification, after.WorkingDays).Should().Be(("₱150.00", "Highly technical", 20));

        var pdf = System.Text.Encoding.Latin1.GetString(CharterPdf.Render(await _services.Get<CitizensCharterService>().GetAsync(), TestClock.UtcNow));
        pdf.Should().MatchRegex(@"/MediaBox\s*\[0 0 842(\.\d+)? 1191", "the poster is A3");
    }

    [Fact]
    public async Task CharterPage_RendersEachServiceAsPlainHtml()
    {
        var charter = await _services.Get<CitizensCharterService>().GetAsync();
        await using var ctx = new BunitContext();
        // The page's fixed words through the app's catalogue, as the app renders it (English here).
        ctx.Services.AddScoped<Barangay.App.Localization.UiLanguage>();
        ctx.Services.AddTransient(typeof(Microsoft.Extensions.Localization.IStringLocalizer<>), typeof(Barangay.App.Localization.TextsLocalizer<>));
        var cut = ctx.Render<CharterView>(p => p.Add(x => x.Charter, charter));
        cut.FindAll("[data-testid=charter-service]").Count.Should().Be(charter.Services.Count);
        cut.Find("#service-barangay-clearance [data-testid=charter-time]").TextContent.Should().Be("3 working days");
        cut.Find("[data-testid=charter-poster]").GetAttribute("href").Should().Be("/charter.pdf");
        cut.Markup.Should().NotContain("blazor.web.js", "no circuit: the page is plain server-rendered HTML");
    }

    [Fact]
    public async Task CharterPage_FilipinoReader_ReadsTheServiceDetailsInFilipino()
    {
        // As the /charter endpoint does for a reader whose language is Filipino.
        using var _ = LanguageScope.Use(AppLanguages.Filipino);
        var charter = await _services.Get<CitizensCharterService>().GetAsync(
            Barangay.Data.Reports.PrintLanguage.Of(Barangay.Data.Localization.AppLanguages.Current.Name));
        await using var ctx = new BunitContext();
        ctx.Services.AddScoped<Barangay.App.Localization.UiLanguage>();
        ctx.Services.AddTransient(typeof(Microsoft.Extensions.Localization.IStringLocalizer<>), typeof(Barangay.App.Localization.TextsLocalizer<>));
        var cut = ctx.Render<CharterView>(p => p.Add(x => x.Charter, charter));

        var clearance = cut.Find("#service-barangay-clearance");
        clearance.TextContent.Should().Contain("Bayaran ang fee na ₱100.00", "the steps")
            .And.Contain("Barangay Clearance", "the document's name stays as recorded");
        cut.Find("#service-barangay-clearance [data-testid=charter-time]").TextContent.Should().Be("3 araw ng trabaho");
        cut.Find("#service-certificate-of-indigency [data-testid=charter-fee]").TextContent.Should().StartWith("Wala");
        cut.Find("#service-barangay-clearance [data-testid=charter-class]").TextContent.Should().Be("Simple");
        // Every fixed English sentence of the service details (fees, who may avail, where to get, steps, time).
        cut.Markup.Should().NotContain("Residents of the barangay").And.NotContain("Pay the fee").And.NotContain("paid at the Treasurer's window")
            .And.NotContain("File the request online").And.NotContain("working day").And.NotContain("minutes").And.NotContain("Release:")
            .And.NotContain("Evaluation and approval").And.NotContain("Treasurer's Office, or").And.NotContain("Who may avail");
    }
}
