using System.Globalization;
using Barangay.App.Localization;
using Barangay.Data.Localization;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Barangay.Tests.App.Localization;

/// <summary>MudBlazor's own texts (the grid pager here) follow the page's language through <see cref="CatalogueMudLocalizer"/>.</summary>
public class MudTextsInFilipinoTests : ComponentTestBase, IAsyncLifetime
{
    private static readonly string[] Items = [.. Enumerable.Range(1, 30).Select(i => $"Row {i}")];

    public MudTextsInFilipinoTests() => Services.AddTransient<MudLocalizer, CatalogueMudLocalizer>();

    public Task InitializeAsync() => Task.CompletedTask;

    // The grid's services are async-disposable only.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    private IRenderedComponent<MudDataGrid<string>> Grid() => Render<MudDataGrid<string>>(p => p
        .Add(g => g.Items, Items)
        .Add(g => g.RowsPerPage, 10)
        .Add(g => g.Columns, (RenderFragment)(b =>
        {
            b.OpenComponent<PropertyColumn<string, string>>(0);
            b.AddAttribute(1, "Property", (System.Linq.Expressions.Expression<Func<string, string>>)(s => s));
            b.CloseComponent();
        }))
        .Add(g => g.PagerContent, (RenderFragment)(b =>
        {
            b.OpenComponent<MudDataGridPager<string>>(0);
            b.CloseComponent();
        })));

    [Fact]
    public void Pager_Filipino_SaysRowsPerPageAndTheCountInFilipino()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = AppLanguages.FilipinoCulture;
            var grid = Grid();
            grid.Markup.Should().Contain("Hilera bawat pahina:").And.Contain("1-10 sa 30").And.NotContain("Rows per page");
        }
        finally { CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = before; }
    }

    [Fact]
    public void Pager_English_KeepsMudBlazorsEnglish()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = AppLanguages.EnglishCulture;
            Grid().Markup.Should().Contain("Rows per page:").And.Contain("1-10 of 30");
        }
        finally { CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = before; }
    }

    [Fact]
    public void EveryMappedText_HasFilipino()
    {
        CatalogueMudLocalizer.English.Values.Where(e => Texts.Find(e, AppLanguages.FilipinoCulture) is null || Texts.Get(e, AppLanguages.FilipinoCulture) == e)
            .Should().BeEmpty("each MudBlazor text we map needs its Filipino in Texts.fil-PH.resx");
    }
}
