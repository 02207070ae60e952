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
}
