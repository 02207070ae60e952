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

    /// <summary>The message box the page shows, and its button with <paramref name="text"/>.</summary>
    private static AngleSharp.Dom.IElement DialogButton(IRenderedComponent<MudDialogProvider> dialogs, string text) =>
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == text);

    /// <summary>
    /// Chooses <paramref name="value"/> in a select or radio group as a click does: the control takes the value itself
    /// first, then tells the page, so a page that says "keep editing" must bring the control back. (Through the
    /// control's own method, found by reflection: bUnit does not open MudBlazor's popover.)
    /// </summary>
    private static Task ChooseAsync<TControl>(IRenderedComponent<TemplatesPage> cut, IRenderedComponent<TControl> control, string value) where TControl : Microsoft.AspNetCore.Components.IComponent
    {
        var methods = typeof(TControl).GetMethods(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic);
        var choose = methods.FirstOrDefault(m => m.Name is "SelectOptionAsync" or "SelectOption" or "SetSelectedOptionAsync" && m.ReturnType == typeof(Task)
                                                 && m.GetParameters() is [{ ParameterType: var t }] && t == typeof(string))
                     ?? throw new InvalidOperationException($"{typeof(TControl).Name} has no method to choose a value: " + string.Join(", ",
                         methods.Where(m => m.Name.Contains("Select", StringComparison.Ordinal)).Select(m => $"{m.Name}({string.Join(",", m.GetParameters().Select(p => p.ParameterType.Name))})")));
        return cut.InvokeAsync(() => (Task)choose.Invoke(control.Instance, [value])!);
    }

    /// <summary>Clicks the radio for <paramref name="language"/> as a tap does (MudRadio's own path into its group).</summary>
    private static Task ChooseLanguageAsync(IRenderedComponent<TemplatesPage> cut, IRenderedComponent<MudRadioGroup<string>> group, string language)
    {
#pragma warning disable MUD0012
        var radio = cut.FindComponents<MudRadio<string>>().Single(r => r.Instance.Value == language).Instance;
#pragma warning restore MUD0012
        var choose = typeof(MudRadioGroup<string>).GetMethods(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)
            .Single(m => m.Name == "SetSelectedRadioAsync" && m.GetParameters() is [{ ParameterType: var t }] && t == typeof(MudRadio<string>));
        return cut.InvokeAsync(() => (Task)choose.Invoke(group.Instance, [radio])!);
    }

    /// <summary>The document the select holds.</summary>
    // Read, never set: the analyser's rule is against setting a parameter from outside.
#pragma warning disable MUD0012
    private static string? Shown(IRenderedComponent<MudSelect<string>> select) => select.Instance.Value;

    private static string? Shown(IRenderedComponent<MudRadioGroup<string>> radios) => radios.Instance.Value;
#pragma warning restore MUD0012

    [Fact]
    public async Task SwitchTypeOrLanguage_WithAnUnsavedDraft_AsksFirst_KeepEditingKeepsTheDraft_DiscardOpensTheOther()
    {
        await SignInAsync("secretary", OfficialPositions.Secretary);
        var residency = await StoredAsync("certificate-of-residency");
        var clearance = await StoredAsync("barangay-clearance");
        var dialogs = Render<MudDialogProvider>();
        var cut = Open();
        var select = cut.FindComponent<MudSelect<string>>();
        const string draft = "This is to certify that {name} of {address} is a person I have known for years.";
        Type(cut, draft);
        cut.Find("[data-testid=template-unsaved]").TextContent.Should().Contain("Unsaved changes");

        // Another document while the draft is unsaved: asked, and "Keep editing" leaves everything as it was.
        var switching = ChooseAsync(cut, select, "certificate-of-residency");
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-dialog").TextContent.Should().Contain("Your changes to the English wording of Barangay Clearance are not saved"));
        Wording(cut).Should().Be(draft, "nothing is dropped while the question is open");
        await cut.InvokeAsync(() => DialogButton(dialogs, "Keep editing").Click());
        await switching;
        cut.WaitForAssertion(() => dialogs.FindAll(".mud-dialog").Should().BeEmpty());
        Wording(cut).Should().Be(draft);
        cut.WaitForAssertion(() => Shown(select).Should().Be("barangay-clearance", "the select shows the document still being edited"));
        cut.Find("[data-testid=template-preview-form] input[name=type]").GetAttribute("value").Should().Be("barangay-clearance");
        cut.Find("[data-testid=template-preview-body]").TextContent.Should().Contain("a person I have known for years");

        // The other language: asked too; "Discard changes" opens the Filipino wording and the draft is gone.
        var language = cut.FindComponent<MudRadioGroup<string>>();
        var keep = ChooseLanguageAsync(cut, language, AppLanguages.Filipino);
        dialogs.WaitForAssertion(() => DialogButton(dialogs, "Keep editing"));
        await cut.InvokeAsync(() => DialogButton(dialogs, "Keep editing").Click());
        await keep;
        cut.WaitForAssertion(() => Shown(language).Should().Be(AppLanguages.English, "the radios show the language still being edited"));
        Wording(cut).Should().Be(draft);
        var toFilipino = ChooseLanguageAsync(cut, language, AppLanguages.Filipino);
        dialogs.WaitForAssertion(() => DialogButton(dialogs, "Discard changes"));
        await cut.InvokeAsync(() => DialogButton(dialogs, "Discard changes").Click());
        await toFilipino;
        cut.WaitForAssertion(() => Wording(cut).Should().Be(clearance.TemplateFil!.Trim()));
        cut.FindAll("[data-testid=template-unsaved]").Should().BeEmpty();

        // With nothing unsaved, switching asks nothing.
        await ChooseAsync(cut, select, "certificate-of-residency");
        cut.WaitForAssertion(() => Wording(cut).Should().Be(residency.TemplateFil!.Trim()));
        Shown(select).Should().Be("certificate-of-residency");
        dialogs.FindAll(".mud-dialog").Should().BeEmpty();
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
