using Barangay.App.Components.Pages.Documents;
using Barangay.Data;
using Barangay.Data.Documents;
using Barangay.Data.Localization;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Barangay.Tests.App.Components;

/// <summary>
/// The certificate wording page (issue 22, item 3) over the real template service and the demo database: the secretary
/// sees each type's wording and a filled-in preview, an unknown merge field is named as it is typed and refused when
/// saved, a good wording is stored for the next approval, each language has its own wording; others cannot edit.
/// </summary>
public class TemplatesPageTests : ComponentTestBase, IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private readonly TestCaller _caller = new();

    public TemplatesPageTests(DemoDatabase database)
    {
        Services.AddBarangayData(database.AppConnectionString, new DatabaseOptions());
        Services.AddSingleton<ICurrentUser>(_caller);
        Services.AddScoped<BarangayDb>();
        Services.AddScoped<CertificateTemplateService>();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services dispose only asynchronously.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private async Task SignInAsync(string userName, string? position = null)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<BarangayDbContext>>().CreateDbContextAsync();
        var u = await db.Users.AsNoTracking().SingleAsync(x => x.UserName == userName);
        _caller.Current = TestCaller.As(u.Id, u.UserName!, u.Roles, position);
    }

    private async Task<DocumentType> StoredAsync(string code)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<BarangayDbContext>>().CreateDbContextAsync();
        var row = await db.LookupValues.AsNoTracking().SingleAsync(l => l.Category == LookupCategories.DocumentType && l.Code == code);
        return DocumentType.Parse(row.Code, row.Label, row.Meta);
    }

    private IRenderedComponent<TemplatesPage> Open()
    {
        var cut = Render<TemplatesPage>();
        cut.WaitForElement("textarea[data-testid=template-text]");
        return cut;
    }

    private static void Type(IRenderedComponent<TemplatesPage> cut, string text)
    {
        // Immediate with a debounce: the value is taken on input after 250 ms, so wait for the page to show it.
        cut.Find("textarea[data-testid=template-text]").Input(text);
        cut.WaitForAssertion(() => cut.Find("[data-testid=template-preview-form] input[name=text]").GetAttribute("value").Should().Be(text));
    }

    /// <summary>What the wording box holds.</summary>
    private static string Wording(IRenderedComponent<TemplatesPage> cut)
    {
        var box = cut.Find("textarea[data-testid=template-text]");
        return (box.GetAttribute("value") ?? box.TextContent).Trim();
    }

    [Fact]
    public async Task Open_Secretary_FirstTypesWordingWithAPreviewFilledForTheSampleHolder()
    {
        await SignInAsync("secretary", OfficialPositions.Secretary);
        var clearance = await StoredAsync("barangay-clearance");

        var cut = Open();

        Wording(cut).Should().Be(clearance.Template.Trim());
        var preview = cut.Find("[data-testid=template-preview-body]").TextContent;
        preview.Should().Contain("JUAN P. DELA CRUZ").And.NotContain("{name}", "the preview shows the wording filled in");
        preview.Should().Contain("Barangay San Isidro, Santa Maria, Bulacan", "the preview reads as this barangay's certificates will");
        cut.Find("[data-testid=template-preview]").TextContent.Should().Contain("BARANGAY CLEARANCE");
        cut.Find("[data-testid=template-fields]").TextContent.Should().Contain("{name}").And.Contain("{civil_status}").And.Contain("{purpose}");
        cut.Find("[data-testid=template-preview-form] input[name=type]").GetAttribute("value").Should().Be("barangay-clearance");
    }

    [Fact]
    public async Task Type_UnknownField_NamedAtOnceAndRefusedWhenSavedNothingStored()
    {
        await SignInAsync("secretary", OfficialPositions.Secretary);
        var before = await StoredAsync("barangay-clearance");
        var cut = Open();

        Type(cut, "This is to certify that {name}, also known as {nickname}, lives here.");

        cut.WaitForAssertion(() => cut.Find("textarea[data-testid=template-text]").Closest(".mud-input-control")!.TextContent.Should().Contain("{nickname}, which is not a merge field"));
        cut.Find("[data-testid=template-preview-body]").TextContent.Should().Contain("{nickname}", "an unknown field stays visible in the preview, never silently blank");
        cut.Find("[data-testid=template-save]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=template-save-error]").TextContent.Should().Contain("{nickname}"));
        cut.FindAll("[data-testid=template-saved]").Should().BeEmpty();
        (await StoredAsync("barangay-clearance")).Template.Should().Be(before.Template);
    }

    [Fact]
    public async Task Save_GoodWording_StoredSaidSoAndKeptWhenTheTypeIsOpenedAgain()
    {
        // Good Moral Character, not the clearance the other tests read: the class shares one database.
        await SignInAsync("secretary", OfficialPositions.Secretary);
        var cut = Open();
        var select = cut.FindComponent<MudSelect<string>>();
        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync("good-moral"));
        const string wording = "This is to certify that {name}, {age} years old, resides at {address}, {barangay}. Issued for {purpose}.";

        Type(cut, wording);
        cut.Find("[data-testid=template-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=template-saved]").TextContent.Should().Contain("Saved").And.Contain("Good Moral Character"));
        (await StoredAsync("good-moral")).Template.Should().Be(wording);
        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync("certificate-of-residency"));
        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync("good-moral"));
        cut.WaitForAssertion(() => Wording(cut).Should().Be(wording));
        cut.FindAll("[data-testid=template-saved]").Should().BeEmpty("the message was about the save, not about the type opened again");
    }

    [Fact]
    public async Task ChooseLanguage_Filipino_ShowsTheFilipinoWordingAndPreviewInFilipino()
    {
        await SignInAsync("secretary", OfficialPositions.Secretary);
        var indigency = await StoredAsync("certificate-of-indigency");
        var cut = Open();
        var select = cut.FindComponent<MudSelect<string>>();
        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync("certificate-of-indigency"));

        var language = cut.FindComponent<MudRadioGroup<string>>();
        await cut.InvokeAsync(() => language.Instance.ValueChanged.InvokeAsync(AppLanguages.Filipino));

        indigency.TemplateFil.Should().NotBeNullOrWhiteSpace("the demo seeds Filipino wording for every type");
        cut.WaitForAssertion(() => Wording(cut).Should().Be(indigency.TemplateFil!.Trim()));
        cut.Find("[data-testid=template-preview]").GetAttribute("lang").Should().Be("fil");
        cut.Find("[data-testid=template-preview-body]").TextContent.Should().Contain("Ito ay nagpapatunay");
        cut.Find("[data-testid=template-preview-form] input[name=language]").GetAttribute("value").Should().Be(AppLanguages.Filipino);
    }

    [Fact]
    public async Task Open_Treasurer_ToldWhoMayEditAndShownNoWording()
    {
        await SignInAsync("treasurer", OfficialPositions.Treasurer);

        var cut = Render<TemplatesPage>();

        cut.WaitForElement("[data-testid=templates-not-allowed]");
        cut.FindAll("textarea").Should().BeEmpty();
    }
}
