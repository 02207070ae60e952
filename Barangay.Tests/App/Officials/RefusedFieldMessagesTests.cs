using Barangay.App.Components.Pages.Households;
using Barangay.App.Components.Pages.Profile;
using Barangay.App.Components.Pages.Residents;
using Barangay.Data.Localization;
using Barangay.Data.Residents;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Barangay.Tests.App.Officials;

/// <summary>
/// Issue 24 item 7's pattern, on every form with the services' refusals: a refused field's message goes as soon as that
/// field is changed, while the other fields' messages stay until the next submit (the rule: Components/Shared/ShownErrors).
/// </summary>
public class RefusedFieldMessagesTests(DemoDatabase database) : OfficialPageTestBase(database, AppLanguages.English), IClassFixture<DemoDatabase>
{
    private static IElement Input<T>(IRenderedComponent<T> cut, string testId) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.Find($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea");

    [Fact]
    public void ResidentForm_SavedEmpty_TypingTheFirstName_TakesOnlyItsMessageAway()
    {
        var page = Render<ResidentEditPage>();
        page.WaitForElement("[data-testid=save-resident]").Click();
        page.WaitForAssertion(() => page.Markup.Should().Contain("First name is required.").And.Contain("Last name is required."));

        Input(page, "first-name").Change("Rosario");

        page.WaitForAssertion(() => page.Markup.Should().NotContain("First name is required."));
        page.Markup.Should().Contain("Last name is required.", "the last name is still empty").And.Contain("Birth date is required.");
        page.Find("[data-testid=form-errors]").TextContent.Should().NotContain("First name").And.Contain("Last name is required.");
    }

    [Fact]
    public async Task MyContact_RefusedNumberAndEmail_FixingTheNumber_LeavesTheEmailsMessage()
    {
        await SignInAsync(DemoAccounts.ResidentUser);
        var profile = (await Services.GetRequiredService<ResidentSelfService>().GetMyProfileAsync())!;
        var panel = Render<MyContactPanel>(p => p.Add(x => x.Profile, profile));
        Input(panel, "my-mobile").Change("12345");
        Input(panel, "my-email").Change("not an email");
        panel.Find("button[data-testid=save-contact]").Click();
        panel.WaitForAssertion(() => panel.Markup.Should().Contain("Philippine mobile number").And.Contain("Email address is not valid."));

        Input(panel, "my-mobile").Change("0917 123 4567");

        panel.WaitForAssertion(() => panel.Markup.Should().NotContain("Philippine mobile number"));
        panel.Markup.Should().Contain("Email address is not valid.");
    }

    [Fact]
    public async Task CorrectionDialog_RefusedNote_ShorteningIt_LeavesTheMissingDetailsMessage()
    {
        await SignInAsync(DemoAccounts.ResidentUser);
        // A MudDialog shows only inside the provider, opened through the dialog service as My profile opens it.
        var dialog = Render<MudDialogProvider>();
        await dialog.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<CorrectionDialog>("Request a correction"));
        dialog.WaitForElement("[data-testid=correction-dialog]");
        Input(dialog, "correction-note").Change(new string('a', ResidentValidator.MaxCorrectionNote + 1));
        dialog.Find("button[data-testid=send-correction]").Click();
        dialog.WaitForAssertion(() => dialog.Markup.Should().Contain("Choose which detail should be corrected.").And.Contain("Note is longer than"));

        Input(dialog, "correction-note").Change("Mali ang apelyido");

        dialog.WaitForAssertion(() => dialog.Markup.Should().NotContain("Note is longer than"));
        dialog.Markup.Should().Contain("Choose which detail should be corrected.");
    }

    /// <summary>Types into an autocomplete and picks the first match the popover lists (as a person does).</summary>
    private static void Pick(IRenderedComponent<MudPopoverProvider> popovers, IElement input, string text)
    {
        input.Input(text);
        popovers.WaitForAssertion(() => popovers.FindAll(".mud-popover-open .mud-list-item").Should().NotBeEmpty(), TimeSpan.FromSeconds(10));
        popovers.FindAll(".mud-popover-open .mud-list-item")[0].Click();
    }

    [Fact]
    public async Task NewHousehold_HeadAlreadyInAHousehold_TypingTheAddressKeepsIt_ChoosingAnotherHeadTakesItAway()
    {
        var (member, member2) = await DbAsync(async db =>
        {
            var two = await db.Residents.AsNoTracking().Where(r => r.HouseholdId != null && r.RegistrationStatus == ResidentStatuses.Active)
                .OrderBy(r => r.ResidentId).Take(2).ToListAsync();
            return (two[0], two[1]);
        });
        var popovers = Render<MudPopoverProvider>();
        var dialog = Render<MudDialogProvider>();
        await dialog.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<NewHouseholdDialog>("New household"));
        dialog.WaitForElement("[data-testid=new-household-dialog]");
        Pick(popovers, Input(dialog, "household-head"), member.LastName + " " + member.FirstName);
        dialog.WaitForAssertion(() => dialog.Find("button[data-testid=create-household]").HasAttribute("disabled").Should().BeFalse());
        dialog.Find("button[data-testid=create-household]").Click();
        dialog.WaitForAssertion(() => dialog.Markup.Should().Contain("already belongs to household"));

        Input(dialog, "household-address").Change("12 Mabini St.");
        dialog.Markup.Should().Contain("already belongs to household", "the address is not what was refused");

        Pick(popovers, Input(dialog, "household-head"), member2.LastName + " " + member2.FirstName);
        dialog.WaitForAssertion(() => dialog.Markup.Should().NotContain("already belongs to household"));
    }
}
