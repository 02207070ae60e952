using Barangay.App.Components.Pages.Officials;
using Barangay.Data;
using Barangay.Data.Officials;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.App.Components;

/// <summary>The public roster page rendered by bUnit over the real service and the demo database.</summary>
public class OfficialsPageTests : ComponentTestBase, IClassFixture<DemoDatabase>
{
    public OfficialsPageTests(DemoDatabase database)
    {
        Services.AddBarangayData(database.AppConnectionString, new DatabaseOptions());
        Services.AddSingleton<OfficialRosterService>();
    }

    [Fact]
    public void OfficialsPage_Rendered_ListsPunongBarangayFirstWithoutContactDetails()
    {
        var cut = Render<OfficialsPage>();
        cut.WaitForAssertion(() => cut.FindAll(".official-name").Should().HaveCount(13), TimeSpan.FromSeconds(10));

        var names = cut.FindAll(".official-name").Select(e => e.TextContent.Trim()).ToList();
        names[0].Should().Be("Ricardo M. Dela Cruz");
        names.Should().Contain("Rosario T. Muñoz");
        cut.Markup.Should().Contain("Punong Barangay").And.Contain("Kagawad");
        cut.Markup.Should().NotContain("0917", "the public page shows no contact numbers");
    }
}
