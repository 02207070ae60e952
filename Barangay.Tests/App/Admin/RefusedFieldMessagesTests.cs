using Barangay.App.Components.Pages.Admin.Lookups;
using Barangay.App.Components.Pages.Admin.Officials;
using Barangay.App.Components.Pages.Admin.Settings;
using Barangay.Data.Localization;
using Barangay.Data.Officials;
using Barangay.Data.Settings;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Barangay.Tests.App.Admin;

/// <summary>
/// Issue 24 item 7's pattern on the admin forms (<c>ShownErrors</c>): a refused field's message goes once that field is
/// changed, and the other refused fields keep theirs until the next save.
/// </summary>
public class RefusedFieldMessagesTests(DemoDatabase database) : AdminPageTestBase(database, AppLanguages.English), IClassFixture<DemoDatabase>
{
    private static AngleSharp.Dom.IElement Input<T>(IRenderedComponent<T> cut, string id) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.Find($"#{id}, [data-testid={id}] input, input[data-testid={id}], [data-testid={id}] textarea");

    /// <summary>Each settings section: its field is refused beside another section's (upload limit, or export retention).</summary>
    [Theory]
    [InlineData("setting-barangay-name", "", "Barangay name is required.")]
    [InlineData("setting-email-sender", "hall@@sanisidro", "Email sender \"hall@@sanisidro\" is not a valid email address")]
    [InlineData("setting-upload-max", "999", "Upload limit must be between")]
    [InlineData("setting-export-retention", "0", "Export retention must be between")]
    [InlineData("setting-holidays", "2026-13-40 Nowhere Day", "Holidays, line 1: \"2026-13-40\" is not a date")]
    [InlineData("setting-fee-barangay-clearance", "-5", "cannot be negative")]
    public void SettingsSection_ChangedField_LosesItsMessage_TheOtherKeepsIts(string field, string refused, string message)
    {
        var cut = Render<SettingsPage>();
        cut.WaitForElement("#settings-save");
        var other = field == "setting-upload-max" ? ("setting-export-retention", "0", "Export retention must be between") : ("setting-upload-max", "999", "Upload limit must be between");

        Input(cut, field).Change(refused);
        Input(cut, other.Item1).Change(other.Item2);
        cut.Find("#settings-save").Click();
        cut.WaitForAssertion(() => FieldErrors(cut).Should().Contain(e => e.Contains(message)).And.Contain(e => e.Contains(other.Item3)));

        Input(cut, field).Change(refused + "1");

        cut.WaitForAssertion(() => FieldErrors(cut).Should().NotContain(e => e.Contains(message), "the field was changed since it was refused"));
        FieldErrors(cut).Should().Contain(e => e.Contains(other.Item3), "that field is as it was refused");
        cut.Find("#settings-errors").TextContent.Should().NotContain(message, "the summary above the sections drops it too")
            .And.Contain(other.Item3);
    }

    [Fact]
    public async Task LookupEditDialog_ChangedCode_LosesItsMessage_TheLabelKeepsIts()
    {
        var dialogs = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        var service = Services.GetRequiredService<IDialogService>();
        await dialogs.InvokeAsync(() => service.ShowAsync<LookupEditDialog>("Add to Puroks", new DialogParameters<LookupEditDialog>
        {
            { x => x.Category, LookupCatalog.Find(LookupCategories.Purok)! },
            { x => x.NextOrder, 99 },
        }));
        dialogs.WaitForElement("#lookup-save");

        Input(dialogs, "lookup-code").Change("Bad Code!");
        Input(dialogs, "lookup-label").Change("");
        dialogs.Find("#lookup-save").Click();
        dialogs.WaitForAssertion(() => FieldErrors(dialogs).Should().Contain(e => e.StartsWith("Code \"bad code!\"", StringComparison.OrdinalIgnoreCase))
            .And.Contain("Label is required: it is what people see in lists."));

        Input(dialogs, "lookup-code").Change("purok-99");

        dialogs.WaitForAssertion(() => FieldErrors(dialogs).Should().NotContain(e => e.StartsWith("Code", StringComparison.Ordinal)));
        FieldErrors(dialogs).Should().Contain("Label is required: it is what people see in lists.");
    }

    [Fact]
    public async Task OfficialEditDialog_ChangedName_LosesItsMessage_TheContactNumberKeepsIts()
    {
        var officials = Services.GetRequiredService<OfficialAdminService>();
        var row = (await officials.ListAsync(new OfficialFilter(null, null, "Dela Cruz"), 0, 5)).Items.First();
        var detail = await officials.GetAsync(row.Id);
        var dialogs = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        var service = Services.GetRequiredService<IDialogService>();
        await dialogs.InvokeAsync(() => service.ShowAsync<OfficialEditDialog>("Edit", new DialogParameters<OfficialEditDialog> { { x => x.Detail, detail } }));
        dialogs.WaitForElement("[data-testid=official-save]");

        Input(dialogs, "official-name").Change("");
        Input(dialogs, "official-contact").Change("123");
        dialogs.Find("[data-testid=official-save]").Click();
        dialogs.WaitForAssertion(() => FieldErrors(dialogs).Should().Contain("Full name is required.").And.Contain(e => e.StartsWith("Contact number must be")));

        Input(dialogs, "official-name").Change("Ricardo M. Dela Cruz");

        dialogs.WaitForAssertion(() => FieldErrors(dialogs).Should().NotContain("Full name is required."));
        FieldErrors(dialogs).Should().Contain(e => e.StartsWith("Contact number must be"));
        dialogs.Find("[data-testid=official-errors]").TextContent.Should().NotContain("Full name is required.", "the summary shows what is still refused")
            .And.Contain("Contact number must be");
    }
}
