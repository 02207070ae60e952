using System.Globalization;
using Barangay.App.Components.Pages.Documents;
using Barangay.App.Hosting;
using Barangay.Data;
using Barangay.Data.Files;
using Barangay.Data.Localization;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Data.Settings;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.App.Components;

/// <summary>Issue 26: the officials' walk-in request form (the counter's everyday form) in the official's language.</summary>
public class WalkInPageTests : DemoPageTestBase, IClassFixture<DemoDatabase>
{
    public WalkInPageTests(DemoDatabase database) : base(database, AppLanguages.FilipinoCulture)
    {
        Services.AddScoped<Barangay.Data.Documents.DocumentRequestService>();
        Services.AddScoped<Barangay.Data.Residents.ResidentService>();
    }

    public override Task InitializeAsync() => SignInAsync(DemoAccounts.OfficialUser, OfficialPositions.Secretary);

    [Fact]
    public void WalkInRequest_ForAFilipinoOfficial_IsInFilipino()
    {
        var cut = Render<WalkInPage>();
        cut.WaitForElement("[data-testid=walkin-resident]", TimeSpan.FromSeconds(10));
        cut.Find("h1").TextContent.Should().Be("Kahilingang personal na idinulog");
        cut.Markup.Should().Contain("Residente").And.Contain("Ipakita ang mga tugma").And.NotContain("Walk-in request").And.NotContain(">Resident<");
    }

    [Fact]
    public async Task WalkInRequest_SentWithoutAResident_SaysSo_AndChoosingOneTakesTheMessageAway()
    {
        var cut = Render<WalkInPage>();
        cut.WaitForElement("[data-testid=walkin-resident]", TimeSpan.FromSeconds(10));
        var missing = Texts.Get("Choose the resident the request is for.", AppLanguages.FilipinoCulture);

        // The form's own submit (its button waits for a document type, which is not what is tested here).
        await cut.InvokeAsync(() => cut.FindComponent<RequestForm>().Instance.OnSubmit.InvokeAsync());
        cut.WaitForAssertion(() => cut.Markup.Should().Contain(missing));
        cut.FindAll(".mud-alert").Should().BeEmpty("the message is said once, under the resident field");

        var juana = (await Services.GetRequiredService<Barangay.Data.Residents.ResidentService>()
            .SearchAsync(new Barangay.Data.Residents.ResidentFilter(Search: "dela cruz", Status: "active"), 0, 1)).Items.Single();
        var resident = cut.FindComponent<MudBlazor.MudAutocomplete<Barangay.Data.Residents.ResidentRow>>();
        await cut.InvokeAsync(() => resident.Instance.ValueChanged.InvokeAsync(juana));

        cut.WaitForAssertion(() => cut.Markup.Should().NotContain(missing, "the resident is chosen: the message no longer describes the form"));
    }
}
