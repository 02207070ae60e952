using Barangay.App.Components.Shared;
using Barangay.Tests.Infrastructure;
using Bunit;

namespace Barangay.Tests.App.Components;

public class SharedComponentTests : ComponentTestBase
{
    [Fact]
    public void SummaryCard_LargeCount_IsShownWithThousandsSeparator()
    {
        var cut = Render<SummaryCard>(p => p
            .Add(x => x.Label, "Population")
            .Add(x => x.Value, 12345)
            .Add(x => x.Hint, "active inhabitants")
            .Add(x => x.TestId, "card-population"));

        cut.Find("[data-testid=card-population] .summary-label").TextContent.Should().Be("Population");
        cut.Find(".summary-value").TextContent.Trim().Should().Be("12,345");
        cut.Markup.Should().Contain("active inhabitants");
    }

    [Fact]
    public void Forbidden_Rendered_ExplainsAndLinksHome()
    {
        var cut = Render<Forbidden>();
        cut.Markup.Should().Contain("This page is not for your account");
        cut.Find("a").GetAttribute("href").Should().Be("/");
    }
}
