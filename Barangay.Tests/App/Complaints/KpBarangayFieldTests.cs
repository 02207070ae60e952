using Barangay.App.Components.Pages.Complaints;
using Barangay.Data.Municipality;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.App.Complaints;

/// <summary>A barangay typed for the KP venue: the municipal catalogue's barangays are offered when there is one.</summary>
public class KpBarangayFieldTests : ComponentTestBase, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's popover services only dispose asynchronously (as OutboxPageTests does).
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    private sealed class Directory(params string[] names) : IBarangayDirectory
    {
        public Task<IReadOnlyList<BarangayListing>> ListAsync(CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<BarangayListing>>(names.Select((n, i) => new BarangayListing(Guid.NewGuid(), "b" + i, n, "0", "h" + i,
                n == "Closed" ? BarangayStatuses.Suspended : BarangayStatuses.Active, "")).ToList());
        public Task<BarangayListing?> FindBySlugAsync(string slug, CancellationToken ct = default) => Task.FromResult<BarangayListing?>(null);
        public Task<BarangayListing?> FindByHostAsync(string host, CancellationToken ct = default) => Task.FromResult<BarangayListing?>(null);
    }

    private IRenderedComponent<KpBarangayField> RenderWith(params string[] names)
    {
        Services.AddSingleton<IBarangayDirectory>(new Directory(names));
        Render<MudBlazor.MudPopoverProvider>();
        return Render<KpBarangayField>(p => p.Add(x => x.Label, "Respondent's barangay").Add(x => x.TestId, "kp-respondent-barangay"));
    }

    [Fact]
    public async Task Render_CatalogueConfigured_OffersItsActiveBarangaysAsYouType()
    {
        var cut = RenderWith("San Isidro", "Santa Cruz", "Bigte", "Closed");

        var autocomplete = cut.FindComponent<MudBlazor.MudAutocomplete<string>>();
        var search = autocomplete.Instance.SearchFunc ?? throw new InvalidOperationException("no search");
        IEnumerable<string> matches = await search("san", CancellationToken.None)! ?? [];
        matches.Should().Equal("San Isidro", "Santa Cruz");
        IEnumerable<string> all = await search("", CancellationToken.None)! ?? [];
        all.Should().Equal("Bigte", "San Isidro", "Santa Cruz");
        autocomplete.Instance.CoerceValue.Should().BeTrue("a barangay of another town can still be typed");
    }

    [Fact]
    public void Render_SingleBarangay_PlainTextField()
    {
        var cut = RenderWith("San Isidro");

        cut.FindComponents<MudBlazor.MudAutocomplete<string>>().Should().BeEmpty();
        cut.FindComponent<MudBlazor.MudTextField<string>>().Instance.Label.Should().Be("Respondent's barangay");
    }
}
