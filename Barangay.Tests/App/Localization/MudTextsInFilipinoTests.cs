using Barangay.App.Components.Shared;
using Barangay.App.Localization;
using Barangay.Data.Localization;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using LanguageScope = Barangay.Data.Localization.LanguageScope;

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
        using var _ = LanguageScope.Use(AppLanguages.Filipino);
        var grid = Grid();
        grid.Markup.Should().Contain("Hilera bawat pahina:").And.Contain("1-10 sa 30").And.NotContain("Rows per page");
    }

    [Fact]
    public void Pager_English_KeepsMudBlazorsEnglish()
    {
        using var _ = LanguageScope.Use(AppLanguages.English);
        Grid().Markup.Should().Contain("Rows per page:").And.Contain("1-10 of 30");
    }

    /// <summary>MudTablePager's texts are parameters, not MudBlazor localizer keys: the shared <see cref="TablePager"/> sets them.</summary>
    private IRenderedComponent<MudTable<string>> Table() => Render<MudTable<string>>(p => p
        .Add(t => t.Items, Items)
        .Add(t => t.RowsPerPage, 10)
        .Add(t => t.RowTemplate, (RenderFragment<string>)(item => b => b.AddContent(0, item)))
        .Add(t => t.PagerContent, (RenderFragment)(b =>
        {
            b.OpenComponent<TablePager>(0);
            b.CloseComponent();
        })));

    [Fact]
    public void TablePager_Filipino_SaysRowsPerPageAndTheCountInFilipino()
    {
        using var _ = LanguageScope.Use(AppLanguages.Filipino);
        Services.AddScoped<UiLanguage>();
        Services.AddTransient(typeof(Microsoft.Extensions.Localization.IStringLocalizer<>), typeof(TextsLocalizer<>));
        var table = Table();
        var markup = table.Markup;
        markup.Should().Contain("Hilera bawat pahina:").And.Contain("1-10 sa 30").And.NotContain("Rows per page").And.NotContain(" of 30");
        // The buttons' names a screen reader says (MudBlazor's localizer keys, through CatalogueMudLocalizer); the
        // rows-per-page select is named by the caption above through aria-labelledby.
        markup.Should().Contain("aria-label=\"Unang pahina\"").And.Contain("aria-label=\"Nakaraang pahina\"")
            .And.Contain("aria-label=\"Susunod na pahina\"").And.Contain("aria-label=\"Huling pahina\"")
            .And.NotContain("First page").And.NotContain("Previous page").And.NotContain("Next page").And.NotContain("Last page");
        var caption = table.Find(".mud-table-pagination-information[id]");
        caption.TextContent.Should().Be("Hilera bawat pahina:");
        table.FindAll($"[aria-labelledby='{caption.Id}']").Should().ContainSingle("the rows-per-page select is named by it");
    }

    [Fact]
    public void TablePager_English_SaysRowsPerPage()
    {
        using var _ = LanguageScope.Use(AppLanguages.English);
        Services.AddScoped<UiLanguage>();
        Services.AddTransient(typeof(Microsoft.Extensions.Localization.IStringLocalizer<>), typeof(TextsLocalizer<>));
        Table().Markup.Should().Contain("Rows per page:").And.Contain("1-10 of 30");
    }

    [Fact]
    public void NoPage_UsesMudTablePagerDirectly()
    {
        var root = TextsCompletenessTests.RepoRoot();
        Directory.EnumerateFiles(Path.Combine(root, "Barangay.App"), "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/") && !f.EndsWith("/TablePager.razor") && File.ReadAllText(f).Contains("<MudTablePager"))
            .Select(Path.GetFileName).Should().BeEmpty("its English defaults show on a Filipino page: use <TablePager />");
    }

    [Fact]
    public void EveryMappedText_HasFilipino()
    {
        CatalogueMudLocalizer.English.Values.Where(e => Texts.Find(e, AppLanguages.FilipinoCulture) is null || Texts.Get(e, AppLanguages.FilipinoCulture) == e)
            .Should().BeEmpty("each MudBlazor text we map needs its Filipino in Texts.fil-PH.resx");
    }
}
